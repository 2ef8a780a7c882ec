#pragma once
/// The demo data set (`--seed-demo`), idempotent: what exists is kept, what is missing is added.
///
///  Organizations: "Contoso Cloud (root)" (root), "Contoso Cloud Greece" (country_tenant, child
///  of root), "Contoso Reseller Shop" (simple_tenant, child of root).
///  Roles: "System Admin" (system_admin), "Sales" (no permission).
///  Users (password kDemoPassword): admin@root, sales@root, admin@country, admin@simple.
///  Instances on the root: "Global Partner Center (direct)" (direct), "Indirect Provider"
///  (indirect), with demo app credentials and a refresh token valid one year from the host clock.
///  With endpoints (`--emulator`): those two and "Expired Token Instance" (direct, a refresh token
///  the emulator rejects as expired) are pointed at the given emulators on every apply, since the
///  emulator's port and tokens last only as long as the process; the instance ids stay.
///  Products of common Microsoft offers with billing plans, in the root and the country tenant.
///  The given tools enabled for the root and the country tenant, not for the simple tenant.
#include "seed/DemoEndpoint.h"

#include <string>
#include <vector>

namespace mockhost {

class Host;

inline constexpr const char* kDemoPassword = "demo-password";
inline constexpr const char* kDemoDirectInstance = "Global Partner Center (direct)";
inline constexpr const char* kDemoIndirectInstance = "Indirect Provider";
inline constexpr const char* kDemoExpiredInstance = "Expired Token Instance";

struct DemoSeedOptions {
    std::string partnerCenterUrl;
    std::string loginUrl;
    std::vector<std::string> toolIds;
    /// Empty: the instances use partnerCenterUrl/loginUrl and are kept as they are.
    std::vector<DemoEndpoint> endpoints;
};

struct DemoLogin {
    std::string login;
    std::string organization;
    std::string role;
};

class DemoSeed {
public:
    explicit DemoSeed(Host& host) : _host(host) {}
    void apply(const DemoSeedOptions& options);
    /// The demo log-ins, for the startup banner.
    static std::vector<DemoLogin> logins();

private:
    Host& _host;
};

} // namespace mockhost
