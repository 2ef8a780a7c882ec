#include "cli/Commands.h"
#include "host/Host.h"
#include "host/InstallLayout.h"
#include "http/ApiServer.h"
#include "seed/DemoSeed.h"

#include <Poco/NumberParser.h>

#include <csignal>
#include <iostream>
#include <pthread.h>

namespace mockhost {
namespace {

unsigned short parsePort(const std::string& text) {
    unsigned value = 0;
    if (!Poco::NumberParser::tryParseUnsigned(text, value) || value > 65535)
        throw std::invalid_argument("--port: '" + text + "' is not a port number (0-65535)");
    return static_cast<unsigned short>(value);
}

} // namespace

int runServe(const CommandLine& line) {
    std::set<std::string> allowed = emulatorOptionNames();
    allowed.insert({"port", "web-root", "allowed-host", "tls-cert", "tls-key"});
    line.allowOnly(allowed);
    const unsigned short port = parsePort(line.value("port", "8080"));
    std::optional<ServerTls> tls;
    if (line.has("tls-cert") != line.has("tls-key"))
        throw std::invalid_argument("--tls-cert and --tls-key: give both (PEM files) or neither");
    if (line.has("tls-cert"))
        tls = ServerTls{line.required("tls-cert"), line.required("tls-key")};
    // Block the stop signals before any thread starts, so every thread inherits the mask and
    // only sigwait below receives them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    HostOptions options = line.hostOptions();
    // Declared before the host so they outlive it: the host joins the jobs that call them.
    const std::unique_ptr<DemoEmulators> emulators = startDemoEmulators(line, options);
    Host host(options);
    if (emulators)
        for (const std::string& text : emulators->describe())
            host.logger().info(text);
    host.loadTools();
    host.startTools();
    ApiServer server(host, port, line.value("web-root", InstallLayout::defaultWebRoot()),
                     line.values("allowed-host"), tls);
    server.start();
    const std::string url =
        std::string(server.scheme()) + "://127.0.0.1:" + std::to_string(server.port()) + "/";
    host.logger().info("serving on " + url);
    if (host.options().seedDemo) {
        for (const DemoLogin& login : DemoSeed::logins())
            host.logger().info("demo log-in: " + login.login + " / " + kDemoPassword + " (" +
                               login.organization + ", " + login.role + ")");
    }
    // Tests read the port from this line.
    std::cout << "listening on " << url << std::endl;

    int received = 0;
    sigwait(&stopSignals, &received);
    host.logger().info(std::string("stopping on ") + (received == SIGINT ? "SIGINT" : "SIGTERM"));
    server.stop();
    host.stopTools();
    host.logger().info("stopped");
    return 0;
}

} // namespace mockhost
