#include "cli/Commands.h"
#include "cli/SecretOption.h"
#include "host/Host.h"

#include <iostream>

namespace mockhost {

int runUser(const CommandLine& line) {
    line.allowOnly({"org", "login", "password", "password-file", "display-name", "role"});
    const auto& args = line.positionals();
    if (args.size() != 1 || args[0] != "add")
        throw std::invalid_argument("usage: mock-host user add --org ... (see help)");
    Host host(line.hostOptions());
    const bss::sdk::Organization org = host.organizations().require(line.required("org"));
    const std::string login = line.required("login");
    const std::int64_t id = host.users().addUser(org.id, login, line.value("display-name", login),
                                                 *secretOption(line, "password", true));
    for (const std::string& role : line.values("role"))
        host.users().grantRole(id, role);
    std::cout << "user " << id << " '" << login << "' added to " << org.name << std::endl;
    return 0;
}

} // namespace mockhost
