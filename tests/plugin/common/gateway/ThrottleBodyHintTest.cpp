#include "gateway/HttpCore.h"
#include "gateway/TlsContextFactory.h"
#include "plugin/common/gateway/support/CapturingLogger.h"
#include "tls/CertificateFactory.h"

#include <Poco/File.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>

#include <cppunit/extensions/HelperMacros.h>

#include <atomic>
#include <limits>

using namespace ict::gateway;
using namespace ict::gateway::test;

// A 429 whose only hint is the gateway body "Try again in N seconds" (no Retry-After header).
// The emulator always sends the header, so this one answer comes from a minimal TLS server here.
class ThrottleBodyHintTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ThrottleBodyHintTest);
    CPPUNIT_TEST(bodyHintHonoured);
    CPPUNIT_TEST_SUITE_END();

    class Handler : public Poco::Net::HTTPRequestHandler {
    public:
        explicit Handler(std::atomic<int>& requests) : _requests(requests) {}
        void handleRequest(Poco::Net::HTTPServerRequest& request,
                           Poco::Net::HTTPServerResponse& response) override {
            request.stream().ignore(std::numeric_limits<std::streamsize>::max());
            const bool first = _requests.fetch_add(1) == 0;
            const std::string body =
                first
                    ? R"({"statusCode":429,"message":"Rate limit is exceeded. Try again in 1 seconds."})"
                    : R"({"totalCount":0,"items":[]})";
            response.setStatus(first ? Poco::Net::HTTPResponse::HTTP_TOO_MANY_REQUESTS
                                     : Poco::Net::HTTPResponse::HTTP_OK);
            response.setContentType("application/json");
            response.setContentLength(static_cast<std::streamsize>(body.size()));
            response.send() << body;
        }

    private:
        std::atomic<int>& _requests;
    };

    class Factory : public Poco::Net::HTTPRequestHandlerFactory {
    public:
        explicit Factory(std::atomic<int>& requests) : _requests(requests) {}
        Poco::Net::HTTPRequestHandler*
        createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
            return new Handler(_requests);
        }

    private:
        std::atomic<int>& _requests;
    };

public:
    void setUp() override { Poco::Net::initializeSSL(); }
    void tearDown() override { Poco::Net::uninitializeSSL(); }

    void bodyHintHonoured() {
        const std::string directory = std::string(ICT_BINARY_DIR) + "/test-certs/gateway-hint";
        Poco::File(directory).createDirectories();
        const auto files = mockhost::emulator::CertificateFactory(directory).trusted();
        Poco::Net::Context::Params params;
        params.privateKeyFile = files.privateKey;
        params.certificateFile = files.certificate;
        params.verificationMode = Poco::Net::Context::VERIFY_NONE;
        Poco::Net::Context::Ptr serverContext =
            new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
        std::atomic<int> requests{0};
        Poco::Net::SecureServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0), 16,
                                             serverContext);
        Poco::Net::HTTPServer server(new Factory(requests), socket,
                                     new Poco::Net::HTTPServerParams);
        server.start();

        CapturingLogger logger;
        ClientOptions options;
        options.backoffBase = std::chrono::milliseconds(5);
        options.requestsPerMinute = 60000;
        HttpCore core(TlsContextFactory::clientContext(files.caCertificate), options, logger);
        HttpCall call;
        call.name = "GET /v1/customers";
        call.target = "/v1/customers";
        const auto started = std::chrono::steady_clock::now();
        const HttpResponse response =
            core.execute("127.0.0.1", socket.address().port(), call, RequestContext{"x", {}});
        const auto elapsed = std::chrono::steady_clock::now() - started;
        server.stop();

        CPPUNIT_ASSERT_EQUAL(200, response.status);
        CPPUNIT_ASSERT_EQUAL(2, response.attempts);
        CPPUNIT_ASSERT_EQUAL(2, requests.load());
        CPPUNIT_ASSERT(elapsed >= std::chrono::milliseconds(950)); // not the 5 ms backoff
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), logger.count("retrying in 1000 ms"));
        CPPUNIT_ASSERT(core.throttle().currentRequestsPerMinute() < 60000);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), core.throttle().counters().pauses);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ThrottleBodyHintTest);
