#include "EmulatorProcess.h"

#include <Poco/File.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <stdexcept>

namespace {

std::string valueAfter(const std::string& line, const std::string& label) {
    const std::size_t at = line.find(label);
    if (at == std::string::npos)
        throw std::runtime_error("unexpected emulator banner line: " + line);
    std::string value = line.substr(at + label.size());
    value.erase(0, value.find_first_not_of(' '));
    return value;
}

} // namespace

EmulatorProcess::EmulatorProcess(const std::vector<std::string>& flags) {
    const std::string certs = std::string(ICT_BINARY_DIR) + "/bench-certs/process";
    Poco::File(certs).createDirectories();
    std::vector<std::string> args = {"--port",      "0",
                                     "--cert-dir",  certs,
                                     "--client-id", ict::application::test::ToolHarness::kAppId,
                                     "--client-secret",
                                     ict::application::test::ToolHarness::kAppSecret};
    args.insert(args.end(), flags.begin(), flags.end());
    _handle = std::make_unique<Poco::ProcessHandle>(Poco::Process::launch(
        std::string(ICT_BINARY_DIR) + "/bin/partner-center-emulator", args, nullptr, &_out,
        nullptr));
    _stream = std::make_unique<Poco::PipeInputStream>(_out);
    const std::vector<std::pair<std::string, std::string*>> facts = {
        {"listening on", &_url},
        {"CA certificate:", &_ca},
        {"partner tenant id:", &_tenant},
        {"demo refresh token:", &_refreshToken}};
    std::string line;
    for (const auto& [label, into] : facts) {
        while (std::getline(*_stream, line) && line.find(label) == std::string::npos) {
        }
        if (!*_stream)
            throw std::runtime_error("the emulator ended before printing '" + label + "'");
        *into = valueAfter(line, label);
    }
    const Poco::URI uri(_url);
    _host = uri.getHost();
    _port = uri.getPort();
}

EmulatorProcess::~EmulatorProcess() {
    try {
        Poco::Process::requestTermination(_handle->id());
        _handle->wait();
    } catch (...) {
    }
}

mockhost::InstanceRecord
EmulatorProcess::instanceRecord(ict::application::test::ToolHarness& harness,
                                const std::string& name) const {
    mockhost::InstanceRecord record;
    record.ownerOrganizationId = harness.root().organization.id;
    record.name = name;
    record.cspModel = "direct";
    record.partnerCenterUrl = _url;
    record.loginUrl = _url;
    record.caBundlePath = _ca;
    record.partnerTenantId = _tenant;
    record.appId = ict::application::test::ToolHarness::kAppId;
    record.appSecret = ict::application::test::ToolHarness::kAppSecret;
    record.refreshToken = _refreshToken;
    record.refreshTokenExpiresAtIso =
        mockhost::formatIso(harness.clock().now() + std::chrono::hours(24 * 365));
    return record;
}

std::string EmulatorProcess::control(const std::string& method, const std::string& path,
                                     const std::string& body) {
    Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", _ca,
                               Poco::Net::Context::VERIFY_STRICT);
    Poco::Net::HTTPSClientSession session(_host, _port, context);
    Poco::Net::HTTPRequest request(method, "/_emulator" + path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!body.empty()) {
        request.setContentType("application/json");
        request.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::string answer;
    Poco::StreamCopier::copyToString(session.receiveResponse(response), answer);
    if (response.getStatus() / 100 != 2)
        throw std::runtime_error("emulator control " + method + " " + path + ": " +
                                 std::to_string(response.getStatus()) + " " + answer);
    return answer;
}

std::map<std::string, std::int64_t> EmulatorProcess::counters() {
    const auto json = Poco::JSON::Parser()
                          .parse(control("GET", "/counters"))
                          .extract<Poco::JSON::Object::Ptr>();
    std::map<std::string, std::int64_t> counts{{"total", json->getValue<std::int64_t>("total")}};
    const auto endpoints = json->getObject("endpoints");
    for (const auto& [name, value] : *endpoints)
        counts[name] = value.convert<std::int64_t>();
    return counts;
}

void EmulatorProcess::resetCounters() {
    control("POST", "/counters/reset");
}

void EmulatorProcess::setFaults(const std::string& json) {
    control("POST", "/faults", json);
}
