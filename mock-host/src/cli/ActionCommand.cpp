#include "cli/Commands.h"
#include "host/Host.h"
#include "host/ToolGateway.h"

#include <iostream>

namespace mockhost {

int runAction(const CommandLine& line) {
    line.allowOnly({"login"});
    const std::string login = line.required("login");
    const auto& args = line.positionals();
    if (args.size() < 2 || args.size() > 3)
        throw std::invalid_argument("usage: mock-host action --login <user> <toolId> <action> "
                                    "[json]");
    Host host(line.hostOptions());
    host.loadTools();
    host.startTools();
    ToolGateway gateway(host);
    try {
        const bss::sdk::CallContext caller =
            gateway.contextForLogin(login, ToolGateway::newRequestId());
        std::cout << gateway.invoke(caller, args[0], args[1], args.size() == 3 ? args[2] : "{}")
                  << std::endl;
        return 0;
    } catch (const bss::sdk::ToolError& e) {
        std::cerr << "error " << bss::sdk::httpStatusFor(e.code()) << " "
                  << bss::sdk::errorCodeName(e.code()) << ": " << e.what()
                  << (e.field().empty() ? "" : " (field " + e.field() + ")") << "\n";
        return 1;
    }
}

} // namespace mockhost
