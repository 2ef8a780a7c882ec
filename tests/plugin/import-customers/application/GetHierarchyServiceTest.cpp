// Get Hierarchy end to end ([S6]-[S10], [B3], [B4]): the real tool on the mock host's services
// (ICT_TEST_DB database), Partner Center played by the emulator over TLS, driven through the
// tool's actions and the host's job queue as the host would.
#include "application/GetHierarchyService.h"
#include "support/ToolHarness.h"

#include <cppunit/extensions/HelperMacros.h>

#include <map>
#include <set>

using ict::application::test::JsonObject;
using ict::application::test::ToolHarness;
using mockhost::emulator::DataSet;
using mockhost::emulator::PartnerCenterEmulator;
using mockhost::emulator::SalesModel;

namespace {

std::string str(const JsonObject& object, const std::string& field) {
    return object->isNull(field) ? std::string() : object->getValue<std::string>(field);
}

Poco::JSON::Array::Ptr rowsOf(const JsonObject& page) {
    return page->getArray("rows");
}

std::size_t liveCustomers(PartnerCenterEmulator& emulator) {
    return emulator.state().withData([](const DataSet& data) {
        std::size_t count = 0;
        for (const auto& customer : data.customers)
            count += customer.left ? 0 : 1;
        return count;
    });
}

/// The tool's error for an action call, or a failed assertion when it succeeds.
bss::sdk::ToolError errorOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const bss::sdk::ToolError& e) {
        return e;
    }
    CPPUNIT_FAIL("the action succeeded; an error was expected");
    throw std::logic_error("unreachable");
}

} // namespace

class GetHierarchyServiceTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(GetHierarchyServiceTest);
    CPPUNIT_TEST(massOnDirectInstanceSavesEveryTenantWithOneSubscriptionListEach);
    CPPUNIT_TEST(massOnIndirectInstanceGroupsEndCustomersUnderResellers);
    CPPUNIT_TEST(massOnMixedInstanceHasDirectAndEndCustomerRows);
    CPPUNIT_TEST(singleRunsByTenantIdAndDomainAddOnlyThatTenant);
    CPPUNIT_TEST(malformedTenantIdAndDomainAreRefusedWithExactMessages);
    CPPUNIT_TEST(unknownTenantIdAndDomainFailTheJobWithExactMessages);
    CPPUNIT_TEST(expiredTokenFailsWithS9AndSavesNothing);
    CPPUNIT_TEST(secondStartIsRefusedSayingSinceWhenAndByWhom);
    CPPUNIT_TEST(getHierarchyAndImportOfOneInstanceNeverRunAtOnce);
    CPPUNIT_TEST(cancelledRunKeepsPreviousHierarchyAndLastUpdate);
    CPPUNIT_TEST(failedRunKeepsPreviousHierarchyAndLastUpdate);
    CPPUNIT_TEST(auditGivesMatchedUnmatchedRenamedAndCountMismatchStatuses);
    CPPUNIT_TEST(tenantSoldByTwoResellersAppearsUnderBothWithOnlyItsSellersSubscriptions);
    CPPUNIT_TEST(incrementalRefreshFetchesOnlyTheChangedTenants);
    CPPUNIT_TEST(incrementalRefreshRemovesATenantThatLeft);
    CPPUNIT_TEST(incrementalRefreshWithoutChangesReadsOnlyTheAuditRecords);
    CPPUNIT_TEST(incrementalBeyondAuditRetentionRunsInFullAndSaysSo);
    CPPUNIT_TEST(singleRunAfterMassUpdatesThatTenantOnly);
    CPPUNIT_TEST(correctedPartnerTenantTakesEffectWithoutRestart);
    CPPUNIT_TEST(expiredAndDeletedSubscriptionsAreNotImportableWithAReason);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override { _h = std::make_unique<ToolHarness>(); }
    void tearDown() override { _h.reset(); }

    void massOnDirectInstanceSavesEveryTenantWithOneSubscriptionListEach() {
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Direct, 12, 11);
        const std::int64_t id = _h->addInstance("Direct PC", "direct", pc);
        const JsonObject job = _h->runHierarchy(body(id, "mass"));
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"), str(job, "state"));
        const JsonObject result = job->getObject("result");
        const std::size_t tenants = liveCustomers(pc);
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(tenants), result->getValue<int>("tenants"));
        CPPUNIT_ASSERT_EQUAL(0, result->getValue<int>("resellers"));
        CPPUNIT_ASSERT_EQUAL(0, result->getValue<int>("failures"));
        CPPUNIT_ASSERT(!str(result, "lastMassUpdateAt").empty());

        // One subscription list per tenant, and the customer list; nothing per subscription.
        auto& counters = pc.state().counters();
        CPPUNIT_ASSERT_EQUAL(static_cast<std::uint64_t>(tenants),
                             static_cast<std::uint64_t>(counters.count("subscriptions.list")));
        CPPUNIT_ASSERT(counters.count("customers.list") >= 1);
        CPPUNIT_ASSERT_EQUAL(std::uint64_t(0),
                             static_cast<std::uint64_t>(counters.count("subscriptions.get")));

        const JsonObject page =
            _h->call("tenants", "{\"instanceId\":" + std::to_string(id) + ",\"limit\":500}");
        CPPUNIT_ASSERT_EQUAL(tenants, page->getValue<std::size_t>("total"));
        CPPUNIT_ASSERT_EQUAL(str(result, "lastMassUpdateAt"), str(page, "lastMassUpdateAt"));
        std::size_t subscriptions = 0;
        for (std::size_t i = 0; i < rowsOf(page)->size(); ++i) {
            const JsonObject row = rowsOf(page)->getObject(static_cast<unsigned>(i));
            CPPUNIT_ASSERT_EQUAL(std::string("direct"), str(row, "type"));
            CPPUNIT_ASSERT_EQUAL(std::string("unsynced"), str(row, "status"));
            subscriptions += subscriptionsOf(id, str(row, "tenantId"), "")->size();
        }
        const std::size_t inPartnerCenter = pc.state().withData([](const DataSet& data) {
            std::size_t count = 0;
            for (const auto& customer : data.customers)
                count += customer.left ? 0 : customer.subscriptions.size();
            return count;
        });
        CPPUNIT_ASSERT_EQUAL(inPartnerCenter, subscriptions);
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(subscriptions),
                             result->getValue<int>("subscriptions"));
    }

    void massOnIndirectInstanceGroupsEndCustomersUnderResellers() {
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Indirect, 15, 12);
        const std::int64_t id = _h->addInstance("Indirect PC", "indirect", pc);
        const JsonObject job = _h->runHierarchy(body(id, "mass"));
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"), str(job, "state"));
        const JsonObject resellers =
            _h->call("resellers", "{\"instanceId\":" + std::to_string(id) + "}");
        const auto list = resellers->getArray("resellers");
        CPPUNIT_ASSERT(list->size() > 0);
        std::set<std::string> known = pc.state().withData([](const DataSet& data) {
            std::set<std::string> mpnIds;
            for (const auto& reseller : data.resellers)
                mpnIds.insert(reseller.mpnId);
            return mpnIds;
        });
        std::size_t endCustomers = 0;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const JsonObject reseller = list->getObject(static_cast<unsigned>(i));
            CPPUNIT_ASSERT(known.count(str(reseller, "mpnId")));
            endCustomers += reseller->getValue<std::size_t>("endCustomers");
        }
        const JsonObject page = _h->call("tenants", "{\"instanceId\":" + std::to_string(id) +
                                                        ",\"type\":\"end_customer\"}");
        CPPUNIT_ASSERT_EQUAL(endCustomers, page->getValue<std::size_t>("total"));
        const JsonObject direct =
            _h->call("tenants", "{\"instanceId\":" + std::to_string(id) + ",\"type\":\"direct\"}");
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), direct->getValue<std::size_t>("total"));
        // Every tenant of the data set has at least one row.
        std::set<std::string> listed;
        const JsonObject all =
            _h->call("tenants", "{\"instanceId\":" + std::to_string(id) + ",\"limit\":500}");
        for (std::size_t i = 0; i < rowsOf(all)->size(); ++i)
            listed.insert(str(rowsOf(all)->getObject(static_cast<unsigned>(i)), "tenantId"));
        CPPUNIT_ASSERT_EQUAL(liveCustomers(pc), listed.size());
    }

    void massOnMixedInstanceHasDirectAndEndCustomerRows() {
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Both, 20, 13);
        const std::int64_t id = _h->addInstance("Mixed PC", "both", pc);
        const JsonObject job = _h->runHierarchy(body(id, "mass"));
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"), str(job, "state"));
        const auto expected = pc.state().withData([](const DataSet& data) {
            std::pair<std::size_t, std::size_t> directAndIndirect{0, 0};
            for (const auto& customer : data.customers) {
                if (customer.left)
                    continue;
                bool direct = false;
                std::set<std::string> sellers;
                for (const auto& s : customer.subscriptions) {
                    if (s.partnerId.empty())
                        direct = true;
                    else
                        sellers.insert(s.partnerId);
                }
                directAndIndirect.first += direct ? 1 : 0;
                directAndIndirect.second += sellers.size();
            }
            return directAndIndirect;
        });
        CPPUNIT_ASSERT(expected.first > 0 && expected.second > 0);
        const JsonObject direct =
            _h->call("tenants", "{\"instanceId\":" + std::to_string(id) + ",\"type\":\"direct\"}");
        const JsonObject end = _h->call("tenants", "{\"instanceId\":" + std::to_string(id) +
                                                       ",\"type\":\"end_customer\"}");
        CPPUNIT_ASSERT(direct->getValue<std::size_t>("total") >= expected.first);
        CPPUNIT_ASSERT(end->getValue<std::size_t>("total") > 0);
        CPPUNIT_ASSERT(job->getObject("result")->getValue<int>("resellers") > 0);
    }

    void singleRunsByTenantIdAndDomainAddOnlyThatTenant() {
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Direct, 8, 14);
        const std::int64_t id = _h->addInstance("Direct PC", "direct", pc);
        const auto [first, secondDomain, secondId] = pc.state().withData([](const DataSet& data) {
            return std::make_tuple(data.customers[0].id, data.customers[1].domain,
                                   data.customers[1].id);
        });
        // Upper case input is accepted and normalised.
        JsonObject job =
            _h->runHierarchy("{\"instanceId\":" + std::to_string(id) +
                             ",\"mode\":\"single\",\"tenantId\":\"" + Poco::toUpper(first) + "\"}");
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"), str(job, "state"));
        JsonObject page = _h->call("tenants", "{\"instanceId\":" + std::to_string(id) + "}");
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), page->getValue<std::size_t>("total"));
        CPPUNIT_ASSERT_EQUAL(first, str(rowsOf(page)->getObject(0), "tenantId"));
        // A single run is not a mass update.
        CPPUNIT_ASSERT(page->isNull("lastMassUpdateAt"));

        job = _h->runHierarchy("{\"instanceId\":" + std::to_string(id) +
                               ",\"mode\":\"single\",\"tenantOrDomain\":\"" + secondDomain + "\"}");
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"), str(job, "state"));
        page = _h->call("tenants",
                        "{\"instanceId\":" + std::to_string(id) + ",\"sort\":\"tenantId\"}");
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), page->getValue<std::size_t>("total"));
        std::set<std::string> ids{str(rowsOf(page)->getObject(0), "tenantId"),
                                  str(rowsOf(page)->getObject(1), "tenantId")};
        CPPUNIT_ASSERT(ids == std::set<std::string>({first, secondId}));
        // Single runs read the tenant by id or filter, never the whole list.
        CPPUNIT_ASSERT_EQUAL(
            std::uint64_t(2),
            static_cast<std::uint64_t>(pc.state().counters().count("subscriptions.list")));
    }

    void malformedTenantIdAndDomainAreRefusedWithExactMessages() {
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Direct, 3, 15);
        const std::int64_t id = _h->addInstance("Direct PC", "direct", pc);
        const std::string instance =
            "{\"instanceId\":" + std::to_string(id) + ",\"mode\":\"single\"";
        bss::sdk::ToolError e =
            errorOf([&] { _h->call("get-hierarchy", instance + ",\"tenantId\":\"abc\"}"); });
        CPPUNIT_ASSERT(e.code() == bss::sdk::ErrorCode::InvalidInput);
        CPPUNIT_ASSERT_EQUAL(std::string("Tenant ID 'abc' is not a valid GUID."),
                             std::string(e.what()));
        CPPUNIT_ASSERT_EQUAL(std::string("tenantId"), e.field());
        e = errorOf([&] { _h->call("get-hierarchy", instance + ",\"domain\":\"foo\"}"); });
        CPPUNIT_ASSERT(e.code() == bss::sdk::ErrorCode::InvalidInput);
        CPPUNIT_ASSERT_EQUAL(std::string("Primary Domain 'foo' is not a valid domain name."),
                             std::string(e.what()));
        e = errorOf([&] { _h->call("get-hierarchy", instance + ",\"tenantOrDomain\":\"a b\"}"); });
        CPPUNIT_ASSERT(e.code() == bss::sdk::ErrorCode::InvalidInput);
        // Refused before any Partner Center call and without a job or run.
        CPPUNIT_ASSERT_EQUAL(std::uint64_t(0),
                             static_cast<std::uint64_t>(pc.state().counters().total()));
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), _h->call("runs", "{}")->getArray("runs")->size());
    }

    void unknownTenantIdAndDomainFailTheJobWithExactMessages() {
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Direct, 3, 16);
        const std::int64_t id = _h->addInstance("Direct PC", "direct", pc);
        const std::string unknownId = "0f0e0d0c-0b0a-4909-8807-060504030201";
        JsonObject job =
            _h->runHierarchy("{\"instanceId\":" + std::to_string(id) +
                             ",\"mode\":\"single\",\"tenantId\":\"" + unknownId + "\"}");
        CPPUNIT_ASSERT_EQUAL(std::string("failed"), str(job, "state"));
        CPPUNIT_ASSERT_EQUAL("The Microsoft Tenant with ID '" + unknownId + "' does not exist.",
                             str(job, "error"));
        job = _h->runHierarchy("{\"instanceId\":" + std::to_string(id) +
                               ",\"mode\":\"single\",\"domain\":\"nobody-here.onmicrosoft.com\"}");
        CPPUNIT_ASSERT_EQUAL(std::string("failed"), str(job, "state"));
        CPPUNIT_ASSERT_EQUAL(std::string("The Microsoft Tenant with Primary Domain "
                                         "'nobody-here.onmicrosoft.com' does not exist."),
                             str(job, "error"));
        const JsonObject page = _h->call("tenants", "{\"instanceId\":" + std::to_string(id) + "}");
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), page->getValue<std::size_t>("total"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), runStates().count("failed"));
    }

    void expiredTokenFailsWithS9AndSavesNothing() {
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Direct, 5, 17);
        const std::int64_t id = _h->addInstance("Expired PC", "direct", pc);
        pc.state().expireRefreshTokens();
        const JsonObject job = _h->runHierarchy(body(id, "mass"));
        CPPUNIT_ASSERT_EQUAL(std::string("failed"), str(job, "state"));
        const std::string error = str(job, "error");
        CPPUNIT_ASSERT_MESSAGE(error, error.rfind("The Microsoft Cloud Services instance 'Expired "
                                                  "PC' is not authenticated or its "
                                                  "authentication expired",
                                                  0) == 0);
        CPPUNIT_ASSERT_MESSAGE(error, error.find("No tenants are shown.") != std::string::npos);
        CPPUNIT_ASSERT(error.find(ToolHarness::kAppSecret) == std::string::npos);
        CPPUNIT_ASSERT(error.find(pc.initialRefreshToken()) == std::string::npos);
        // No Partner Center data call was made and nothing is shown.
        CPPUNIT_ASSERT_EQUAL(std::uint64_t(0), static_cast<std::uint64_t>(
                                                   pc.state().counters().count("customers.list")));
        const JsonObject page = _h->call("tenants", "{\"instanceId\":" + std::to_string(id) + "}");
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), page->getValue<std::size_t>("total"));
        CPPUNIT_ASSERT(page->isNull("savedAt"));
        const JsonObject last =
            _h->call("last-update", "{\"instanceId\":" + std::to_string(id) + "}");
        CPPUNIT_ASSERT(last->isNull("lastMassUpdateAt"));
        // The run is recorded as failed.
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), runStates().count("failed"));
    }

    void secondStartIsRefusedSayingSinceWhenAndByWhom() {
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Direct, 6, 18);
        const std::int64_t id = _h->addInstance("Direct PC", "direct", pc);
        setLatency(pc, 150);
        const std::string first = _h->startHierarchy(_h->root(), body(id, "mass"));
        _h->waitRunning(_h->root(), first);
        const bss::sdk::ToolError e =
            errorOf([&] { _h->startHierarchy(_h->root(), body(id, "mass")); });
        CPPUNIT_ASSERT(e.code() == bss::sdk::ErrorCode::Conflict);
        const std::string message = e.what();
        CPPUNIT_ASSERT_MESSAGE(message, message.find("since ") != std::string::npos);
        CPPUNIT_ASSERT_MESSAGE(message, message.find("admin@root") != std::string::npos);
        // A single run of the same instance is refused too (one run per instance).
        const bss::sdk::ToolError single = errorOf([&] {
            _h->startHierarchy(_h->root(), "{\"instanceId\":" + std::to_string(id) +
                                               ",\"mode\":\"incremental\"}");
        });
        CPPUNIT_ASSERT(single.code() == bss::sdk::ErrorCode::Conflict);
        _h->call("cancel-job", "{\"jobId\":\"" + first + "\"}");
        CPPUNIT_ASSERT_EQUAL(std::string("cancelled"),
                             str(_h->waitJob(_h->root(), first), "state"));
    }

    void getHierarchyAndImportOfOneInstanceNeverRunAtOnce() {
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Direct, 12, 31);
        const std::int64_t id = _h->addInstance("Direct PC", "direct", pc);
        const std::string importAll = "{\"instanceId\":" + std::to_string(id) + ",\"all\":true}";
        setLatency(pc, 150);
        const std::string hierarchyJob = _h->startHierarchy(_h->root(), body(id, "mass"));
        _h->waitRunning(_h->root(), hierarchyJob);
        // An import would read rows the Get Hierarchy is about to replace.
        const bss::sdk::ToolError duringHierarchy = errorOf([&] { _h->call("import", importAll); });
        CPPUNIT_ASSERT(duringHierarchy.code() == bss::sdk::ErrorCode::Conflict);
        const std::string first = duringHierarchy.what();
        CPPUNIT_ASSERT_MESSAGE(first, first.find("get-hierarchy") != std::string::npos);
        CPPUNIT_ASSERT_MESSAGE(first, first.find("admin@root") != std::string::npos);
        setLatency(pc, 0);
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"),
                             str(_h->waitJob(_h->root(), hierarchyJob), "state"));

        // And a Get Hierarchy would be overwritten by the import's status refresh.
        setLatency(pc, 150);
        const std::string importJob = str(_h->call("import", importAll), "jobId");
        _h->waitRunning(_h->root(), importJob);
        const bss::sdk::ToolError duringImport =
            errorOf([&] { _h->startHierarchy(_h->root(), body(id, "mass")); });
        CPPUNIT_ASSERT(duringImport.code() == bss::sdk::ErrorCode::Conflict);
        const std::string second = duringImport.what();
        CPPUNIT_ASSERT_MESSAGE(second, second.find("'import'") != std::string::npos);
        _h->call("cancel-job", "{\"jobId\":\"" + importJob + "\"}");
        _h->waitJob(_h->root(), importJob);
        setLatency(pc, 0);
        // Once the import has ended, the instance is free again.
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"),
                             str(_h->runHierarchy(body(id, "mass")), "state"));
    }

    void cancelledRunKeepsPreviousHierarchyAndLastUpdate() {
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Direct, 8, 19);
        const std::int64_t id = _h->addInstance("Direct PC", "direct", pc);
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"),
                             str(_h->runHierarchy(body(id, "mass")), "state"));
        const JsonObject before = tenantsPage(id);
        pc.state().addCustomer({"Added Later Ltd", "", "", ""});
        setLatency(pc, 100);
        const std::string job = _h->startHierarchy(_h->root(), body(id, "mass"));
        _h->waitRunning(_h->root(), job);
        const JsonObject cancel = _h->call("cancel-job", "{\"jobId\":\"" + job + "\"}");
        CPPUNIT_ASSERT(cancel->getValue<bool>("cancelRequested"));
        CPPUNIT_ASSERT_EQUAL(std::string("cancelled"), str(_h->waitJob(_h->root(), job), "state"));
        assertUnchanged(before, tenantsPage(id));
        // Runs are listed by start second; two in one second may come in either order.
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), runStates().count("cancelled"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), runStates().count("succeeded"));
    }

    void failedRunKeepsPreviousHierarchyAndLastUpdate() {
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Direct, 8, 20);
        const std::int64_t id = _h->addInstance("Direct PC", "direct", pc);
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"),
                             str(_h->runHierarchy(body(id, "mass")), "state"));
        const JsonObject before = tenantsPage(id);
        pc.state().addCustomer({"Added Later Ltd", "", "", ""});
        pc.state().expireRefreshTokens();
        pc.state().expireAccessTokens();
        const JsonObject job = _h->runHierarchy(body(id, "mass"));
        CPPUNIT_ASSERT_EQUAL(std::string("failed"), str(job, "state"));
        CPPUNIT_ASSERT(str(job, "error").find("not authenticated") != std::string::npos);
        assertUnchanged(before, tenantsPage(id));
    }

    void auditGivesMatchedUnmatchedRenamedAndCountMismatchStatuses() {
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Direct, 2, 21);
        const std::int64_t id = _h->addInstance("Direct PC", "direct", pc);
        auto tenantWithTwo = [&](const std::string& name) {
            const auto customer = pc.state().addCustomer({name, "", "", ""});
            std::vector<std::string> subscriptions;
            for (int i = 0; i < 2; ++i)
                subscriptions.push_back(pc.state().addSubscription(customer.id, {}).id);
            return std::make_pair(customer, subscriptions);
        };
        const auto matched = tenantWithTwo("Matched Industries");
        const auto mismatch = tenantWithTwo("Partly Imported GmbH");
        const auto renamed = tenantWithTwo("New Name Holdings");
        const auto unmatched = tenantWithTwo("Nobody Knows Ltd");

        const std::int64_t a = _h->insertAccount("Matched Industries", matched.first.id, "");
        for (const std::string& s : matched.second)
            _h->insertSubscription(a, s);
        const std::int64_t b = _h->insertAccount("Partly Imported GmbH", mismatch.first.id, "");
        _h->insertSubscription(b, mismatch.second[0]);
        const std::int64_t c = _h->insertAccount("Old Name Holdings", renamed.first.id, "");
        for (const std::string& s : renamed.second)
            _h->insertSubscription(c, s);

        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"),
                             str(_h->runHierarchy(body(id, "mass")), "state"));
        const JsonObject m = row(id, matched.first.id);
        CPPUNIT_ASSERT_EQUAL(std::string("synced"), str(m, "status"));
        CPPUNIT_ASSERT_EQUAL(2, m->getValue<int>("subscriptionsInPartnerCenter"));
        CPPUNIT_ASSERT_EQUAL(2, m->getValue<int>("subscriptionsInBss"));
        CPPUNIT_ASSERT(!m->getValue<bool>("needsConfirmation"));
        CPPUNIT_ASSERT(!m->getValue<bool>("importable"));

        const JsonObject x = row(id, mismatch.first.id);
        CPPUNIT_ASSERT_EQUAL(std::string("new_subscriptions"), str(x, "status"));
        CPPUNIT_ASSERT_EQUAL(2, x->getValue<int>("subscriptionsInPartnerCenter"));
        CPPUNIT_ASSERT_EQUAL(1, x->getValue<int>("subscriptionsInBss"));
        CPPUNIT_ASSERT(x->getValue<bool>("importable"));
        const auto subs = subscriptionsOf(id, mismatch.first.id, "");
        std::map<std::string, std::string> statusById;
        for (std::size_t i = 0; i < subs->size(); ++i)
            statusById[str(subs->getObject(static_cast<unsigned>(i)), "id")] =
                str(subs->getObject(static_cast<unsigned>(i)), "importStatus");
        CPPUNIT_ASSERT_EQUAL(std::string("in_bss"), statusById[mismatch.second[0]]);
        CPPUNIT_ASSERT_EQUAL(std::string("new"), statusById[mismatch.second[1]]);

        const JsonObject r = row(id, renamed.first.id);
        CPPUNIT_ASSERT_EQUAL(std::string("synced"), str(r, "status"));
        CPPUNIT_ASSERT(r->getValue<bool>("needsConfirmation"));
        const std::string reason = str(r, "confirmationReason");
        CPPUNIT_ASSERT_MESSAGE(reason, reason.find("Old Name Holdings") != std::string::npos);
        CPPUNIT_ASSERT_MESSAGE(reason, reason.find("renamed") != std::string::npos);

        const JsonObject u = row(id, unmatched.first.id);
        CPPUNIT_ASSERT_EQUAL(std::string("unsynced"), str(u, "status"));
        CPPUNIT_ASSERT_EQUAL(0, u->getValue<int>("subscriptionsInBss"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), u->getArray("relatedAccounts")->size());
        CPPUNIT_ASSERT(u->getValue<bool>("importable"));

        // The status filter finds them.
        const JsonObject synced = _h->call("tenants", "{\"instanceId\":" + std::to_string(id) +
                                                          ",\"status\":\"synced\"}");
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), synced->getValue<std::size_t>("total"));
    }

    void tenantSoldByTwoResellersAppearsUnderBothWithOnlyItsSellersSubscriptions() {
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Indirect, 40, 22);
        const std::int64_t id = _h->addInstance("Indirect PC", "indirect", pc);
        // A tenant whose subscriptions come from two resellers, and each seller's subscriptions.
        const auto shared = pc.state().withData([](const DataSet& data) {
            for (const auto& customer : data.customers) {
                std::map<std::string, std::set<std::string>> bySeller;
                for (const auto& s : customer.subscriptions)
                    if (!s.partnerId.empty())
                        bySeller[s.partnerId].insert(s.id);
                if (!customer.left && bySeller.size() >= 2)
                    return std::make_pair(customer.id, bySeller);
            }
            return std::make_pair(std::string(), std::map<std::string, std::set<std::string>>());
        });
        CPPUNIT_ASSERT_MESSAGE("the data set has no tenant sold by two resellers",
                               !shared.first.empty());
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"),
                             str(_h->runHierarchy(body(id, "mass")), "state"));
        const JsonObject page = _h->call("tenants", "{\"instanceId\":" + std::to_string(id) +
                                                        ",\"tenantId\":\"" + shared.first + "\"}");
        CPPUNIT_ASSERT_EQUAL(shared.second.size(), page->getValue<std::size_t>("total"));
        for (const auto& [mpnId, ids] : shared.second) {
            bool rowFound = false;
            for (std::size_t i = 0; i < rowsOf(page)->size(); ++i)
                rowFound |= str(rowsOf(page)->getObject(static_cast<unsigned>(i)),
                                "resellerMpnId") == mpnId;
            CPPUNIT_ASSERT_MESSAGE("no row under reseller " + mpnId, rowFound);
            const auto subs = subscriptionsOf(id, shared.first, mpnId);
            std::set<std::string> listed;
            for (std::size_t i = 0; i < subs->size(); ++i) {
                const JsonObject s = subs->getObject(static_cast<unsigned>(i));
                CPPUNIT_ASSERT_EQUAL(mpnId, str(s, "resellerMpnId"));
                listed.insert(str(s, "id"));
            }
            CPPUNIT_ASSERT(listed == ids);
        }
    }

    void incrementalRefreshFetchesOnlyTheChangedTenants() {
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Direct, 15, 23);
        const std::int64_t id = _h->addInstance("Direct PC", "direct", pc);
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"),
                             str(_h->runHierarchy(body(id, "mass")), "state"));
        const JsonObject before = tenantsPage(id);
        // Audit records are dated by the second: keep the changes after the mass run's start.
        std::this_thread::sleep_for(std::chrono::milliseconds(1100));
        const auto changed = pc.state().withData([](const DataSet& data) {
            std::vector<std::pair<std::string, std::string>> picks;
            for (const auto& customer : data.customers)
                if (!customer.left && !customer.subscriptions.empty() && picks.size() < 2)
                    picks.emplace_back(customer.id, customer.subscriptions.front().id);
            return picks;
        });
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), changed.size());
        mockhost::emulator::SubscriptionChange change;
        change.quantity = 77;
        pc.state().changeSubscription(changed[0].first, changed[0].second, change);
        pc.state().addSubscription(changed[1].first, {});
        const auto added = pc.state().addCustomer({"Brand New Tenant Ltd", "", "", ""});
        pc.state().counters().reset();

        const JsonObject job = _h->runHierarchy(body(id, "incremental"));
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"), str(job, "state"));
        CPPUNIT_ASSERT_EQUAL(3, job->getObject("result")->getValue<int>("tenantsRefetched"));
        auto& counters = pc.state().counters();
        CPPUNIT_ASSERT_EQUAL(std::uint64_t(0),
                             static_cast<std::uint64_t>(counters.count("customers.list")));
        CPPUNIT_ASSERT_EQUAL(std::uint64_t(1),
                             static_cast<std::uint64_t>(counters.count("auditrecords.list")));
        // Only the new customer's record is read: the other two tenants' records only touched
        // subscriptions, so their saved customer records are reused.
        CPPUNIT_ASSERT_EQUAL(std::uint64_t(1),
                             static_cast<std::uint64_t>(counters.count("customers.get")));
        CPPUNIT_ASSERT_EQUAL(std::uint64_t(3),
                             static_cast<std::uint64_t>(counters.count("subscriptions.list")));

        const JsonObject after = tenantsPage(id);
        CPPUNIT_ASSERT_EQUAL(before->getValue<std::size_t>("total") + 1,
                             after->getValue<std::size_t>("total"));
        // An incremental refresh is not a mass update.
        CPPUNIT_ASSERT_EQUAL(str(before, "lastMassUpdateAt"), str(after, "lastMassUpdateAt"));
        bool quantitySeen = false;
        const auto subs = subscriptionsOf(id, changed[0].first, "");
        for (std::size_t i = 0; i < subs->size(); ++i)
            quantitySeen |=
                subs->getObject(static_cast<unsigned>(i))->getValue<int>("quantity") == 77;
        CPPUNIT_ASSERT(quantitySeen);
        CPPUNIT_ASSERT_EQUAL(added.id, str(row(id, added.id), "tenantId"));
        for (const auto& [tenantId, subscriptionId] : changed) {
            const auto [name, domain] = pc.state().withData([&](const DataSet& data) {
                for (const auto& customer : data.customers)
                    if (customer.id == tenantId)
                        return std::make_pair(customer.companyName, customer.domain);
                return std::make_pair(std::string(), std::string());
            });
            CPPUNIT_ASSERT_EQUAL(name, str(row(id, tenantId), "companyName"));
            CPPUNIT_ASSERT_EQUAL(domain, str(row(id, tenantId), "primaryDomain"));
        }
    }

    void incrementalRefreshRemovesATenantThatLeft() {
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Direct, 6, 24);
        const std::int64_t id = _h->addInstance("Direct PC", "direct", pc);
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"),
                             str(_h->runHierarchy(body(id, "mass")), "state"));
        const std::size_t before = tenantsPage(id)->getValue<std::size_t>("total");
        std::this_thread::sleep_for(std::chrono::milliseconds(1100));
        const std::string leaving =
            pc.state().withData([](const DataSet& data) { return data.customers.front().id; });
        pc.state().markCustomerLeft(leaving);
        const JsonObject job = _h->runHierarchy(body(id, "incremental"));
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"), str(job, "state"));
        CPPUNIT_ASSERT_EQUAL(before - 1, tenantsPage(id)->getValue<std::size_t>("total"));
        const JsonObject gone = _h->call("tenants", "{\"instanceId\":" + std::to_string(id) +
                                                        ",\"tenantId\":\"" + leaving + "\"}");
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), gone->getValue<std::size_t>("total"));
    }

    void incrementalRefreshWithoutChangesReadsOnlyTheAuditRecords() {
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Indirect, 6, 28);
        const std::int64_t id = _h->addInstance("Indirect PC", "indirect", pc);
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"),
                             str(_h->runHierarchy(body(id, "mass")), "state"));
        const std::size_t before = tenantsPage(id)->getValue<std::size_t>("total");
        pc.state().counters().reset();
        const JsonObject job = _h->runHierarchy(body(id, "incremental"));
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"), str(job, "state"));
        CPPUNIT_ASSERT_EQUAL(0, job->getObject("result")->getValue<int>("tenantsRefetched"));
        // Nothing changed: the audit records are all the data it needs (the access token of the
        // mass run is still good).
        auto& counters = pc.state().counters();
        CPPUNIT_ASSERT_EQUAL(std::uint64_t(1),
                             static_cast<std::uint64_t>(counters.count("auditrecords.list")));
        CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), static_cast<std::uint64_t>(counters.total()));
        CPPUNIT_ASSERT_EQUAL(before, tenantsPage(id)->getValue<std::size_t>("total"));
    }

    void incrementalBeyondAuditRetentionRunsInFullAndSaysSo() {
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Direct, 5, 25);
        const std::int64_t id = _h->addInstance("Direct PC", "direct", pc);
        // The last mass run was 100 days ago by the host clock.
        const auto now = std::chrono::system_clock::now();
        _h->clock().set(now - std::chrono::hours(24 * 100));
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"),
                             str(_h->runHierarchy(body(id, "mass")), "state"));
        _h->clock().reset();
        pc.state().counters().reset();
        const JsonObject job = _h->runHierarchy(body(id, "incremental"));
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"), str(job, "state"));
        const std::string message = str(job->getObject("result"), "message");
        CPPUNIT_ASSERT_MESSAGE(message, message.find("90 days") != std::string::npos);
        CPPUNIT_ASSERT_EQUAL(std::string("mass"), str(job->getObject("result"), "mode"));
        CPPUNIT_ASSERT_EQUAL(
            std::uint64_t(0),
            static_cast<std::uint64_t>(pc.state().counters().count("auditrecords.list")));
        CPPUNIT_ASSERT(pc.state().counters().count("customers.list") >= 1);
        // It was a full run: the Last Update moves to now.
        const std::string last = str(tenantsPage(id), "lastMassUpdateAt");
        CPPUNIT_ASSERT(mockhost::parseIso(last, "lastMassUpdateAt") > now - std::chrono::hours(1));
    }

    void singleRunAfterMassUpdatesThatTenantOnly() {
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Direct, 6, 26);
        const std::int64_t id = _h->addInstance("Direct PC", "direct", pc);
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"),
                             str(_h->runHierarchy(body(id, "mass")), "state"));
        const JsonObject before = tenantsPage(id);
        const auto picks = pc.state().withData([](const DataSet& data) {
            std::vector<std::pair<std::string, std::string>> result;
            for (const auto& customer : data.customers)
                if (!customer.left && !customer.subscriptions.empty() && result.size() < 2)
                    result.emplace_back(customer.id, customer.subscriptions.front().id);
            return result;
        });
        mockhost::emulator::SubscriptionChange change;
        change.quantity = 4242;
        for (const auto& [tenant, subscription] : picks)
            pc.state().changeSubscription(tenant, subscription, change);
        const JsonObject job =
            _h->runHierarchy("{\"instanceId\":" + std::to_string(id) +
                             ",\"mode\":\"single\",\"tenantId\":\"" + picks[0].first + "\"}");
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"), str(job, "state"));
        auto quantityOf = [&](const std::string& tenant, const std::string& subscription) {
            const auto subs = subscriptionsOf(id, tenant, "");
            for (std::size_t i = 0; i < subs->size(); ++i)
                if (str(subs->getObject(static_cast<unsigned>(i)), "id") == subscription)
                    return subs->getObject(static_cast<unsigned>(i))->getValue<int>("quantity");
            return -1;
        };
        CPPUNIT_ASSERT_EQUAL(4242, quantityOf(picks[0].first, picks[0].second));
        CPPUNIT_ASSERT(quantityOf(picks[1].first, picks[1].second) != 4242);
        CPPUNIT_ASSERT(quantityOf(picks[1].first, picks[1].second) > 0);
        const JsonObject after = tenantsPage(id);
        CPPUNIT_ASSERT_EQUAL(before->getValue<std::size_t>("total"),
                             after->getValue<std::size_t>("total"));
        CPPUNIT_ASSERT_EQUAL(str(before, "lastMassUpdateAt"), str(after, "lastMassUpdateAt"));
    }

    void correctedPartnerTenantTakesEffectWithoutRestart() {
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Direct, 4, 29);
        mockhost::InstanceRecord record = _h->instanceRecord("Direct PC", "direct", pc);
        const std::string rightTenant = record.partnerTenantId;
        record.partnerTenantId = "11111111-2222-4333-8444-555555555555"; // a typo
        const std::int64_t id = _h->addInstance(record);
        const JsonObject wrong = _h->runHierarchy(body(id, "mass"));
        CPPUNIT_ASSERT_EQUAL(std::string("failed"), str(wrong, "state"));
        // The admin corrects the partner tenant id; same URLs and CA.
        record.partnerTenantId = rightTenant;
        _h->updateInstance(record);
        const JsonObject right = _h->runHierarchy(body(id, "mass"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(str(right, "error"), std::string("succeeded"),
                                     str(right, "state"));
    }

    void expiredAndDeletedSubscriptionsAreNotImportableWithAReason() {
        PartnerCenterEmulator& pc = _h->startEmulator(SalesModel::Direct, 30, 27);
        const std::int64_t id = _h->addInstance("Direct PC", "direct", pc);
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"),
                             str(_h->runHierarchy(body(id, "mass")), "state"));
        const auto ended = pc.state().withData([](const DataSet& data) {
            std::vector<std::tuple<std::string, std::string, std::string>> result;
            for (const auto& customer : data.customers)
                for (const auto& s : customer.subscriptions)
                    if (!customer.left && (s.status == "expired" || s.status == "deleted"))
                        result.emplace_back(customer.id, s.id, s.status);
            return result;
        });
        CPPUNIT_ASSERT_MESSAGE("no expired or deleted subscription in the data set",
                               !ended.empty());
        for (const auto& [tenant, subscription, status] : ended) {
            const auto subs = subscriptionsOf(id, tenant, "");
            bool seen = false;
            for (std::size_t i = 0; i < subs->size(); ++i) {
                const JsonObject s = subs->getObject(static_cast<unsigned>(i));
                if (str(s, "id") != subscription)
                    continue;
                seen = true;
                CPPUNIT_ASSERT_EQUAL(std::string("not_importable"), str(s, "importStatus"));
                // An ended Azure plan gives the Azure plan reason (use the migration tool).
                const std::string reason = str(s, "reason");
                CPPUNIT_ASSERT_MESSAGE(reason, reason == status || reason == "azure_plan");
                CPPUNIT_ASSERT(!str(s, "reasonText").empty());
            }
            CPPUNIT_ASSERT_MESSAGE(subscription, seen);
        }
    }

private:
    static std::string body(std::int64_t instanceId, const std::string& mode) {
        return "{\"instanceId\":" + std::to_string(instanceId) + ",\"mode\":\"" + mode + "\"}";
    }

    static void setLatency(PartnerCenterEmulator& pc, int ms) { ToolHarness::setLatency(pc, ms); }

    std::multiset<std::string> runStates() {
        std::multiset<std::string> states;
        const auto runs = _h->call("runs", "{}")->getArray("runs");
        for (std::size_t i = 0; i < runs->size(); ++i)
            states.insert(str(runs->getObject(static_cast<unsigned>(i)), "state"));
        return states;
    }

    JsonObject tenantsPage(std::int64_t id) {
        return _h->call("tenants", "{\"instanceId\":" + std::to_string(id) +
                                       ",\"limit\":500,\"sort\":\"tenantId\"}");
    }

    static void assertUnchanged(const JsonObject& before, const JsonObject& after) {
        CPPUNIT_ASSERT_EQUAL(before->getValue<std::size_t>("total"),
                             after->getValue<std::size_t>("total"));
        CPPUNIT_ASSERT_EQUAL(str(before, "savedAt"), str(after, "savedAt"));
        CPPUNIT_ASSERT_EQUAL(str(before, "lastMassUpdateAt"), str(after, "lastMassUpdateAt"));
        CPPUNIT_ASSERT(!str(after, "lastMassUpdateAt").empty());
        for (std::size_t i = 0; i < rowsOf(before)->size(); ++i)
            CPPUNIT_ASSERT_EQUAL(
                str(rowsOf(before)->getObject(static_cast<unsigned>(i)), "tenantId"),
                str(rowsOf(after)->getObject(static_cast<unsigned>(i)), "tenantId"));
    }

    JsonObject row(std::int64_t id, const std::string& tenantId) {
        const JsonObject page = _h->call("tenants", "{\"instanceId\":" + std::to_string(id) +
                                                        ",\"tenantId\":\"" + tenantId + "\"}");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(tenantId, std::size_t(1),
                                     page->getValue<std::size_t>("total"));
        return rowsOf(page)->getObject(0);
    }

    Poco::JSON::Array::Ptr subscriptionsOf(std::int64_t id, const std::string& tenantId,
                                           const std::string& resellerMpnId) {
        return _h
            ->call("subscriptions", "{\"instanceId\":" + std::to_string(id) + ",\"tenantId\":\"" +
                                        tenantId + "\",\"resellerMpnId\":\"" + resellerMpnId +
                                        "\"}")
            ->getArray("subscriptions");
    }

    std::unique_ptr<ToolHarness> _h;
};

CPPUNIT_TEST_SUITE_REGISTRATION(GetHierarchyServiceTest);
