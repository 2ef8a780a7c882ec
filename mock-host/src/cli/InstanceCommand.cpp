#include "cli/Commands.h"
#include "cli/SecretOption.h"
#include "host/Host.h"
#include "services/InstanceStore.h"
#include "support/IsoTime.h"

#include <iostream>

namespace mockhost {

int runInstance(const CommandLine& line) {
    line.allowOnly({"org", "name", "csp-model", "pc-url", "login-url", "ca-bundle",
                    "partner-tenant", "app-id", "secret", "secret-file", "refresh-token",
                    "refresh-token-file", "refresh-token-expires"});
    const auto& args = line.positionals();
    if (args.size() != 1 || (args[0] != "add" && args[0] != "update"))
        throw std::invalid_argument("usage: mock-host instance add|update --org ... (see help)");
    Host host(line.hostOptions());
    InstanceRecord record;
    record.ownerOrganizationId = host.organizations().require(line.required("org")).id;
    record.name = line.required("name");
    record.cspModel = line.required("csp-model");
    record.partnerCenterUrl = line.required("pc-url");
    record.loginUrl = line.required("login-url");
    record.caBundlePath = line.value("ca-bundle", "");
    record.partnerTenantId = line.required("partner-tenant");
    record.appId = line.required("app-id");
    record.appSecret = *secretOption(line, "secret", true);
    record.refreshToken = secretOption(line, "refresh-token", false).value_or("");
    if (auto expires = line.optional("refresh-token-expires"))
        record.refreshTokenExpiresAtIso = formatIso(parseIso(*expires, "--refresh-token-expires"));
    const std::string now = formatIso(host.clock().now());
    InstanceStore store(host.database());
    // Secrets are stored, never echoed.
    if (args[0] == "add") {
        const std::int64_t id = store.add(record, now);
        std::cout << "instance " << id << " '" << record.name << "' added" << std::endl;
    } else {
        store.update(record, now);
        std::cout << "instance '" << record.name << "' updated" << std::endl;
    }
    return 0;
}

} // namespace mockhost
