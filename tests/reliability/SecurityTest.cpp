// Security through the real HTTP server: who may call which action (a table of users, their
// organizations and every action of the tool), no secret in any log, page, CSV or error text
// across a full flow, and injection-shaped names and domains stored and shown verbatim.
#include "support/HttpClient.h"
#include "support/LiveHost.h"

#include <cppunit/extensions/HelperMacros.h>

#include "support/Sql.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <set>

using namespace ict::reliability::test;

namespace {

struct Injected {
    std::string name;
    std::string domain;
};

// Names and domains shaped like SQL, HTML and spreadsheet-formula injections, and a domain with
// odd but valid characters (digits first, double hyphen, punycode label).
const std::vector<Injected> kInjected = {
    {"Robert'); DROP TABLE accounts;--", "robert-tables.onmicrosoft.com"},
    {"<script>alert(1)</script>", "xss-probe.onmicrosoft.com"},
    {"=cmd|' /C calc'!A0", "formula-probe.onmicrosoft.com"},
    {"Quote \"Co\", Ltd. & Sons \\ 100%", "0-9a--b.xn--mnchen-3ya.de"},
};

/// Unquotes one CSV line (RFC 4180) into cells.
std::vector<std::string> csvCells(const std::string& line) {
    std::vector<std::string> cells(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                cells.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cells.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            cells.emplace_back();
        } else if (c != '\r') {
            cells.back() += c;
        }
    }
    return cells;
}

} // namespace

class SecurityTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(SecurityTest);
    CPPUNIT_TEST(fullFlowLeaksNoSecretAndKeepsInjectionShapedNamesVerbatim);
    CPPUNIT_TEST(everyActionIsAllowedOrRefusedByRoleAndOrganization);
    CPPUNIT_TEST_SUITE_END();

public:
    /// One host per process (tool libraries load once per process), shared by the tests in
    /// their declared order.
    static LiveHost& shared() {
        static std::unique_ptr<LiveHost> live;
        if (!live) {
            ::setenv("ICT_PC_BACKOFF_MS", "5", 1);
            ::setenv("ICT_PC_REQUESTS_PER_MINUTE", "600000", 1);
            ::setenv("ICT_PC_MAX_ATTEMPTS", "3", 1);
            ::setenv("ICT_PC_TIMEOUT_MS", "5000", 1);
            LiveHostOptions options;
            options.tenants = 12;
            options.seed = 31;
            options.logLevel = bss::sdk::LogLevel::Debug; // every line the host and tool write
            live = std::make_unique<LiveHost>(options);
            for (const Injected& injected : kInjected) {
                mockhost::emulator::NewCustomer customer;
                customer.companyName = injected.name;
                customer.domain = injected.domain;
                const auto added = live->direct().state().addCustomer(customer);
                live->direct().state().addSubscription(added.id, {});
            }
        }
        return *live;
    }

    void setUp() override {
        _live = &shared();
        _instance = std::to_string(_live->instanceId(mockhost::kDemoDirectInstance));
    }

    void everyActionIsAllowedOrRefusedByRoleAndOrganization() {
        // A finished Get Hierarchy, a finished import and a tenant of root, to name in bodies.
        HttpClient root(_live->port());
        logIn(root, "admin@root");
        const std::string hierarchyJob = finishJob(
            root, "get-hierarchy", "{\"instanceId\":" + _instance + ",\"mode\":\"mass\"}");
        const HttpAnswer started = root.action("import", all());
        CPPUNIT_ASSERT_EQUAL_MESSAGE(started.body, 200, started.status);
        const std::string runId = text(parseJson(started.body), "runId");
        waitHttpJob(root, text(parseJson(started.body), "jobId"));
        const HttpAnswer page = root.action("tenants", "{\"instanceId\":" + _instance + "}");
        const std::string tenantId =
            text(parseJson(page.body)->getArray("rows")->getObject(0), "tenantId");

        const std::string instance = "{\"instanceId\":" + _instance;
        const std::map<std::string, std::string> bodies = {
            {"list-instances", "{}"},
            {"last-update", instance + "}"},
            {"get-hierarchy", instance + ",\"mode\":\"mass\"}"},
            {"job-status", "{\"jobId\":\"" + hierarchyJob + "\"}"},
            {"cancel-job", "{\"jobId\":\"" + hierarchyJob + "\"}"},
            {"tenants", instance + "}"},
            {"resellers", instance + "}"},
            {"subscriptions", instance + ",\"tenantId\":\"" + tenantId + "\"}"},
            {"runs", "{}"},
            {"import-preflight", all()},
            {"import-dry-run", all()},
            {"import", all()},
            {"import-results", "{\"runId\":\"" + runId + "\"}"},
            {"import-results-csv", "{\"runId\":\"" + runId + "\"}"},
            {"audit-trail", "{}"},
        };
        // The table covers every action the tool declares, streamed ones too.
        std::set<std::string> declared, streamed;
        for (const auto& action : _live->host().tool(kToolId)->loaded.descriptor.actions)
            declared.insert(action.name);
        for (const auto& action : _live->host().tool(kToolId)->loaded.streamedActions) {
            declared.insert(action.name);
            streamed.insert(action.name);
        }
        CPPUNIT_ASSERT(streamed.count("import-results-csv"));
        std::set<std::string> covered;
        for (const auto& [action, body] : bodies)
            covered.insert(action);
        CPPUNIT_ASSERT(declared == covered);

        // Expected status per (user, action): 0 = allowed (200, or a 4xx of the tool such as
        // 409 for a second import while one runs), 1 = 200 doing nothing (cancel of another
        // organization's job: the same answer as for an unknown id), else the exact refusal.
        // A country tenant uses its parent's instances ([S14]) but not the parent's jobs or runs.
        const std::set<std::string> parentsJobOrRun = {"job-status", "import-results",
                                                       "import-results-csv"};
        const auto expected = [&](const std::string& user, const std::string& action) {
            if (user.empty())
                return 401; // not logged in
            if (user == "sales@root")
                return 403; // root organization, no system_admin
            if (user == "admin@simple")
                return 404; // the tool is not enabled for the simple tenant
            if (user == "admin@country" && action == "cancel-job")
                return 1;
            if (user == "admin@country")
                return parentsJobOrRun.count(action) ? 404 : 0;
            return 0;
        };
        std::size_t cells = 0;
        std::vector<std::string> pages;
        for (const std::string user :
             {"", "sales@root", "admin@simple", "admin@country", "admin@root"}) {
            HttpClient client(_live->port());
            if (!user.empty())
                CPPUNIT_ASSERT_EQUAL(200, client.login(user, mockhost::kDemoPassword).status);
            for (const auto& [action, body] : bodies) {
                const HttpAnswer answer = client.call(action, body, streamed.count(action) != 0);
                pages.push_back(answer.body);
                const std::string cell = (user.empty() ? "anonymous" : user) + " / " + action +
                                         ": " + std::to_string(answer.status) + " " + answer.body;
                const int want = expected(user, action);
                if (want == 0) {
                    CPPUNIT_ASSERT_MESSAGE(cell, answer.status == 200 || answer.status == 409);
                } else if (want == 1) {
                    CPPUNIT_ASSERT_EQUAL_MESSAGE(cell, 200, answer.status);
                    CPPUNIT_ASSERT_MESSAGE(
                        cell, !parseJson(answer.body)->getValue<bool>("cancelRequested"));
                } else {
                    CPPUNIT_ASSERT_EQUAL_MESSAGE(cell, want, answer.status);
                    CPPUNIT_ASSERT_MESSAGE(cell, parseJson(answer.body)->has("error"));
                }
                ++cells;
            }
        }
        CPPUNIT_ASSERT_EQUAL(5 * declared.size(), cells);
        // The host's own job endpoints answer as the tool's actions do ([S4]): sales@root, in the
        // job's organization but without the tool's permission, may neither read nor cancel it.
        const std::pair<const char*, int> jobAnswers[] = {{"", 401},
                                                          {"sales@root", 403},
                                                          {"admin@simple", 404},
                                                          {"admin@country", 404},
                                                          {"admin@root", 200}};
        for (const auto& [user, want] : jobAnswers) {
            HttpClient client(_live->port());
            if (*user)
                CPPUNIT_ASSERT_EQUAL(200, client.login(user, mockhost::kDemoPassword).status);
            const HttpAnswer status = client.get("/api/jobs/" + hierarchyJob);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string(user) + ": " + status.body, want,
                                         status.status);
            const HttpAnswer cancel = client.post("/api/jobs/" + hierarchyJob + "/cancel", "{}");
            // The root admin's job has finished: 409, not a cancel.
            CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string(user) + ": " + cancel.body,
                                         want == 200 ? 409 : want, cancel.status);
            pages.push_back(status.body);
            pages.push_back(cancel.body);
        }
        assertNoSecret(pages);
        // Host administration is the root System Admin's only.
        HttpClient country(_live->port());
        logIn(country, "admin@country");
        CPPUNIT_ASSERT_EQUAL(403, country
                                      .post("/api/admin/tools/import-customers/enablement",
                                            "{\"organizationId\":1,\"enabled\":false}")
                                      .status);
        // ... and of their own tree: another root's System Admin can change nothing here.
        mockhost::Host& host = _live->host();
        if (!host.organizations().byName("Other Root")) {
            const std::int64_t other = host.organizations().add(
                "Other Root", bss::sdk::OrganizationKind::Root, std::nullopt);
            const std::int64_t user =
                host.users().addUser(other, "admin@other", "Other Admin", mockhost::kDemoPassword);
            host.users().grantRole(user, "System Admin");
        }
        const std::int64_t countryOrg = host.organizations().byName("Contoso Cloud Greece")->id;
        HttpClient otherAdmin(_live->port());
        logIn(otherAdmin, "admin@other");
        for (const std::int64_t target : {countryOrg, *host.organizations().rootOf(countryOrg)}) {
            const HttpAnswer refused = otherAdmin.post(
                "/api/admin/tools/import-customers/enablement",
                "{\"organizationId\":" + std::to_string(target) + ",\"enabled\":false}");
            CPPUNIT_ASSERT_EQUAL_MESSAGE(refused.body, 404, refused.status);
        }
        CPPUNIT_ASSERT(host.enablement().isEnabled(countryOrg, "import-customers"));
        HttpClient rootAdmin(_live->port());
        logIn(rootAdmin, "admin@root");
        CPPUNIT_ASSERT_EQUAL(200, rootAdmin
                                      .post("/api/admin/tools/import-customers/enablement",
                                            "{\"organizationId\":" + std::to_string(countryOrg) +
                                                ",\"enabled\":true}")
                                      .status);
    }

    void fullFlowLeaksNoSecretAndKeepsInjectionShapedNamesVerbatim() {
        std::vector<std::string> pages;
        HttpClient anonymous(_live->port());
        const auto keep = [&](const HttpAnswer& answer) {
            pages.push_back(answer.body);
            return answer;
        };
        keep(anonymous.login("admin@root", "wrong-" + std::string(mockhost::kDemoPassword)));
        keep(anonymous.login("nobody@root", mockhost::kDemoPassword));
        HttpClient root(_live->port());
        logIn(root, "admin@root");
        keep(root.get("/api/me"));
        keep(root.get("/api/tools"));
        keep(root.action("list-instances", "{}"));
        const std::string job = finishJob(root, "get-hierarchy",
                                          "{\"instanceId\":" + _instance + ",\"mode\":\"mass\"}");
        keep(root.action("job-status", "{\"jobId\":\"" + job + "\"}"));
        // Failures whose text could carry a credential: an expired refresh token ([S9]), bad input.
        const std::string expired =
            std::to_string(_live->instanceId(mockhost::kDemoExpiredInstance));
        const HttpAnswer failing = keep(
            root.action("get-hierarchy", "{\"instanceId\":" + expired + ",\"mode\":\"mass\"}"));
        CPPUNIT_ASSERT_EQUAL(200, failing.status);
        const std::string failedJob = text(parseJson(failing.body), "jobId");
        const JsonObject failedStatus = waitHttpJob(root, failedJob);
        CPPUNIT_ASSERT_EQUAL(std::string("failed"), text(failedStatus, "state"));
        keep(root.get("/api/jobs/" + failedJob));
        keep(root.action("import-preflight", "{\"instanceId\":" + expired + ",\"all\":true}"));
        keep(root.action("get-hierarchy", "{\"instanceId\":" + _instance +
                                              ",\"mode\":\"single\",\"domain\":\"<b>x\"}"));
        keep(root.action("tenants", "{\"instanceId\":\"1; DROP TABLE accounts\"}"));

        // Injection-shaped names: in the hierarchy as given.
        for (const Injected& injected : kInjected) {
            const HttpAnswer answer =
                keep(root.action("tenants", "{\"instanceId\":" + _instance +
                                                ",\"domain\":" + quoted(injected.domain) + "}"));
            CPPUNIT_ASSERT_EQUAL_MESSAGE(answer.body, 200, answer.status);
            const auto rows = parseJson(answer.body)->getArray("rows");
            CPPUNIT_ASSERT_EQUAL_MESSAGE(injected.domain, std::size_t(1), rows->size());
            CPPUNIT_ASSERT_EQUAL(injected.name, text(rows->getObject(0), "companyName"));
            CPPUNIT_ASSERT_EQUAL(injected.domain, text(rows->getObject(0), "primaryDomain"));
        }

        // Import everything; results, CSV, audit trail.
        keep(root.action("import-dry-run", all()));
        const HttpAnswer started = keep(root.action("import", all()));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(started.body, 200, started.status);
        const std::string runId = text(parseJson(started.body), "runId");
        const JsonObject imported = waitHttpJob(root, text(parseJson(started.body), "jobId"));
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"), text(imported, "state"));
        keep(root.action("import-results", "{\"runId\":\"" + runId + "\"}"));
        const HttpAnswer csvAnswer =
            keep(root.stream("import-results-csv", "{\"runId\":\"" + runId + "\"}"));
        CPPUNIT_ASSERT_EQUAL(200, csvAnswer.status);
        const std::string csv = csvAnswer.body;
        keep(root.action("runs", "{\"kind\":\"import\"}"));
        keep(root.action("audit-trail", "{}"));
        keep(root.post("/api/logout", "{}"));

        // Stored verbatim (bound parameters, not SQL text) and the accounts table still there.
        {
            Poco::Data::Session session = _live->host().database().session();
            using namespace Poco::Data::Keywords;
            for (const Injected& injected : kInjected) {
                std::string name = injected.name, domain;
                session << mockhost::sqlFor(_live->host().database().dialect(),
                                            "SELECT primary_domain FROM accounts WHERE name = ?"),
                    use(name), into(domain), now;
                CPPUNIT_ASSERT_EQUAL_MESSAGE(injected.name, injected.domain, domain);
            }
        }

        // The CSV: every name present, no cell a spreadsheet would run as a formula.
        std::size_t lines = 0;
        std::set<std::string> cells;
        for (std::size_t start = 0; start < csv.size();) {
            std::size_t end = csv.find("\r\n", start);
            if (end == std::string::npos)
                end = csv.size();
            for (const std::string& cell : csvCells(csv.substr(start, end - start))) {
                CPPUNIT_ASSERT_MESSAGE(cell,
                                       cell.empty() || std::string("=+-@\t\r").find(cell.front()) ==
                                                           std::string::npos);
                cells.insert(cell);
            }
            ++lines;
            start = end + 2;
        }
        CPPUNIT_ASSERT(lines > kInjected.size());
        CPPUNIT_ASSERT(cells.count("'=cmd|' /C calc'!A0"));
        for (const Injected& injected : kInjected)
            if (injected.name.front() != '=')
                CPPUNIT_ASSERT_MESSAGE(injected.name, cells.count(injected.name));

        pages.push_back(csv);
        // The database as a thief would take it: every byte of the SQLite file and its
        // write-ahead log (secrets are sealed with the key file, which lives outside it).
        pages.push_back(databaseBytes());
        assertNoSecret(pages, {root.sessionCookie()});
    }

private:
    /// The database's bytes: on SQLite the file and its log; on PostgreSQL every value of the
    /// instances table (where the secrets live) as text.
    std::string databaseBytes() {
        const std::string option = _live->databaseOption();
        std::string bytes;
        if (option.rfind("sqlite:", 0) == 0) {
            for (const char* suffix : {"", "-wal"}) {
                std::ifstream in(option.substr(7) + suffix, std::ios::binary);
                bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
            }
            CPPUNIT_ASSERT(bytes.size() > 10000);
            return bytes;
        }
        Poco::Data::Session session = _live->host().database().session();
        Poco::Data::Statement select(session);
        select << "SELECT * FROM microsoft_instances", Poco::Data::Keywords::now;
        Poco::Data::RecordSet rows(select);
        for (std::size_t r = 0; r < rows.rowCount(); ++r)
            for (std::size_t c = 0; c < rows.columnCount(); ++c)
                if (!rows.value(c, r).isEmpty())
                    bytes += rows.value(c, r).convert<std::string>() + "\n";
        return bytes;
    }

    /// No secret in `pages` nor in the host log: the demo password, the instances' app secrets
    /// and refresh tokens, every token the emulators issued, and `more`.
    void assertNoSecret(const std::vector<std::string>& pages,
                        std::vector<std::string> secrets = {}) {
        secrets.push_back(mockhost::kDemoPassword);
        for (const auto& endpoint : _live->emulators().endpoints()) {
            secrets.push_back(endpoint.appSecret);
            secrets.push_back(endpoint.refreshToken);
        }
        for (auto* pc : {&_live->emulators().direct(), &_live->emulators().indirect()})
            for (const std::string& token : pc->state().issuedTokens())
                secrets.push_back(token);
        CPPUNIT_ASSERT(secrets.size() > 8);
        const std::string log = _live->log();
        CPPUNIT_ASSERT(log.size() > 1000);
        for (const std::string& secret : secrets) {
            if (secret.empty())
                continue;
            for (const std::string& page : pages)
                CPPUNIT_ASSERT_MESSAGE("a page holds a secret: " + page.substr(0, 200),
                                       page.find(secret) == std::string::npos);
            CPPUNIT_ASSERT_MESSAGE("the host log holds a secret",
                                   log.find(secret) == std::string::npos);
        }
        std::cerr << " [" << secrets.size() << " secrets searched in " << pages.size()
                  << " pages and " << log.size() << " bytes of log] ";
    }

    std::string all() const { return "{\"instanceId\":" + _instance + ",\"all\":true}"; }

    static std::string quoted(const std::string& value) {
        Poco::JSON::Object object;
        object.set("v", value);
        std::ostringstream out;
        object.stringify(out);
        const std::string json = out.str();
        return json.substr(5, json.size() - 6);
    }

    static void logIn(HttpClient& client, const std::string& login) {
        const HttpAnswer answer = client.login(login, mockhost::kDemoPassword);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(answer.body, 200, answer.status);
    }

    JsonObject waitHttpJob(HttpClient& client, const std::string& jobId) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (true) {
            const HttpAnswer answer = client.action("job-status", "{\"jobId\":\"" + jobId + "\"}");
            CPPUNIT_ASSERT_EQUAL_MESSAGE(answer.body, 200, answer.status);
            JsonObject status = parseJson(answer.body);
            const std::string state = text(status, "state");
            if (state != "queued" && state != "running")
                return status;
            CPPUNIT_ASSERT_MESSAGE("job " + jobId + " never ended",
                                   std::chrono::steady_clock::now() < deadline);
            std::this_thread::sleep_for(std::chrono::milliseconds(30));
        }
    }

    std::string finishJob(HttpClient& client, const std::string& action, const std::string& body) {
        const HttpAnswer answer = client.action(action, body);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(answer.body, 200, answer.status);
        const std::string jobId = text(parseJson(answer.body), "jobId");
        const JsonObject status = waitHttpJob(client, jobId);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(text(status, "error"), std::string("succeeded"),
                                     text(status, "state"));
        return jobId;
    }

    LiveHost* _live = nullptr;
    std::string _instance;
};

CPPUNIT_TEST_SUITE_REGISTRATION(SecurityTest);
