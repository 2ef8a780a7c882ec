// [P2] and [S4] through the real HTTP server (`mock-host serve --port 0`) with the real tool
// loaded and the demo data set, on the database of ICT_TEST_DB.
#include "support/CommandRunner.h"
#include "support/TestDatabase.h"
#include "tls/CertificateFactory.h"

#include <cppunit/extensions/HelperMacros.h>

#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>

#include <unistd.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

const std::string kHost = ICT_BINARY_DIR "/bin/mock-host";
const std::string kTool = "import-customers";
/// The demo enables every tool of the plugins folder for the root and the country tenant.
const std::vector<std::string> kDemoTools{"azure-plan-migration", kTool};

struct Answer {
    int status = 0;
    std::string body;
    std::string setCookie;
    Poco::Net::NameValueCollection headers;
    Poco::JSON::Object::Ptr json() const {
        return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
    }
};

/// One browser: keeps the session cookie between calls. With `tls`, it speaks HTTPS.
class Client {
public:
    explicit Client(unsigned short port, Poco::Net::Context::Ptr tls = nullptr)
        : _port(port), _tls(std::move(tls)) {}

    /// `headers` are set last: they replace the Content-Type (application/json) and Host.
    Answer call(const std::string& method, const std::string& path, const std::string& body = "",
                const std::vector<std::pair<std::string, std::string>>& headers = {}) {
        const std::unique_ptr<Poco::Net::HTTPClientSession> session =
            _tls ? std::make_unique<Poco::Net::HTTPSClientSession>("127.0.0.1", _port, _tls)
                 : std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", _port);
        Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
        if (!_cookie.empty()) {
            Poco::Net::NameValueCollection cookies;
            cookies.add("mockhost_session", _cookie);
            request.setCookies(cookies);
        }
        request.setContentType("application/json");
        for (const auto& [name, value] : headers)
            request.set(name, value);
        request.setContentLength(static_cast<std::streamsize>(body.size()));
        session->sendRequest(request) << body;
        Poco::Net::HTTPResponse response;
        std::istream& in = session->receiveResponse(response);
        Answer answer;
        answer.status = response.getStatus();
        answer.setCookie = response.get("Set-Cookie", "");
        for (const auto& [name, value] : response)
            answer.headers.add(name, value);
        Poco::StreamCopier::copyToString(in, answer.body);
        std::vector<Poco::Net::HTTPCookie> cookies;
        response.getCookies(cookies);
        for (const auto& cookie : cookies) {
            if (cookie.getName() == "mockhost_session") {
                CPPUNIT_ASSERT(cookie.getHttpOnly());
                _cookie = cookie.getValue();
            }
        }
        return answer;
    }

    void login(const std::string& user) {
        const Answer answer = call("POST", "/api/login",
                                   "{\"login\":\"" + user + "\",\"password\":\"demo-password\"}");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(answer.body, 200, answer.status);
        CPPUNIT_ASSERT_MESSAGE(answer.setCookie,
                               answer.setCookie.find("SameSite=Strict") != std::string::npos);
        CPPUNIT_ASSERT_MESSAGE(answer.setCookie,
                               answer.setCookie.find("HttpOnly") != std::string::npos);
    }

    std::vector<std::string> toolIds() {
        const Answer answer = call("GET", "/api/tools");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(answer.body, 200, answer.status);
        std::vector<std::string> ids;
        auto tools = answer.json()->getArray("tools");
        for (std::size_t i = 0; i < tools->size(); ++i)
            ids.push_back(tools->getObject(static_cast<unsigned>(i))->getValue<std::string>("id"));
        return ids;
    }

    const std::string& cookie() const { return _cookie; }
    void useCookie(const std::string& cookie) { _cookie = cookie; }

    Answer listInstances() {
        return call("POST", "/api/tools/" + kTool + "/actions/list-instances", "{}");
    }

private:
    unsigned short _port;
    Poco::Net::Context::Ptr _tls;
    std::string _cookie;
};

std::string errorCode(const Answer& answer) {
    return answer.json()->getObject("error")->getValue<std::string>("code");
}

} // namespace

class HttpAccessTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(HttpAccessTest);
    CPPUNIT_TEST(anonymousCallerGets401);
    CPPUNIT_TEST(wrongPasswordGets401);
    CPPUNIT_TEST(everyAnswerForbidsFramingSniffingAndReferrers);
    CPPUNIT_TEST(formPostsOtherOriginsAndReboundNamesAreRefused);
    CPPUNIT_TEST(repeatedFailedLogInsBackOff);
    CPPUNIT_TEST(everyLogInStartsANewSession);
    CPPUNIT_TEST(staticPagesAreNeverDotfilesOrLinks);
    CPPUNIT_TEST(overHttpsTheCookieIsSecureAndOnlyTheHttpsOriginCalls);
    CPPUNIT_TEST(adminOfEnabledOrgSeesAndCallsTheTool);
    CPPUNIT_TEST(orgWithoutTheToolNeitherSeesNorCallsIt);
    CPPUNIT_TEST(userWithoutSystemAdminGets403AndDoesNotSeeIt);
    CPPUNIT_TEST(rootAdminEnablesTheToolForAnOrganization);
    CPPUNIT_TEST(onlyRootAdminMayChangeEnablement);
    CPPUNIT_TEST(meShowsOrganizationAndPermissions);
    CPPUNIT_TEST(keptAliveConnectionSurvivesAnUnreadBody);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override {
        _db = std::make_unique<ict::test::TestDatabase>();
        _server = std::make_unique<ict::test::BackgroundCommand>(
            kHost, std::vector<std::string>{"serve", "--port", "0", "--db", _db->hostOption(),
                                            "--seed-demo", "--quiet"});
        const std::string line = _server->waitForLine("listening on http://127.0.0.1:");
        const auto colon = line.rfind(':');
        _port = static_cast<unsigned short>(std::stoi(line.substr(colon + 1)));
    }
    void tearDown() override {
        if (_server)
            CPPUNIT_ASSERT_EQUAL(0, _server->stop());
        _server.reset();
        _db.reset();
    }

    void anonymousCallerGets401() {
        Client client(_port);
        CPPUNIT_ASSERT_EQUAL(401, client.call("GET", "/api/tools").status);
        const Answer answer = client.listInstances();
        CPPUNIT_ASSERT_EQUAL(401, answer.status);
        CPPUNIT_ASSERT_EQUAL(std::string("unauthenticated"), errorCode(answer));
    }

    void everyAnswerForbidsFramingSniffingAndReferrers() {
        Client client(_port);
        client.login("admin@root");
        // An API answer, a refused call, an unknown endpoint and the page itself.
        for (const auto& [method, path] :
             std::vector<std::pair<std::string, std::string>>{{"GET", "/api/tools"},
                                                              {"POST", "/api/login"},
                                                              {"GET", "/api/no-such-endpoint"},
                                                              {"GET", "/"}}) {
            const Answer answer = client.call(method, path);
            const std::string what = method + " " + path + " -> " + std::to_string(answer.status);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(what, std::string("nosniff"),
                                         answer.headers.get("X-Content-Type-Options", ""));
            CPPUNIT_ASSERT_EQUAL_MESSAGE(what, std::string("DENY"),
                                         answer.headers.get("X-Frame-Options", ""));
            const std::string policy = answer.headers.get("Content-Security-Policy", "");
            for (const char* directive : {"default-src 'self'", "frame-ancestors 'none'"})
                CPPUNIT_ASSERT_MESSAGE(what + ": " + policy,
                                       policy.find(directive) != std::string::npos);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(what, std::string("same-origin"),
                                         answer.headers.get("Referrer-Policy", ""));
        }
    }

    void formPostsOtherOriginsAndReboundNamesAreRefused() {
        const std::string credentials = "{\"login\":\"admin@root\",\"password\":\"demo-password\"}";
        const std::string self = "http://127.0.0.1:" + std::to_string(_port);
        const std::string samePortOther = "http://127.0.0.1:" + std::to_string(_port + 1);
        Client client(_port);
        // A text/plain form whose body parses as JSON, as another page of 127.0.0.1 could post.
        Answer answer =
            client.call("POST", "/api/login", credentials, {{"Content-Type", "text/plain"}});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(answer.body, 415, answer.status);
        CPPUNIT_ASSERT_EQUAL(std::string("Content-Type"),
                             answer.json()->getObject("error")->getValue<std::string>("field"));
        CPPUNIT_ASSERT(answer.setCookie.empty());
        answer = client.call("POST", "/api/login", credentials, {{"Origin", samePortOther}});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(answer.body, 403, answer.status);
        CPPUNIT_ASSERT_EQUAL(std::string("Origin"),
                             answer.json()->getObject("error")->getValue<std::string>("field"));
        CPPUNIT_ASSERT_EQUAL(401, client.call("GET", "/api/me").status);

        answer = client.call("POST", "/api/login", credentials, {{"Origin", self}});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(answer.body, 200, answer.status);
        // Logged in, a forged call still fails, and changes nothing.
        answer = client.call("POST", "/api/logout", "{}", {{"Referer", samePortOther + "/x"}});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(answer.body, 403, answer.status);
        CPPUNIT_ASSERT_EQUAL(200, client.call("GET", "/api/me").status);

        // DNS rebinding: the attacker's name, resolved to 127.0.0.1, reaches neither the page
        // nor the API.
        const std::string rebound = "rebound.example:" + std::to_string(_port);
        for (const char* path : {"/", "/api/me"}) {
            answer = client.call("GET", path, "", {{"Host", rebound}});
            CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 403, answer.status);
            CPPUNIT_ASSERT_EQUAL(std::string("Host"),
                                 answer.json()->getObject("error")->getValue<std::string>("field"));
        }
        CPPUNIT_ASSERT_EQUAL(200, client.call("GET", "/", "", {{"Host", "localhost"}}).status);
    }

    void repeatedFailedLogInsBackOff() {
        Client client(_port);
        const std::string wrong = "{\"login\":\"admin@root\",\"password\":\"guess\"}";
        for (int i = 0; i < 6; ++i)
            CPPUNIT_ASSERT_EQUAL(401, client.call("POST", "/api/login", wrong).status);
        // Now even the right password waits: the answer says how long, on the page too.
        Answer answer = client.call("POST", "/api/login",
                                    "{\"login\":\"admin@root\",\"password\":\"demo-password\"}");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(answer.body, 429, answer.status);
        CPPUNIT_ASSERT_EQUAL(std::string("1"), answer.headers.get("Retry-After", ""));
        CPPUNIT_ASSERT_EQUAL(std::string("too_many_attempts"), errorCode(answer));
        CPPUNIT_ASSERT(answer.json()->getObject("error")->getValue<std::string>("message").find(
                           "try again in 1 s") != std::string::npos);
        CPPUNIT_ASSERT(answer.setCookie.empty());
        // Another login from the same address is not held up by this one's failures.
        client.login("sales@root");
        std::this_thread::sleep_for(std::chrono::milliseconds(1100));
        client.login("admin@root");
    }

    void everyLogInStartsANewSession() {
        Client client(_port);
        client.login("admin@root");
        const std::string first = client.cookie();
        client.login("admin@root"); // sends the first cookie along
        CPPUNIT_ASSERT(client.cookie() != first);
        CPPUNIT_ASSERT_EQUAL(200, client.call("GET", "/api/me").status);
        Client planted(_port);
        planted.useCookie(first);
        CPPUNIT_ASSERT_EQUAL(401, planted.call("GET", "/api/me").status);
    }

    void staticPagesAreNeverDotfilesOrLinks() {
        const std::string root = Poco::TemporaryFile::tempName();
        const std::string outside = Poco::TemporaryFile::tempName();
        Poco::File(root + "/sub").createDirectories();
        Poco::File(outside).createDirectories();
        const auto write = [](const std::string& path, const std::string& text) {
            std::ofstream(path) << text;
        };
        write(root + "/index.html", "<p>the page</p>");
        write(root + "/sub/page.html", "<p>a sub page</p>");
        write(root + "/.env", "SECRET=not-a-page");
        write(outside + "/secret.txt", "outside the web root");
        CPPUNIT_ASSERT_EQUAL(
            0, ::symlink((outside + "/secret.txt").c_str(), (root + "/link.html").c_str()));
        CPPUNIT_ASSERT_EQUAL(0, ::symlink(outside.c_str(), (root + "/linked").c_str()));
        ict::test::BackgroundCommand server(
            kHost, std::vector<std::string>{"serve", "--port", "0", "--db", _db->hostOption(),
                                            "--quiet", "--web-root", root});
        const std::string line = server.waitForLine("listening on http://127.0.0.1:");
        Client client(static_cast<unsigned short>(std::stoi(line.substr(line.rfind(':') + 1))));
        CPPUNIT_ASSERT_EQUAL(std::string("<p>the page</p>"), client.call("GET", "/").body);
        CPPUNIT_ASSERT_EQUAL(200, client.call("GET", "/sub/page.html").status);
        for (const char* path : {"/.env", "/link.html", "/linked/secret.txt", "/sub/../.env"}) {
            const Answer answer = client.call("GET", path);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 404, answer.status);
            CPPUNIT_ASSERT_MESSAGE(path, answer.body.find("SECRET") == std::string::npos &&
                                             answer.body.find("outside") == std::string::npos);
        }
        CPPUNIT_ASSERT_EQUAL(0, server.stop());
        Poco::File(root).remove(true);
        Poco::File(outside).remove(true);
    }

    void overHttpsTheCookieIsSecureAndOnlyTheHttpsOriginCalls() {
        const std::string certs = std::string(ICT_BINARY_DIR) + "/test-certs/host-https";
        Poco::File(certs).createDirectories();
        const mockhost::emulator::TlsFiles tls =
            mockhost::emulator::CertificateFactory(certs).trusted();
        ict::test::BackgroundCommand server(
            kHost, std::vector<std::string>{"serve", "--port", "0", "--db", _db->hostOption(),
                                            "--seed-demo", "--quiet", "--tls-cert", tls.certificate,
                                            "--tls-key", tls.privateKey});
        const std::string line = server.waitForLine("listening on https://127.0.0.1:");
        const auto port = static_cast<Poco::UInt16>(std::stoi(line.substr(line.rfind(':') + 1)));
        Poco::Net::initializeSSL();
        struct Uninitialize {
            ~Uninitialize() { Poco::Net::uninitializeSSL(); }
        } uninitialize;
        Poco::Net::Context::Params params;
        params.caLocation = tls.caCertificate;
        params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
        params.loadDefaultCAs = false;
        Poco::Net::Context::Ptr context =
            new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
        const std::string self = "https://127.0.0.1:" + std::to_string(port);
        const std::string credentials = "{\"login\":\"admin@root\",\"password\":\"demo-password\"}";
        Answer answer =
            Client(port, context).call("POST", "/api/login", credentials, {{"Origin", self}});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(answer.body, 200, answer.status);
        CPPUNIT_ASSERT_MESSAGE(answer.setCookie,
                               answer.setCookie.find("; secure") != std::string::npos ||
                                   answer.setCookie.find("; Secure") != std::string::npos);
        CPPUNIT_ASSERT_EQUAL(std::string("max-age=31536000"),
                             answer.headers.get("Strict-Transport-Security", ""));
        // The plain-HTTP origin of the same name and port is another origin.
        answer = Client(port, context)
                     .call("POST", "/api/login", credentials,
                           {{"Origin", "http://127.0.0.1:" + std::to_string(port)}});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(answer.body, 403, answer.status);
        // Plain HTTP gets no answer from the TLS port.
        bool plainAnswered = true;
        try {
            Client(port).call("GET", "/api/me");
        } catch (const Poco::Exception&) {
            plainAnswered = false;
        }
        CPPUNIT_ASSERT(!plainAnswered);
        CPPUNIT_ASSERT_EQUAL(0, server.stop());
    }

    void wrongPasswordGets401() {
        Client client(_port);
        const Answer answer =
            client.call("POST", "/api/login", "{\"login\":\"admin@root\",\"password\":\"wrong\"}");
        CPPUNIT_ASSERT_EQUAL(401, answer.status);
        CPPUNIT_ASSERT_EQUAL(401, client.call("GET", "/api/me").status);
    }

    void adminOfEnabledOrgSeesAndCallsTheTool() {
        Client client(_port);
        client.login("admin@root");
        CPPUNIT_ASSERT(client.toolIds() == kDemoTools);
        const Answer answer = client.listInstances();
        CPPUNIT_ASSERT_EQUAL_MESSAGE(answer.body, 200, answer.status);
        auto instances = answer.json()->getArray("instances");
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), instances->size());
        CPPUNIT_ASSERT_EQUAL(std::string("Global Partner Center (direct)"),
                             instances->getObject(0)->getValue<std::string>("name"));
        // The country tenant admin sees the same instances, inherited.
        Client country(_port);
        country.login("admin@country");
        const Answer inherited = country.listInstances();
        CPPUNIT_ASSERT_EQUAL_MESSAGE(inherited.body, 200, inherited.status);
        CPPUNIT_ASSERT_EQUAL(
            std::string("inherited"),
            inherited.json()->getArray("instances")->getObject(0)->getValue<std::string>("origin"));
    }

    void orgWithoutTheToolNeitherSeesNorCallsIt() {
        Client client(_port);
        client.login("admin@simple");
        CPPUNIT_ASSERT(client.toolIds().empty());
        const Answer answer = client.listInstances();
        CPPUNIT_ASSERT_EQUAL(404, answer.status);
        CPPUNIT_ASSERT_EQUAL(std::string("not_found"), errorCode(answer));
        // Same answer as for a tool that does not exist at all.
        const Answer unknown = client.call("POST", "/api/tools/no-such-tool/actions/x", "{}");
        CPPUNIT_ASSERT_EQUAL(404, unknown.status);
    }

    void userWithoutSystemAdminGets403AndDoesNotSeeIt() {
        Client client(_port);
        client.login("sales@root");
        CPPUNIT_ASSERT(client.toolIds().empty());
        const Answer answer = client.listInstances();
        CPPUNIT_ASSERT_EQUAL(403, answer.status);
        CPPUNIT_ASSERT_EQUAL(std::string("forbidden"), errorCode(answer));
    }

    void rootAdminEnablesTheToolForAnOrganization() {
        Client simple(_port);
        simple.login("admin@simple");
        const std::int64_t simpleOrg = simple.call("GET", "/api/me")
                                           .json()
                                           ->getObject("organization")
                                           ->getValue<Poco::Int64>("id");
        Client admin(_port);
        admin.login("admin@root");
        const Answer enabled =
            admin.call("POST", "/api/admin/tools/" + kTool + "/enablement",
                       "{\"organizationId\":" + std::to_string(simpleOrg) + ",\"enabled\":true}");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(enabled.body, 200, enabled.status);
        CPPUNIT_ASSERT(simple.toolIds() == std::vector<std::string>{kTool});
        const Answer call = simple.listInstances();
        CPPUNIT_ASSERT_EQUAL_MESSAGE(call.body, 200, call.status);
        // A simple tenant sees none of its parent's instances ([S14]).
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), call.json()->getArray("instances")->size());
        admin.call("POST", "/api/admin/tools/" + kTool + "/enablement",
                   "{\"organizationId\":" + std::to_string(simpleOrg) + ",\"enabled\":false}");
        CPPUNIT_ASSERT_EQUAL(404, simple.listInstances().status);
    }

    void onlyRootAdminMayChangeEnablement() {
        Client country(_port);
        country.login("admin@country");
        const std::int64_t countryOrg = country.call("GET", "/api/me")
                                            .json()
                                            ->getObject("organization")
                                            ->getValue<Poco::Int64>("id");
        const Answer answer = country.call("POST", "/api/admin/tools/" + kTool + "/enablement",
                                           "{\"organizationId\":" + std::to_string(countryOrg) +
                                               ",\"enabled\":false}");
        CPPUNIT_ASSERT_EQUAL(403, answer.status);
        CPPUNIT_ASSERT(country.toolIds() == kDemoTools);
    }

    /// A browser reuses its connection: a body the handler did not read (POST /api/logout "{}",
    /// a refused call) must not become the start of the next request on that connection.
    void keptAliveConnectionSurvivesAnUnreadBody() {
        Poco::Net::HTTPClientSession session("127.0.0.1", _port);
        session.setKeepAlive(true);
        std::string cookie;
        auto send = [&](const std::string& method, const std::string& path,
                        const std::string& body) {
            Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
            request.setKeepAlive(true);
            if (!cookie.empty()) {
                Poco::Net::NameValueCollection cookies;
                cookies.add("mockhost_session", cookie);
                request.setCookies(cookies);
            }
            request.setContentType("application/json");
            request.setContentLength(static_cast<std::streamsize>(body.size()));
            session.sendRequest(request) << body;
            Poco::Net::HTTPResponse response;
            Answer answer;
            Poco::StreamCopier::copyToString(session.receiveResponse(response), answer.body);
            answer.status = response.getStatus();
            std::vector<Poco::Net::HTTPCookie> cookies;
            response.getCookies(cookies);
            for (const auto& c : cookies)
                if (c.getName() == "mockhost_session" && !c.getValue().empty())
                    cookie = c.getValue();
            return answer;
        };
        CPPUNIT_ASSERT_EQUAL(200, send("POST", "/api/login",
                                       "{\"login\":\"admin@root\",\"password\":\"demo-password\"}")
                                      .status);
        CPPUNIT_ASSERT_EQUAL(200, send("GET", "/api/me", "").status);
        CPPUNIT_ASSERT_EQUAL(200, send("POST", "/api/logout", "{\"unread\":true}").status);
        Answer me = send("GET", "/api/me", "");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(me.body, 401, me.status);
        CPPUNIT_ASSERT_EQUAL(std::string("unauthenticated"), errorCode(me));
        // Refused before its body is read: the next request still gets its own answer.
        CPPUNIT_ASSERT_EQUAL(404, send("POST", "/api/no-such-endpoint", "{\"x\":1}").status);
        me = send("GET", "/api/me", "");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(me.body, 401, me.status);
    }

    void meShowsOrganizationAndPermissions() {
        Client client(_port);
        client.login("admin@country");
        const Answer me = client.call("GET", "/api/me");
        CPPUNIT_ASSERT_EQUAL(200, me.status);
        auto json = me.json();
        CPPUNIT_ASSERT_EQUAL(std::string("Contoso Cloud Greece"),
                             json->getObject("organization")->getValue<std::string>("name"));
        CPPUNIT_ASSERT_EQUAL(std::string("country_tenant"),
                             json->getObject("organization")->getValue<std::string>("kind"));
        CPPUNIT_ASSERT_EQUAL(std::string("system_admin"),
                             json->getArray("permissions")->getElement<std::string>(0));
        CPPUNIT_ASSERT_EQUAL(200, client.call("POST", "/api/logout").status);
        CPPUNIT_ASSERT_EQUAL(401, client.call("GET", "/api/me").status);
    }

private:
    std::unique_ptr<ict::test::TestDatabase> _db;
    std::unique_ptr<ict::test::BackgroundCommand> _server;
    unsigned short _port = 0;
};

CPPUNIT_TEST_SUITE_REGISTRATION(HttpAccessTest);
