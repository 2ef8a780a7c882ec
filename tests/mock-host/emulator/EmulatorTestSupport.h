#pragma once
// Shared by the emulator suites: a running emulator in a temporary directory and a strict HTTPS
// client that trusts only the emulator's CA.

#include "PartnerCenterEmulator.h"

#include <Poco/File.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <Poco/URI.h>

#include <map>
#include <memory>
#include <string>

namespace emulatortest {

using mockhost::emulator::EmulatorOptions;
using mockhost::emulator::PartnerCenterEmulator;

struct HttpResult {
    int status = 0;
    std::string body;
    std::map<std::string, std::string> headers;

    Poco::JSON::Object::Ptr json() const {
        Poco::JSON::Parser parser;
        return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
    }
    std::string header(const std::string& name) const {
        const auto found = headers.find(name);
        return found == headers.end() ? "" : found->second;
    }
};

/// One keep-alive HTTPS session with VERIFY_STRICT against `caFile`.
class TestClient {
public:
    TestClient(Poco::UInt16 port, const std::string& caFile, int timeoutMs = 10000) {
        Poco::Net::Context::Params params;
        params.caLocation = caFile;
        params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
        params.loadDefaultCAs = false;
        _context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
        _session = std::make_unique<Poco::Net::HTTPSClientSession>("127.0.0.1", port, _context);
        _session->setKeepAlive(true);
        const Poco::Timespan timeout(timeoutMs * Poco::Timespan::MILLISECONDS);
        _session->setTimeout(timeout, timeout, timeout);
    }

    HttpResult request(const std::string& method, const std::string& uri,
                       const std::map<std::string, std::string>& headers = {},
                       const std::string& body = "",
                       const std::string& contentType = "application/json") {
        Poco::Net::HTTPRequest request(method, uri, Poco::Net::HTTPMessage::HTTP_1_1);
        request.set("Accept", "application/json");
        for (const auto& header : headers)
            request.set(header.first, header.second);
        if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
            request.setContentType(contentType);
            request.setContentLength(static_cast<std::streamsize>(body.size()));
        }
        try {
            _session->sendRequest(request) << body;
            Poco::Net::HTTPResponse response;
            std::istream& in = _session->receiveResponse(response);
            HttpResult result;
            result.status = response.getStatus();
            Poco::StreamCopier::copyToString(in, result.body);
            for (const auto& header : response)
                result.headers[header.first] = header.second;
            return result;
        } catch (...) {
            _session->reset();
            throw;
        }
    }

    HttpResult get(const std::string& uri, const std::string& accessToken,
                   std::map<std::string, std::string> headers = {}) {
        if (!accessToken.empty())
            headers["Authorization"] = "Bearer " + accessToken;
        return request("GET", uri, headers);
    }

    HttpResult control(const std::string& method, const std::string& path,
                       const std::string& body = "") {
        return request(method, "/_emulator/" + path, {}, body);
    }

    HttpResult redeem(const std::string& tenant, const std::string& refreshToken,
                      const std::string& resource = "https://api.partnercenter.microsoft.com") {
        std::string encodedToken, encodedResource;
        Poco::URI::encode(refreshToken, "&=+", encodedToken);
        Poco::URI::encode(resource, ":/&=+", encodedResource);
        const std::string form = "grant_type=refresh_token&refresh_token=" + encodedToken +
                                 "&client_id=11111111-2222-3333-4444-555555555555"
                                 "&client_secret=not-a-real-secret&resource=" +
                                 encodedResource;
        return request("POST", "/" + tenant + "/oauth2/token", {}, form,
                       "application/x-www-form-urlencoded");
    }

private:
    Poco::Net::Context::Ptr _context;
    std::unique_ptr<Poco::Net::HTTPSClientSession> _session;
};

/// A started emulator in its own temporary certificate directory.
class RunningEmulator {
public:
    explicit RunningEmulator(EmulatorOptions options = defaults())
        : _directory(Poco::TemporaryFile::tempName()) {
        Poco::File(_directory).createDirectories();
        options.certDirectory = _directory;
        emulator = std::make_unique<PartnerCenterEmulator>(options);
        emulator->start();
    }
    ~RunningEmulator() {
        emulator.reset();
        try {
            Poco::File(_directory).remove(true);
        } catch (...) {
        }
    }

    static EmulatorOptions defaults() {
        EmulatorOptions options;
        options.data.seed = 7;
        options.data.tenantCount = 60;
        return options;
    }

    TestClient client(int timeoutMs = 10000) const {
        return TestClient(emulator->port(), emulator->caCertificatePath(), timeoutMs);
    }

    /// Redeems the initial refresh token; fails the test when that does not work.
    std::string accessToken() const {
        TestClient c = client();
        const HttpResult result =
            c.redeem(emulator->partnerTenantId(), emulator->initialRefreshToken());
        if (result.status != 200)
            throw std::runtime_error("token endpoint answered " + std::to_string(result.status) +
                                     ": " + result.body);
        return result.json()->getValue<std::string>("access_token");
    }

    const std::string& directory() const { return _directory; }

    std::unique_ptr<PartnerCenterEmulator> emulator;

private:
    std::string _directory;
};

} // namespace emulatortest
