#include "cli/Commands.h"
#include "host/InstallLayout.h"

#include <bss/sdk/ToolError.h>

#include <Poco/Exception.h>

#include <iostream>

namespace mockhost {

int runHelp() {
    std::cout
        << "mock-host [command] [options]\n"
           "Commands:\n"
           "  serve (default)   open the database, load and start tools, serve HTTP\n"
           "                    --port N (8080; 0 = any free port) --web-root DIR (default: "
           "mock-host/web of the source tree)\n"
           "                    --allowed-host NAME (repeatable): a host name the server answers\n"
           "                    under besides 127.0.0.1, localhost and [::1]\n"
           "                    --tls-cert PEM --tls-key PEM: HTTPS only (TLS 1.2+), the session\n"
           "                    cookie Secure\n"
           "  action --login L [--wait] <toolId> <action> [json]   call an action as user L;\n"
           "                    --wait: follow the job it starts, print its final status\n"
           "  plugins           load the plugin folder (manifests first) and list loaded and\n"
           "                    refused files\n"
           "  enable-tool --org NAME --tool ID [--disable]\n"
           "  instance add|update --org NAME --name N --csp-model direct|indirect|both\n"
           "           --pc-url URL --login-url URL [--ca-bundle PEM] --partner-tenant ID\n"
           "           --app-id ID --secret-file F [--refresh-token-file F\n"
           "           --refresh-token-expires ISO]   (F: a file's first line; - = standard "
           "input;\n"
           "           --secret S / --refresh-token T work too, visible in ps)\n"
           "  product add --org NAME --name N --sku S --offer ID [--offer ID]...\n"
           "           [--plan cycle:term:priceMinor:currency]...\n"
           "  user add --org NAME --login L --password-file F [--display-name D] [--role R]...\n"
           "  rotate-key        seal every stored app secret and refresh token with a new key\n"
           "                    of the key file (which keeps the previous one)\n"
           "Common options: --db sqlite:<path>|postgresql:<key=value ...> (sqlite:var/host.db)\n"
           "  --key-file FILE   the keys sealing the secrets in the database, owner-only, made\n"
           "                    at the first start (default: the SQLite file + .key;\n"
           "                    var/host.key for PostgreSQL)\n"
        << "  --plugins DIR (" << InstallLayout::defaultPluginDir() << ")\n"
        << "  --schema-dir DIR (" << InstallLayout::defaultSchemaDir() << ")\n"
        << "  --seed-demo  --clock 2026-01-31T10:00:00Z\n"
           "  --log-file FILE  --quiet  --demo-pc-url URL  --demo-login-url URL\n"
           "serve and action: --emulator (implies --seed-demo) runs the Partner Center emulator\n"
           "  in-process and points the demo instances at it: --emulator-port 8443 (direct;\n"
           "  indirect on port+1; 0 = ephemeral) --emulator-tenants 100 --emulator-seed 42\n"
           "  --emulator-cert-dir var/emulator --emulator-latency-ms 0 --emulator-rate-limit 500\n";
    return 0;
}

int runMockHost(int argc, char** argv) {
    try {
        const CommandLine line = CommandLine::parse(argc, argv);
        const std::string& command = line.command();
        if (command == "help" || line.has("help"))
            return runHelp();
        if (command == "serve")
            return runServe(line);
        if (command == "action")
            return runAction(line);
        if (command == "plugins")
            return runPlugins(line);
        if (command == "enable-tool")
            return runEnableTool(line);
        if (command == "instance")
            return runInstance(line);
        if (command == "product")
            return runProduct(line);
        if (command == "user")
            return runUser(line);
        if (command == "rotate-key")
            return runRotateKey(line);
        return runHelp();
    } catch (const std::invalid_argument& e) {
        std::cerr << "mock-host: " << e.what() << "\n";
        return 2;
    } catch (const bss::sdk::ToolError& e) {
        std::cerr << "mock-host: " << bss::sdk::errorCodeName(e.code()) << ": " << e.what() << "\n";
        return 1;
    } catch (const Poco::Exception& e) {
        std::cerr << "mock-host: " << e.displayText() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "mock-host: " << e.what() << "\n";
        return 1;
    }
}

} // namespace mockhost
