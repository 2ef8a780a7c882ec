// Import written a batch of tenants per transaction ([B2]): the real tool on the mock host's
// services (ICT_TEST_DB database) and the emulator over TLS. 600 tenants make batches of 6
// (about 1% of the run), and more than 500 imported tenants take the whole-hierarchy status
// refresh on PostgreSQL. The database itself refuses one tenant's row (a trigger of the host
// database, as a host-side rule would): only that tenant fails, with the database's message, and
// nothing of it stays written, while its batch neighbours and the rest are imported whole.
#include "support/ImportData.h"
#include "support/ToolHarness.h"

#include <cppunit/extensions/HelperMacros.h>

#include <chrono>
#include <iostream>
#include <thread>

using namespace ict::application::test;

namespace {

constexpr int kTenants = 600;
constexpr int kRefused = 151; // in a batch of 6, with five neighbours to be written
const std::string kRefusal = "refused by the host database trigger";

std::string tenantId(int n) {
    char text[64];
    std::snprintf(text, sizeof text, "7e000000-0000-4000-8000-%012d", n);
    return text;
}

std::string subscriptionId(int n, int k) {
    char text[64];
    std::snprintf(text, sizeof text, "5b00000%d-0000-4000-8000-%012d", k, n);
    return text;
}

/// Tenant `n`: a Teams Audio add-on listed before its Business Basic base (both mapped).
pc::Customer numberedCustomer(int n, const std::string& name) {
    SubscriptionSpec addOn;
    addOn.id = subscriptionId(n, 1);
    addOn.offerId = kTeamsAudio;
    addOn.offerName = "Teams Audio Conferencing";
    addOn.parentId = subscriptionId(n, 2);
    addOn.start = "2026-03-01";
    addOn.commitmentEnd = "2026-03-31";
    SubscriptionSpec base;
    base.id = subscriptionId(n, 2);
    base.offerId = kBusinessBasic;
    base.offerName = "Microsoft 365 Business Basic";
    base.start = "2026-03-01";
    base.commitmentEnd = "2026-03-31";
    base.quantity = n;
    return customer(tenantId(n), name, "t" + std::to_string(n) + ".onmicrosoft.com",
                    "T" + std::to_string(n), {addOn, base});
}

long countOf(ToolHarness& h, const std::string& sql) {
    Poco::Data::Session session = h.database().session();
    Poco::Int64 n = 0;
    using namespace Poco::Data::Keywords;
    session << sql, into(n), now;
    return static_cast<long>(n);
}

} // namespace

class ImportBatchTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ImportBatchTest);
    CPPUNIT_TEST(aTenantTheDatabaseRefusesFailsAloneAndNothingOfItIsWritten);
    CPPUNIT_TEST(cancelStopsBetweenBatchesWithWholeTenantsAndARerunFinishes);
    CPPUNIT_TEST(aResellerAccountIsNeverLeftWithoutTheEndCustomerItWasCreatedFor);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override {
        _h = std::make_unique<ToolHarness>();
        _h->clock().set(mockhost::parseIso("2026-03-15T10:00:00Z", "clock"));
        addCatalog(*_h);
    }
    void tearDown() override { _h.reset(); }

    void aTenantTheDatabaseRefusesFailsAloneAndNothingOfItIsWritten() {
        const std::string injection = "Robert'); DROP TABLE accounts;-- \"Tables\" ? $1";
        std::vector<pc::Customer> customers;
        for (int n = 0; n < kTenants; ++n)
            customers.push_back(
                numberedCustomer(n, n == kRefused + 1 ? injection : "Tenant " + std::to_string(n)));
        const std::int64_t id = instance(std::move(customers));
        // The refused row is the add-on: its tenant's account and base are already inserted in
        // the batch's transaction when the database refuses it.
        refuseSubscription(subscriptionId(kRefused, 1));

        const JsonObject results =
            runImport(*_h, "{\"instanceId\":" + std::to_string(id) + ",\"all\":true}");
        const JsonObject refused = tenantOf(results, tenantId(kRefused));
        CPPUNIT_ASSERT_EQUAL(std::string("failed"), str(refused, "account"));
        CPPUNIT_ASSERT_MESSAGE(str(refused, "accountReason"),
                               str(refused, "accountReason").find(kRefusal) != std::string::npos);
        for (int k = 1; k <= 2; ++k)
            CPPUNIT_ASSERT_EQUAL(
                std::string("failed"),
                str(subscriptionOf(refused, subscriptionId(kRefused, k)), "result"));
        CPPUNIT_ASSERT_EQUAL(kTenants, static_cast<int>(tenantsOf(results).size()));
        for (int n = 0; n < kTenants; ++n) {
            if (n == kRefused)
                continue;
            const JsonObject tenant = tenantOf(results, tenantId(n));
            CPPUNIT_ASSERT_EQUAL_MESSAGE(tenantId(n), std::string("created"),
                                         str(tenant, "account"));
            for (int k = 1; k <= 2; ++k)
                CPPUNIT_ASSERT_EQUAL(std::string("created"),
                                     str(subscriptionOf(tenant, subscriptionId(n, k)), "result"));
        }

        // Nothing of the refused tenant is written; everyone else is whole, each add-on linked to
        // its own tenant's base, the injection-shaped name stored as it came.
        CPPUNIT_ASSERT(accountIdOf(tenantId(kRefused)) < 0);
        CPPUNIT_ASSERT_EQUAL(0L, countOf(*_h, "SELECT COUNT(*) FROM subscriptions WHERE"
                                              " external_ms_subscription_id IN ('" +
                                                  subscriptionId(kRefused, 1) + "', '" +
                                                  subscriptionId(kRefused, 2) + "')"));
        CPPUNIT_ASSERT_EQUAL(static_cast<long>(kTenants - 1),
                             countOf(*_h, "SELECT COUNT(*) FROM accounts"));
        CPPUNIT_ASSERT_EQUAL(2L * (kTenants - 1),
                             countOf(*_h, "SELECT COUNT(*) FROM subscriptions"));
        CPPUNIT_ASSERT_EQUAL(static_cast<long>(kTenants - 1),
                             countOf(*_h, "SELECT COUNT(*) FROM subscriptions a JOIN subscriptions"
                                          " b ON a.parent_subscription_id = b.id AND a.account_id"
                                          " = b.account_id AND b.parent_subscription_id IS NULL"));
        const std::vector<Row> neighbour = selectRows(*_h, "SELECT name FROM accounts WHERE id = ?",
                                                      accountIdOf(tenantId(kRefused + 1)));
        CPPUNIT_ASSERT_EQUAL(injection, neighbour.at(0).at("name"));
        CPPUNIT_ASSERT_EQUAL(static_cast<long>(kTenants),
                             countOf(*_h, "SELECT COUNT(*) FROM ict_import_results"));
        // The saved hierarchy shows the imported tenants synced at once; only the refused one is
        // left to import.
        CPPUNIT_ASSERT_EQUAL(std::string("synced"), statusOf(id, tenantId(kRefused + 1)));
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), importableLeft(id));

        // Once the database accepts it, a re-run imports that tenant alone.
        allowSubscriptions();
        const JsonObject rerun =
            runImport(*_h, "{\"instanceId\":" + std::to_string(id) + ",\"all\":true}");
        CPPUNIT_ASSERT_EQUAL(std::string("created"),
                             str(tenantOf(rerun, tenantId(kRefused)), "account"));
        CPPUNIT_ASSERT_EQUAL(static_cast<long>(kTenants),
                             countOf(*_h, "SELECT COUNT(*) FROM accounts"));
        CPPUNIT_ASSERT_EQUAL(2L * kTenants, countOf(*_h, "SELECT COUNT(*) FROM subscriptions"));
        CPPUNIT_ASSERT_EQUAL(std::string("synced"), statusOf(id, tenantId(kRefused)));
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), importableLeft(id));
    }

    void cancelStopsBetweenBatchesWithWholeTenantsAndARerunFinishes() {
        std::vector<pc::Customer> customers;
        for (int n = 0; n < kTenants; ++n)
            customers.push_back(numberedCustomer(n, "Tenant " + std::to_string(n)));
        const std::int64_t id = instance(std::move(customers));
        // Profiles answered slowly, so the run is still reading and writing when cancelled.
        setLatency(10);
        const std::string all = "{\"instanceId\":" + std::to_string(id) + ",\"all\":true}";
        const JsonObject started = _h->call("import", all);
        const std::string jobId = str(started, "jobId");
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        for (;;) {
            const JsonObject status = _h->jobStatus(_h->root(), jobId);
            const std::string state = str(status, "state");
            CPPUNIT_ASSERT_MESSAGE("the import ended " + state,
                                   state == "queued" || state == "running");
            if (status->has("progress") && !status->isNull("progress") &&
                status->getObject("progress")->optValue<int>("tenantsDone", 0) > 0)
                break;
            CPPUNIT_ASSERT(std::chrono::steady_clock::now() < deadline);
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        _h->call("cancel-job", "{\"jobId\":\"" + jobId + "\"}");
        const JsonObject job = _h->waitJob(_h->root(), jobId);
        CPPUNIT_ASSERT_EQUAL(std::string("cancelled"), str(job, "state"));

        // Whole batches of whole tenants, each with its result; the rest not reached.
        const JsonObject results = _h->results(str(started, "runId"));
        const long done = static_cast<long>(tenantsOf(results).size());
        std::cerr << " [cancelled after " << done << " of " << kTenants << " tenants] ";
        CPPUNIT_ASSERT(done > 0 && done < kTenants);
        CPPUNIT_ASSERT_EQUAL(0L, done % 6);
        for (const JsonObject& tenant : tenantsOf(results))
            CPPUNIT_ASSERT_EQUAL(std::string("created"), str(tenant, "account"));
        CPPUNIT_ASSERT_EQUAL(done, countOf(*_h, "SELECT COUNT(*) FROM accounts"));
        CPPUNIT_ASSERT_EQUAL(2 * done, countOf(*_h, "SELECT COUNT(*) FROM subscriptions"));
        CPPUNIT_ASSERT_EQUAL(done, countOf(*_h, "SELECT COUNT(*) FROM ict_import_results"));

        // Running the same import again finishes the rest and creates nothing twice.
        setLatency(0);
        const JsonObject rerun = runImport(*_h, all);
        long created = 0;
        for (const JsonObject& tenant : tenantsOf(rerun))
            created += str(tenant, "account") == "created";
        CPPUNIT_ASSERT_EQUAL(kTenants - done, created);
        CPPUNIT_ASSERT_EQUAL(static_cast<long>(kTenants),
                             countOf(*_h, "SELECT COUNT(*) FROM accounts"));
        CPPUNIT_ASSERT_EQUAL(2L * kTenants, countOf(*_h, "SELECT COUNT(*) FROM subscriptions"));
    }

    void aResellerAccountIsNeverLeftWithoutTheEndCustomerItWasCreatedFor() {
        // Two resellers with one end customer each; the database refuses the first one's.
        _pc = &_h->startEmulator(pc::SalesModel::Both, 1, 7);
        std::vector<pc::Reseller> resellers;
        std::vector<pc::Customer> customers;
        for (int n = 1; n <= 2; ++n) {
            pc::Reseller reseller;
            reseller.id = "aa000000-0000-4000-8000-00000000000" + std::to_string(n);
            reseller.name = "Reseller " + std::to_string(n);
            reseller.mpnId = "700000" + std::to_string(n);
            reseller.location = "GR";
            pc::Customer customer = numberedCustomer(n, "End Customer " + std::to_string(n));
            customer.resellerIds = {reseller.id};
            for (pc::Subscription& subscription : customer.subscriptions)
                subscription.partnerId = reseller.mpnId;
            resellers.push_back(reseller);
            customers.push_back(customer);
        }
        loadData(*_pc, resellers, customers);
        const std::int64_t id = _h->addInstance("PC indirect", "indirect", *_pc);
        const JsonObject job =
            _h->runHierarchy("{\"instanceId\":" + std::to_string(id) + ",\"mode\":\"mass\"}");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(str(job, "error"), std::string("succeeded"),
                                     str(job, "state"));
        refuseSubscription(subscriptionId(1, 1));

        const JsonObject results =
            runImport(*_h, "{\"instanceId\":" + std::to_string(id) + ",\"all\":true}");
        CPPUNIT_ASSERT_EQUAL(std::string("failed"), str(tenantOf(results, tenantId(1)), "account"));
        CPPUNIT_ASSERT_EQUAL(std::string("created"),
                             str(tenantOf(results, tenantId(2)), "account"));
        // The refused end customer's reseller account went with it; the other one stands.
        CPPUNIT_ASSERT_EQUAL(0L, countOf(*_h, "SELECT COUNT(*) FROM accounts WHERE kind ="
                                              " 'reseller' AND mpn_id = '7000001'"));
        CPPUNIT_ASSERT_EQUAL(1L, countOf(*_h, "SELECT COUNT(*) FROM accounts r JOIN accounts c ON"
                                              " c.parent_account_id = r.id WHERE r.kind ="
                                              " 'reseller' AND r.mpn_id = '7000002'"));

        allowSubscriptions();
        const JsonObject rerun =
            runImport(*_h, "{\"instanceId\":" + std::to_string(id) + ",\"all\":true}");
        CPPUNIT_ASSERT_EQUAL(std::string("created"), str(tenantOf(rerun, tenantId(1)), "account"));
        CPPUNIT_ASSERT_EQUAL(1L, countOf(*_h, "SELECT COUNT(*) FROM accounts r JOIN accounts c ON"
                                              " c.parent_account_id = r.id WHERE r.kind ="
                                              " 'reseller' AND r.mpn_id = '7000001'"));
    }

private:
    void setLatency(int ms) { ToolHarness::setLatency(*_pc, ms); }

    /// An emulator holding `customers`, a direct instance on it, and a mass Get Hierarchy done.
    std::int64_t instance(std::vector<pc::Customer> customers) {
        _pc = &_h->startEmulator(pc::SalesModel::Both, 1, 7);
        loadData(*_pc, {}, std::move(customers));
        const std::int64_t id = _h->addInstance("PC direct", "direct", *_pc);
        const JsonObject job =
            _h->runHierarchy("{\"instanceId\":" + std::to_string(id) + ",\"mode\":\"mass\"}");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(str(job, "error"), std::string("succeeded"),
                                     str(job, "state"));
        return id;
    }

    std::size_t importableLeft(std::int64_t id) {
        return _h
            ->call("tenants", "{\"instanceId\":" + std::to_string(id) + ",\"importableOnly\":true}")
            ->getValue<std::size_t>("total");
    }

    /// The status the tenants page shows for `tenant`.
    std::string statusOf(std::int64_t id, const std::string& tenant) {
        const JsonObject page = _h->call("tenants", "{\"instanceId\":" + std::to_string(id) +
                                                        ",\"tenantId\":\"" + tenant + "\"}");
        const auto rows = page->getArray("rows");
        for (std::size_t i = 0; i < rows->size(); ++i)
            if (str(rows->getObject(static_cast<unsigned>(i)), "tenantId") == tenant)
                return str(rows->getObject(static_cast<unsigned>(i)), "status");
        return "(not listed)";
    }

    /// The id of the account of `tenant`, or -1.
    long accountIdOf(const std::string& tenant) {
        const std::vector<Row> rows =
            selectRows(*_h, "SELECT id, external_ms_tenant_id FROM accounts ORDER BY id");
        for (const Row& row : rows)
            if (row.at("external_ms_tenant_id") == tenant)
                return std::stol(row.at("id"));
        return -1;
    }

    /// A trigger of the host database that refuses the subscription row `msId`.
    void refuseSubscription(const std::string& msId) {
        Poco::Data::Session session = _h->database().session();
        using namespace Poco::Data::Keywords;
        if (_h->dialect() == bss::sdk::SqlDialect::PostgreSQL) {
            session << "CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                       " IF NEW.external_ms_subscription_id = '" +
                           msId + "' THEN RAISE EXCEPTION '" + kRefusal +
                           "'; END IF; RETURN NEW; END $$",
                now;
            session << "CREATE TRIGGER refuse_one BEFORE INSERT ON subscriptions FOR EACH ROW"
                       " EXECUTE FUNCTION refuse_one()",
                now;
        } else {
            session << "CREATE TRIGGER refuse_one BEFORE INSERT ON subscriptions WHEN"
                       " NEW.external_ms_subscription_id = '" +
                           msId + "' BEGIN SELECT RAISE(ABORT, '" + kRefusal + "'); END",
                now;
        }
    }

    void allowSubscriptions() {
        Poco::Data::Session session = _h->database().session();
        using namespace Poco::Data::Keywords;
        session << (_h->dialect() == bss::sdk::SqlDialect::PostgreSQL
                        ? "DROP TRIGGER refuse_one ON subscriptions"
                        : "DROP TRIGGER refuse_one"),
            now;
    }

    std::unique_ptr<ToolHarness> _h;
    pc::PartnerCenterEmulator* _pc = nullptr;
};

CPPUNIT_TEST_SUITE_REGISTRATION(ImportBatchTest);
