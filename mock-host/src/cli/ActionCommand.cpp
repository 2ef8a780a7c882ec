#include "cli/Commands.h"
#include "host/Host.h"
#include "host/ToolGateway.h"
#include "http/Handlers.h"

#include <Poco/JSON/Parser.h>

#include <chrono>
#include <csignal>
#include <ctime>
#include <iostream>
#include <pthread.h>
#include <sstream>

namespace mockhost {
namespace {

/// A streamed action's answer on standard output (a redirect saves the file).
class StdoutStream : public bss::sdk::ResponseStream {
public:
    void begin(const std::string& contentType, const std::string& fileName) override {
        std::cerr << "streaming " << contentType << " (" << fileName << ")" << std::endl;
    }
    bool write(const std::string& bytes) override {
        std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        return static_cast<bool>(std::cout);
    }
};

/// The jobId of an action's answer, or "" when it started none.
std::string jobIdOf(const std::string& answer) {
    try {
        const auto object = Poco::JSON::Parser().parse(answer).extract<Poco::JSON::Object::Ptr>();
        if (object && object->has("jobId") && !object->isNull("jobId"))
            return object->getValue<std::string>("jobId");
    } catch (const Poco::Exception&) {
        // Not an object: no job to wait for.
    }
    return "";
}

/// "phase=customers tenantsFetched=40 ..." from the job's progress object (scalars only).
std::string progressLine(const std::string& progressJson) {
    std::ostringstream line;
    try {
        const auto object =
            Poco::JSON::Parser().parse(progressJson).extract<Poco::JSON::Object::Ptr>();
        for (const auto& [name, value] : *object) {
            if (value.isEmpty() || value.type() == typeid(Poco::JSON::Object::Ptr) ||
                value.type() == typeid(Poco::JSON::Array::Ptr))
                continue;
            line << (line.tellp() > 0 ? " " : "") << name << "=";
            // Seconds and estimates are fractional; whole seconds are enough on a terminal.
            if (value.type() == typeid(double))
                line << static_cast<long long>(value.extract<double>() + 0.5);
            else
                line << value.toString();
        }
    } catch (const Poco::Exception&) {
        line << progressJson;
    }
    return line.str();
}

/// SIGINT and SIGTERM, blocked in every thread of an `action --wait` and taken by waitForJob.
sigset_t stopSignals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    return signals;
}

/// Sleeps up to `ms` milliseconds; true when a stop signal arrived meanwhile.
bool stopSignalWithin(int ms) {
    const sigset_t signals = stopSignals();
    const timespec timeout{0, static_cast<long>(ms) * 1000000L};
    return sigtimedwait(&signals, nullptr, &timeout) > 0;
}

/// Polls the host's job table until the job ends; progress to stderr (a line when the state
/// changes, else at most one a second), final status to stdout. A first Ctrl-C (or SIGTERM)
/// cancels the job and waits for it to stop between batches, so its run records what was done;
/// a second stops waiting (the host still cancels the job as it shuts down). Either way the
/// exit code is 130.
int waitForJob(Host& host, const bss::sdk::CallContext& caller, const std::string& jobId) {
    int stops = 0;
    std::string lastLine;
    bss::sdk::JobState lastState = bss::sdk::JobState::Unset;
    auto lastPrinted = std::chrono::steady_clock::now();
    while (true) {
        const auto status = host.jobs().statusForOrganization(caller.organization.id, jobId);
        if (!status) {
            std::cerr << "job " << jobId << " is not visible to " << caller.user.login << "\n";
            return 1;
        }
        const std::string line = std::string(bss::sdk::jobStateName(status->state)) + " " +
                                 progressLine(status->progressJson);
        const auto now = std::chrono::steady_clock::now();
        if (line != lastLine &&
            (status->state != lastState || now - lastPrinted >= std::chrono::seconds(1))) {
            std::cerr << "job " << jobId << " " << line << std::endl;
            lastLine = line;
            lastState = status->state;
            lastPrinted = now;
        }
        switch (status->state) {
        case bss::sdk::JobState::Succeeded:
            std::cout << jobStatusJson(*status) << std::endl;
            return stops ? 130 : 0;
        case bss::sdk::JobState::Failed:
        case bss::sdk::JobState::Cancelled:
            std::cout << jobStatusJson(*status) << std::endl;
            std::cerr << "job " << jobId << " " << bss::sdk::jobStateName(status->state)
                      << (status->error.empty() ? "" : ": " + status->error) << "\n";
            return stops ? 130 : 1;
        default:
            break;
        }
        if (stopSignalWithin(200)) {
            if (++stops == 1) {
                std::cerr << "interrupted: cancelling job " << jobId
                          << " (it stops after the batch in progress; press Ctrl-C again to "
                             "stop waiting)"
                          << std::endl;
                host.jobs().cancelForOrganization(caller.organization.id, jobId);
            } else {
                std::cerr << "interrupted again: not waiting for job " << jobId
                          << "; the host cancels it as it stops" << std::endl;
                return 130;
            }
        }
    }
}

} // namespace

int runAction(const CommandLine& line) {
    std::set<std::string> allowed = emulatorOptionNames();
    allowed.insert({"login", "wait"});
    line.allowOnly(allowed);
    const std::string login = line.required("login");
    const auto& args = line.positionals();
    if (args.size() < 2 || args.size() > 3)
        throw std::invalid_argument("usage: mock-host action --login <user> [--wait] <toolId> "
                                    "<action> [json]");
    HostOptions options = line.hostOptions();
    if (line.has("wait")) {
        // Before any thread starts, so every thread inherits the mask and only waitForJob takes
        // the signals (a Ctrl-C then cancels the job instead of killing it mid-batch).
        const sigset_t signals = stopSignals();
        pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    }
    // Declared before the host so they outlive it: the host joins the jobs that call them.
    const std::unique_ptr<DemoEmulators> emulators = startDemoEmulators(line, options);
    Host host(options);
    if (emulators)
        for (const std::string& text : emulators->describe())
            host.logger().info(text);
    host.loadTools();
    host.startTools();
    ToolGateway gateway(host);
    try {
        const bss::sdk::CallContext caller =
            gateway.contextForLogin(login, ToolGateway::newRequestId());
        const std::string body = args.size() == 3 ? args[2] : "{}";
        if (gateway.isStreamed(args[0], args[1])) {
            StdoutStream out;
            gateway.stream(caller, args[0], args[1], body, out);
            std::cout.flush();
            return 0;
        }
        const std::string answer = gateway.invoke(caller, args[0], args[1], body);
        const std::string jobId = line.has("wait") ? jobIdOf(answer) : "";
        if (jobId.empty()) {
            std::cout << answer << std::endl;
            return 0;
        }
        std::cerr << args[1] << " started: " << answer << std::endl;
        const int code = waitForJob(host, caller, jobId);
        if (emulators)
            for (const std::string& text : emulators->describeRequests())
                std::cerr << text << std::endl;
        return code;
    } catch (const bss::sdk::ToolError& e) {
        std::cerr << "error " << bss::sdk::httpStatusFor(e.code()) << " "
                  << bss::sdk::errorCodeName(e.code()) << ": " << e.what()
                  << (e.field().empty() ? "" : " (field " + e.field() + ")") << "\n";
        return 1;
    }
}

} // namespace mockhost
