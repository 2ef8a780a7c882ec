#pragma once
/// Writes microsoft_instances rows (the host's admin side; tools read through InstanceDirectory).
#include "db/HostDatabase.h"

#include <bss/sdk/Instances.h>

#include <optional>
#include <string>

namespace mockhost {

struct InstanceRecord {
    std::int64_t ownerOrganizationId = 0;
    std::string name;
    std::string cspModel; ///< "direct", "indirect" or "both".
    std::string partnerCenterUrl;
    std::string loginUrl;
    std::string caBundlePath;
    std::string partnerTenantId;
    std::string appId;
    std::string appSecret;    ///< Secret: never logged or printed.
    std::string refreshToken; ///< Secret: never logged or printed.
    std::optional<std::string> refreshTokenExpiresAtIso;
};

class InstanceStore {
public:
    explicit InstanceStore(HostDatabase& database) : _database(database) {}
    /// Id of the owner's instance of that name, if any.
    std::optional<std::int64_t> find(std::int64_t ownerOrganizationId, const std::string& name);
    /// Inserts; returns the id. Throws std::invalid_argument naming the bad field (csp model,
    /// empty name or URL), Poco::Exception on a duplicate name.
    std::int64_t add(const InstanceRecord& record, const std::string& nowIso);
    /// Replaces every field of the named instance of the owner; throws std::invalid_argument when
    /// there is none.
    void update(const InstanceRecord& record, const std::string& nowIso);

private:
    static void validate(const InstanceRecord& record);
    HostDatabase& _database;
};

} // namespace mockhost
