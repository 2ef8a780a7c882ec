#pragma once
// The mock host as `mock-host serve --emulator` runs it, in the test process: the Host (its
// database from ICT_TEST_DB, the demo seed, the tool loaded from the build's plugins folder with
// Boost.DLL), the two demo Partner Center emulators over TLS, and the HTTP API on a free port.
// Calls go through the host's checks (ToolGateway) or over HTTP (HttpClient). The host log is
// also written to a file so tests can search it.

#include "host/Host.h"
#include "host/ToolGateway.h"
#include "http/ApiServer.h"
#include "seed/DemoEmulators.h"
#include "seed/DemoSeed.h"
#include "support/TestDatabase.h"

#include <Poco/File.h>
#include <Poco/JSON/Parser.h>
#include <Poco/TemporaryFile.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

namespace ict::reliability::test {

using JsonObject = Poco::JSON::Object::Ptr;
inline constexpr const char* kToolId = "import-customers";

inline JsonObject parseJson(const std::string& text) {
    return Poco::JSON::Parser().parse(text).extract<JsonObject>();
}

inline std::string text(const JsonObject& object, const std::string& field) {
    if (!object->has(field) || object->isNull(field))
        return std::string();
    return object->get(field).convert<std::string>();
}

struct LiveHostOptions {
    int tenants = 50;        ///< per demo emulator
    std::uint64_t seed = 42; ///< data set of the direct emulator (indirect: seed + 1)
    bool http = true;        ///< also serve the HTTP API
    /// Lines below this are dropped (the log goes to stderr and the log file).
    bss::sdk::LogLevel logLevel = bss::sdk::LogLevel::Warning;
};

class LiveHost {
public:
    explicit LiveHost(const LiveHostOptions& options) : _logFile(Poco::TemporaryFile::tempName()) {
        _db = std::make_unique<ict::test::TestDatabase>();
        mockhost::DemoEmulatorOptions demo;
        demo.port = 0;
        demo.tenants = options.tenants;
        demo.seed = options.seed;
        demo.certDirectory = std::string(ICT_BINARY_DIR) + "/test-certs/reliability";
        Poco::File(demo.certDirectory).createDirectories();
        _emulators = std::make_unique<mockhost::DemoEmulators>(demo);
        _emulators->start();
        // The tests bound their own pace; the emulators' default 500/min would make them slow.
        for (auto* pc : {&_emulators->direct(), &_emulators->indirect()}) {
            auto faults = pc->state().faults();
            faults.rateLimitPerMinute = 0;
            pc->state().setFaults(faults);
        }
        mockhost::HostOptions host;
        host.db = _db->hostOption();
        host.seedDemo = true;
        host.demoEndpoints = _emulators->endpoints();
        host.logFile = _logFile;
        _host = std::make_unique<mockhost::Host>(host);
        _host->sink()->setMinimumLevel(options.logLevel);
        _host->loadTools();
        _host->startTools();
        if (!_host->tool(kToolId))
            throw std::runtime_error("the tool did not load from " + host.pluginDir);
        _gateway = std::make_unique<mockhost::ToolGateway>(*_host);
        if (options.http) {
            _server = std::make_unique<mockhost::ApiServer>(*_host, 0, "/nonexistent-web-root");
            _server->start();
        }
    }

    ~LiveHost() {
        if (_server)
            _server->stop();
        _host->stopTools();
        _host.reset();
        _emulators.reset();
        Poco::File log(_logFile);
        if (log.exists())
            log.remove();
    }

    LiveHost(const LiveHost&) = delete;
    LiveHost& operator=(const LiveHost&) = delete;

    mockhost::Host& host() { return *_host; }
    mockhost::DemoEmulators& emulators() { return *_emulators; }
    mockhost::emulator::PartnerCenterEmulator& direct() { return _emulators->direct(); }
    unsigned short port() const { return _server ? _server->port() : 0; }
    const std::string& logFile() const { return _logFile; }
    std::string databaseOption() const { return _db->hostOption(); }

    /// Everything the host logged so far.
    std::string log() const {
        std::ifstream in(_logFile);
        std::ostringstream all;
        all << in.rdbuf();
        return all.str();
    }

    /// An action as `login` through the host's checks; ToolError passes through.
    std::string invoke(const std::string& login, const std::string& action,
                       const std::string& body) {
        return invokeTool(kToolId, login, action, body);
    }
    /// The same, of the tool `toolId` (the host runs every tool of its plugin folder).
    std::string invokeTool(const std::string& toolId, const std::string& login,
                           const std::string& action, const std::string& body) {
        const auto caller = _gateway->contextForLogin(login, "test");
        return _gateway->invoke(caller, toolId, action, body);
    }
    /// A streamed action of `toolId` as `login`, through the host's checks: what it wrote.
    std::string streamTool(const std::string& toolId, const std::string& login,
                           const std::string& action, const std::string& body) {
        struct Collect : bss::sdk::ResponseStream {
            std::string text;
            void begin(const std::string&, const std::string&) override {}
            bool write(const std::string& bytes) override {
                text += bytes;
                return true;
            }
        } out;
        _gateway->stream(_gateway->contextForLogin(login, "test"), toolId, action, body, out);
        return out.text;
    }
    JsonObject call(const std::string& login, const std::string& action, const std::string& body) {
        return parseJson(invoke(login, action, body));
    }

    /// The id of a demo instance by name.
    std::int64_t instanceId(const std::string& name) {
        const auto list = call("admin@root", "list-instances", "{}")->getArray("instances");
        for (std::size_t i = 0; i < list->size(); ++i) {
            const JsonObject item = list->getObject(static_cast<unsigned>(i));
            if (text(item, "name") == name)
                return item->getValue<std::int64_t>("id");
        }
        throw std::runtime_error("no instance named " + name);
    }

    /// Polls job-status until the job ends; returns its last status.
    JsonObject waitJob(const std::string& login, const std::string& jobId,
                       std::chrono::seconds limit = std::chrono::seconds(150),
                       const std::string& toolId = kToolId) {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        while (true) {
            JsonObject status =
                parseJson(invokeTool(toolId, login, "job-status", "{\"jobId\":\"" + jobId + "\"}"));
            const std::string state = text(status, "state");
            if (state != "queued" && state != "running")
                return status;
            if (std::chrono::steady_clock::now() > deadline)
                throw std::runtime_error("job " + jobId + " still " + state);
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }

private:
    std::string _logFile;
    std::unique_ptr<ict::test::TestDatabase> _db;
    std::unique_ptr<mockhost::DemoEmulators> _emulators;
    std::unique_ptr<mockhost::Host> _host;
    std::unique_ptr<mockhost::ToolGateway> _gateway;
    std::unique_ptr<mockhost::ApiServer> _server;
};

} // namespace ict::reliability::test
