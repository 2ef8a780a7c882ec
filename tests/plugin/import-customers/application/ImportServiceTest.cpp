// Import end to end ([S1], [S2], [S12], [S13], [S15], [B1], [B2], [B5], [B8], [B9]): the real tool
// on the mock host's services (ICT_TEST_DB database), Partner Center played by the emulator over
// TLS with a data set written out here, driven through the tool's actions as the host calls them.
#include "support/ImportData.h"
#include "support/ToolHarness.h"

#include <cppunit/extensions/HelperMacros.h>

#include <Poco/StringTokenizer.h>

#include <set>
#include <thread>

using namespace ict::application::test;

namespace {

// Tenant and subscription ids (lower-case GUIDs, as the tool keeps them).
const std::string kAlpha = "a1111111-0000-4000-8000-000000000001";
const std::string kBeta = "b2222222-0000-4000-8000-000000000002";
const std::string kGamma = "c3333333-0000-4000-8000-000000000003";
const std::string kDelta = "d4444444-0000-4000-8000-000000000004";
const std::string kEpsilon = "e5555555-0000-4000-8000-000000000005";
const std::string kFailing = "f6666666-0000-4000-8000-000000000006";
const std::string kResellerTenant = "99999999-0000-4000-8000-000000000099";
const std::string kResellerMpn = "5100001";

std::string subId(char tenant, int n) {
    return std::string(8, tenant) + "-1000-4000-8000-00000000000" + std::to_string(n);
}

std::vector<SubscriptionSpec> alphaSubscriptions() {
    SubscriptionSpec addOn; // listed before its base, as Partner Center may list it
    addOn.id = subId('a', 1);
    addOn.offerId = kTeamsAudio;
    addOn.offerName = "Teams Audio Conferencing";
    addOn.parentId = subId('a', 2);
    addOn.start = "2026-03-01";
    addOn.commitmentEnd = "2026-03-31";
    addOn.quantity = 7;
    addOn.autoRenew = true;
    SubscriptionSpec base;
    base.id = subId('a', 2);
    base.offerId = kBusinessBasic;
    base.offerName = "Microsoft 365 Business Basic";
    base.term = "P1Y";
    base.start = "2025-05-31";
    base.commitmentEnd = "2026-05-30";
    base.quantity = 7;
    base.autoRenew = true;
    SubscriptionSpec legacy;
    legacy.id = subId('a', 3);
    legacy.offerId = kLegacyE3;
    legacy.offerName = "Office 365 E3";
    legacy.cycle = "annual";
    legacy.term = "P1Y";
    legacy.start = "2024-02-29";
    legacy.commitmentEnd = "2027-02-27";
    legacy.quantity = 3;
    SubscriptionSpec azure;
    azure.id = subId('a', 4);
    azure.offerId = kAzurePlan;
    azure.offerName = "Azure plan";
    azure.term = "";
    SubscriptionSpec expired;
    expired.id = subId('a', 5);
    expired.offerId = kBusinessBasic;
    expired.status = "expired";
    expired.start = "2025-01-01";
    expired.commitmentEnd = "2025-01-31";
    SubscriptionSpec deleted = expired;
    deleted.id = subId('a', 6);
    deleted.status = "deleted";
    return {addOn, base, legacy, azure, expired, deleted};
}

/// Business Basic monthly on P1M (mapped), `n` of tenant `t`.
SubscriptionSpec basic(char t, int n, const std::string& partnerId = "") {
    SubscriptionSpec s;
    s.id = subId(t, n);
    s.offerId = kBusinessBasic;
    s.offerName = "Microsoft 365 Business Basic";
    s.start = "2026-03-01";
    s.commitmentEnd = "2026-03-31";
    s.quantity = n + 1;
    s.partnerId = partnerId;
    return s;
}

std::chrono::system_clock::time_point at(const std::string& iso) {
    return mockhost::parseIso(iso, "clock");
}

std::int64_t planId(ToolHarness& h, std::int64_t product, const std::string& cycle,
                    const std::string& term) {
    for (const Row& row : selectRows(h,
                                     "SELECT id, billing_cycle, term_duration FROM"
                                     " product_billing_plans WHERE product_id = ?",
                                     product))
        if (row.at("billing_cycle") == cycle && row.at("term_duration") == term)
            return std::stoll(row.at("id"));
    throw std::runtime_error("no plan " + cycle + "/" + term);
}

std::vector<Row> accountsOf(ToolHarness& h, const std::string& tenantId) {
    std::vector<Row> found;
    for (const Row& row : selectRows(h, "SELECT * FROM accounts ORDER BY id"))
        if (row.at("external_ms_tenant_id") == tenantId)
            found.push_back(row);
    return found;
}

std::map<std::string, Row> subscriptionsOf(ToolHarness& h, std::int64_t accountId) {
    std::map<std::string, Row> byMsId;
    for (const Row& row : selectRows(h,
                                     "SELECT * FROM subscriptions WHERE account_id = ?"
                                     " ORDER BY id",
                                     accountId))
        byMsId[row.at("external_ms_subscription_id")] = row;
    return byMsId;
}

std::int64_t idOf(const Row& row) {
    return std::stoll(row.at("id"));
}

} // namespace

class ImportServiceTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ImportServiceTest);
    CPPUNIT_TEST(newTenantWithMixedSubscriptionsBecomesAnAccountWithItsSubscriptions);
    CPPUNIT_TEST(existingAccountGetsOnlyNewSubscriptionsAndItsRowsStayByteForByte);
    CPPUNIT_TEST(accountCreatedByHandAfterGetHierarchyIsUsedNotDuplicated);
    CPPUNIT_TEST(endCustomerGoesUnderItsResellerCreatedWhenMissingReusedWhenPresent);
    CPPUNIT_TEST(eachErrorReasonFailsItsSubscriptionOnlyAndTheAccountIsStillCreated);
    CPPUNIT_TEST(everyBillingPolicyCarriesExactDatesIntoRowsAndResults);
    CPPUNIT_TEST(preflightAndDryRunWriteNothing);
    CPPUNIT_TEST(preflightReportsAnExpiredTokenAsInvalid);
    CPPUNIT_TEST(resultsGroupDirectAndResellersExportCsvAndLeaveAuditTrail);
    CPPUNIT_TEST(importedTenantsShowSyncedAtOnceAndAfterANewMassGetHierarchy);
    CPPUNIT_TEST(aSecondHostsImportWaitsForTheFirstAndCreatesNothingTwice);
    CPPUNIT_TEST(aTenantOfASharedInstanceIsImportedByOneOrganizationOnly);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override {
        _h = std::make_unique<ToolHarness>();
        _h->clock().set(at("2026-03-15T10:00:00Z"));
        _catalog = addCatalog(*_h);
    }
    void tearDown() override { _h.reset(); }

    void newTenantWithMixedSubscriptionsBecomesAnAccountWithItsSubscriptions() {
        const std::int64_t id =
            directInstance({customer(kAlpha, "Alpha Trading", "alphatrading.onmicrosoft.com",
                                     "Alpha", alphaSubscriptions())});
        const JsonObject results = runImport(*_h, selection(id, {{kAlpha, ""}}));
        const std::string runId = str(results, "runId");

        const std::vector<Row> accounts = accountsOf(*_h, kAlpha);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), accounts.size());
        const Row& account = accounts[0];
        const Row expected = {{"id", account.at("id")},
                              {"organization_id", std::to_string(_h->root().organization.id)},
                              {"kind", "customer"},
                              {"parent_account_id", "NULL"},
                              {"name", "Alpha Trading"},
                              {"external_ms_tenant_id", kAlpha},
                              {"mpn_id", "NULL"},
                              {"primary_domain", "alphatrading.onmicrosoft.com"},
                              {"contact_first_name", "AlphaFirst"},
                              {"contact_last_name", "AlphaLast"},
                              {"contact_email", "alpha@alphatrading.onmicrosoft.com"},
                              {"contact_phone", "+30 210 000 5"},
                              {"address_line1", "1 Alpha Street"},
                              {"address_line2", "NULL"},
                              {"address_line3", "NULL"},
                              {"city", "Alpha City"},
                              {"state", "Alpha Region"},
                              {"postal_code", "10500"},
                              {"country", "GR"},
                              {"responsible_user_id", std::to_string(_h->root().user.id)},
                              {"created_at", "2026-03-15T10:00:00Z"},
                              {"created_by_import", runId}};
        CPPUNIT_ASSERT(expected == account);

        const std::int64_t accountId = idOf(account);
        std::map<std::string, Row> subs = subscriptionsOf(*_h, accountId);
        CPPUNIT_ASSERT_EQUAL(std::size_t(3), subs.size()); // azure, expired, deleted skipped
        const Row& base = subs.at(subId('a', 2));
        const Row& addOn = subs.at(subId('a', 1));
        const Row& legacy = subs.at(subId('a', 3));
        const Row expectedBase = {
            {"id", base.at("id")},
            {"account_id", std::to_string(accountId)},
            {"external_ms_subscription_id", subId('a', 2)},
            {"product_id", std::to_string(_catalog["BB"])},
            {"billing_plan_id", std::to_string(planId(*_h, _catalog["BB"], "monthly", "P1Y"))},
            {"parent_subscription_id", "NULL"},
            {"name", "Microsoft 365 Business Basic"},
            {"quantity", "7"},
            {"status", "active"},
            {"billing_cycle", "monthly"},
            {"term_duration", "P1Y"},
            {"start_date", "2025-05-31"},
            {"commitment_end_date", "2026-05-30"},
            {"auto_renew", "1"},
            {"reseller_mpn_id", "NULL"},
            {"current_period_start", "2026-02-28"},
            {"current_period_end", "2026-03-30"},
            {"next_billing_date", "2026-03-31"},
            {"created_at", "2026-03-15T10:00:00Z"},
            {"created_by_import", runId}};
        CPPUNIT_ASSERT(expectedBase == base);
        // The add-on after its base, linked to it.
        CPPUNIT_ASSERT(idOf(addOn) > idOf(base));
        CPPUNIT_ASSERT_EQUAL(base.at("id"), addOn.at("parent_subscription_id"));
        CPPUNIT_ASSERT_EQUAL(std::to_string(_catalog["TEAMS"]), addOn.at("product_id"));
        CPPUNIT_ASSERT_EQUAL(std::string("7"), addOn.at("quantity"));
        CPPUNIT_ASSERT_EQUAL(std::string("P1M"), addOn.at("term_duration"));
        CPPUNIT_ASSERT_EQUAL(std::string("2026-03-01"), addOn.at("current_period_start"));
        CPPUNIT_ASSERT_EQUAL(std::string("2026-03-31"), addOn.at("current_period_end"));
        CPPUNIT_ASSERT_EQUAL(std::string("2026-04-01"), addOn.at("next_billing_date"));
        // Legacy annual started on a leap day.
        CPPUNIT_ASSERT_EQUAL(std::to_string(_catalog["E3L"]), legacy.at("product_id"));
        CPPUNIT_ASSERT_EQUAL(std::to_string(planId(*_h, _catalog["E3L"], "annual", "P1Y")),
                             legacy.at("billing_plan_id"));
        CPPUNIT_ASSERT_EQUAL(std::string("3"), legacy.at("quantity"));
        CPPUNIT_ASSERT_EQUAL(std::string("annual"), legacy.at("billing_cycle"));
        CPPUNIT_ASSERT_EQUAL(std::string("2024-02-29"), legacy.at("start_date"));
        CPPUNIT_ASSERT_EQUAL(std::string("2027-02-27"), legacy.at("commitment_end_date"));
        CPPUNIT_ASSERT_EQUAL(std::string("0"), legacy.at("auto_renew"));
        CPPUNIT_ASSERT_EQUAL(std::string("2026-02-28"), legacy.at("current_period_start"));
        CPPUNIT_ASSERT_EQUAL(std::string("2027-02-27"), legacy.at("current_period_end"));
        CPPUNIT_ASSERT_EQUAL(std::string("2027-02-28"), legacy.at("next_billing_date"));

        // The results say the same, with why each other subscription was skipped.
        const JsonObject tenant = tenantOf(results, kAlpha);
        CPPUNIT_ASSERT_EQUAL(std::string("created"), str(tenant, "account"));
        CPPUNIT_ASSERT_EQUAL(account.at("id"), str(tenant, "bssAccountId"));
        CPPUNIT_ASSERT(tenant->getValue<bool>("contactCreated"));
        CPPUNIT_ASSERT_EQUAL(base.at("id"),
                             str(subscriptionOf(tenant, subId('a', 2)), "bssSubscriptionId"));
        for (int n : {1, 2, 3})
            CPPUNIT_ASSERT_EQUAL(std::string("created"),
                                 str(subscriptionOf(tenant, subId('a', n)), "result"));
        const JsonObject azure = subscriptionOf(tenant, subId('a', 4));
        CPPUNIT_ASSERT_EQUAL(std::string("skipped"), str(azure, "result"));
        CPPUNIT_ASSERT(str(azure, "reason").find("Azure migration tool") != std::string::npos);
        CPPUNIT_ASSERT_EQUAL(
            std::string("Subscription status is 'expired'; expired and deleted subscriptions are "
                        "not imported."),
            str(subscriptionOf(tenant, subId('a', 5)), "reason"));
        CPPUNIT_ASSERT_EQUAL(std::string("skipped"),
                             str(subscriptionOf(tenant, subId('a', 6)), "result"));
        // The add-on comes after its base in the results too.
        const auto list = tenant->getArray("subscriptions");
        std::vector<std::string> order;
        for (std::size_t i = 0; i < list->size(); ++i)
            order.push_back(str(list->getObject(static_cast<unsigned>(i)), "subscriptionId"));
        CPPUNIT_ASSERT(std::find(order.begin(), order.end(), subId('a', 2)) <
                       std::find(order.begin(), order.end(), subId('a', 1)));
    }

    void existingAccountGetsOnlyNewSubscriptionsAndItsRowsStayByteForByte() {
        const std::int64_t accountId = _h->insertAccount("Beta Ltd", kBeta, "beta.onmicrosoft.com");
        _h->insertSubscription(accountId, subId('b', 1));
        SubscriptionSpec annual = basic('b', 3);
        annual.cycle = "annual";
        annual.term = "P1Y";
        annual.start = "2025-03-31";
        annual.commitmentEnd = "2026-03-30";
        const std::int64_t id =
            directInstance({customer(kBeta, "Beta Ltd", "beta.onmicrosoft.com", "Beta",
                                     {basic('b', 1), basic('b', 2), annual})});
        const std::vector<Row> accountBefore =
            selectRows(*_h, "SELECT * FROM accounts WHERE id = ?", accountId);
        const std::vector<Row> subsBefore =
            selectRows(*_h, "SELECT * FROM subscriptions ORDER BY id");
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), subsBefore.size());

        const JsonObject results = runImport(*_h, selection(id, {{kBeta, ""}}));
        CPPUNIT_ASSERT(accountBefore ==
                       selectRows(*_h, "SELECT * FROM accounts WHERE id = ?", accountId));
        const std::vector<Row> subsAfter =
            selectRows(*_h, "SELECT * FROM subscriptions ORDER BY id");
        CPPUNIT_ASSERT_EQUAL(std::size_t(3), subsAfter.size());
        CPPUNIT_ASSERT(subsBefore[0] == subsAfter[0]);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), accountsOf(*_h, kBeta).size());
        const std::map<std::string, Row> subs = subscriptionsOf(*_h, accountId);
        CPPUNIT_ASSERT_EQUAL(std::size_t(3), subs.size());
        CPPUNIT_ASSERT_EQUAL(std::string("2026-03-31"),
                             subs.at(subId('b', 3)).at("next_billing_date"));

        const JsonObject tenant = tenantOf(results, kBeta);
        CPPUNIT_ASSERT_EQUAL(std::string("existing"), str(tenant, "account"));
        CPPUNIT_ASSERT_EQUAL(std::to_string(accountId), str(tenant, "bssAccountId"));
        CPPUNIT_ASSERT(!tenant->getValue<bool>("contactCreated"));
        CPPUNIT_ASSERT_EQUAL(std::string("skipped"),
                             str(subscriptionOf(tenant, subId('b', 1)), "result"));
        CPPUNIT_ASSERT_EQUAL(std::string("added"),
                             str(subscriptionOf(tenant, subId('b', 2)), "result"));
        CPPUNIT_ASSERT_EQUAL(std::string("added"),
                             str(subscriptionOf(tenant, subId('b', 3)), "result"));

        // A second import changes nothing at all.
        const std::vector<Row> everything =
            selectRows(*_h, "SELECT * FROM subscriptions ORDER BY id");
        const JsonObject again = runImport(*_h, selection(id, {{kBeta, ""}}));
        CPPUNIT_ASSERT(everything == selectRows(*_h, "SELECT * FROM subscriptions ORDER BY id"));
        CPPUNIT_ASSERT_EQUAL(0, again->getObject("summary")->getValue<int>("subscriptionsAdded"));
    }

    void accountCreatedByHandAfterGetHierarchyIsUsedNotDuplicated() {
        const std::int64_t id = directInstance(
            {customer(kGamma, "Gamma Works", "gamma.onmicrosoft.com", "Gamma", {basic('c', 1)})});
        // After the Get Hierarchy (done by directInstance), someone creates the account by hand.
        const std::int64_t handMade = _h->insertAccount("Gamma Works", kGamma, "gamma.example");
        const JsonObject results = runImport(*_h, selection(id, {{kGamma, ""}}));
        const std::vector<Row> accounts = accountsOf(*_h, kGamma);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), accounts.size());
        CPPUNIT_ASSERT_EQUAL(handMade, idOf(accounts[0]));
        CPPUNIT_ASSERT_EQUAL(std::string("NULL"), accounts[0].at("created_by_import"));
        CPPUNIT_ASSERT_EQUAL(std::string("NULL"), accounts[0].at("contact_email"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), subscriptionsOf(*_h, handMade).size());
        const JsonObject tenant = tenantOf(results, kGamma);
        CPPUNIT_ASSERT_EQUAL(std::string("existing"), str(tenant, "account"));
        CPPUNIT_ASSERT_EQUAL(std::to_string(handMade), str(tenant, "bssAccountId"));
        CPPUNIT_ASSERT_EQUAL(std::string("added"),
                             str(subscriptionOf(tenant, subId('c', 1)), "result"));
    }

    void endCustomerGoesUnderItsResellerCreatedWhenMissingReusedWhenPresent() {
        const std::int64_t id = indirectInstance(
            {customer(kDelta, "Delta Shop", "delta.onmicrosoft.com", "Delta",
                      {basic('d', 1, kResellerMpn), basic('d', 2, kResellerMpn)},
                      {kResellerTenant}),
             customer(kEpsilon, "Epsilon Bakery", "epsilon.onmicrosoft.com", "Epsilon",
                      {basic('e', 1, kResellerMpn)}, {kResellerTenant})});
        CPPUNIT_ASSERT_EQUAL(0L, countRows(*_h, "accounts"));
        const JsonObject first = runImport(*_h, selection(id, {{kDelta, kResellerMpn}}));
        std::vector<Row> resellers =
            selectRows(*_h, "SELECT * FROM accounts WHERE kind = 'reseller'");
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), resellers.size());
        CPPUNIT_ASSERT_EQUAL(kResellerMpn, resellers[0].at("mpn_id"));
        CPPUNIT_ASSERT_EQUAL(std::string("Northwind Resale"), resellers[0].at("name"));
        CPPUNIT_ASSERT_EQUAL(std::string("NULL"), resellers[0].at("external_ms_tenant_id"));
        CPPUNIT_ASSERT_EQUAL(std::string("NULL"), resellers[0].at("parent_account_id"));
        const std::int64_t resellerId = idOf(resellers[0]);

        const std::vector<Row> delta = accountsOf(*_h, kDelta);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), delta.size());
        CPPUNIT_ASSERT_EQUAL(std::to_string(resellerId), delta[0].at("parent_account_id"));
        CPPUNIT_ASSERT_EQUAL(std::string("customer"), delta[0].at("kind"));
        const auto deltaSubs = subscriptionsOf(*_h, idOf(delta[0]));
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), deltaSubs.size());
        for (const auto& [msId, row] : deltaSubs)
            CPPUNIT_ASSERT_EQUAL(kResellerMpn, row.at("reseller_mpn_id"));
        // Grouped under the reseller in the results.
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), first->getArray("direct")->size());
        const JsonObject group = first->getArray("resellers")->getObject(0);
        CPPUNIT_ASSERT_EQUAL(kResellerMpn, str(group, "mpnId"));
        CPPUNIT_ASSERT_EQUAL(std::string("Northwind Resale"), str(group, "name"));

        runImport(*_h, selection(id, {{kEpsilon, kResellerMpn}}));
        resellers = selectRows(*_h, "SELECT * FROM accounts WHERE kind = 'reseller'");
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), resellers.size());
        const std::vector<Row> epsilon = accountsOf(*_h, kEpsilon);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), epsilon.size());
        CPPUNIT_ASSERT_EQUAL(std::to_string(resellerId), epsilon[0].at("parent_account_id"));
        CPPUNIT_ASSERT_EQUAL(3L, countRows(*_h, "accounts"));
    }

    void eachErrorReasonFailsItsSubscriptionOnlyAndTheAccountIsStillCreated() {
        SubscriptionSpec noProduct = basic('f', 1);
        noProduct.offerId = kBusinessStandard;
        SubscriptionSpec twoProducts = basic('f', 2);
        twoProducts.offerId = kOfficeE3;
        SubscriptionSpec noPlan = basic('f', 3);
        noPlan.offerId = kExchange;
        noPlan.offerName = "Exchange Online (Plan 1)";
        noPlan.cycle = "annual";
        noPlan.term = "P1Y";
        noPlan.start = "2025-06-01";
        const std::int64_t id =
            directInstance({customer(kFailing, "Foxtrot Fails", "foxtrot.onmicrosoft.com",
                                     "Foxtrot", {noProduct, twoProducts, noPlan})});
        const std::map<std::string, std::string> messages = {
            {subId('f', 1),
             "Offer '" + std::string(kBusinessStandard) + "' is mapped to no BSS product."},
            {subId('f', 2), "Offer '" + std::string(kOfficeE3) +
                                "' is mapped to 2 BSS products: Office E3 A, Office E3 B."},
            {subId('f', 3), "Product 'Exchange Online (Plan 1)' has no billing plan for billing "
                            "cycle 'annual' and term 'P1Y'."}};

        // Pre-flight lists each problem per tenant and subscription.
        const JsonObject preflight = _h->call("import-preflight", selection(id, {{kFailing, ""}}));
        CPPUNIT_ASSERT(!preflight->getValue<bool>("ok"));
        CPPUNIT_ASSERT(preflight->getValue<bool>("tokenValid"));
        const auto problems = preflight->getArray("problems");
        CPPUNIT_ASSERT_EQUAL(std::size_t(3), problems->size());
        for (std::size_t i = 0; i < problems->size(); ++i) {
            const JsonObject problem = problems->getObject(static_cast<unsigned>(i));
            CPPUNIT_ASSERT_EQUAL(kFailing, str(problem, "tenantId"));
            CPPUNIT_ASSERT_EQUAL(std::string("Foxtrot Fails"), str(problem, "companyName"));
            CPPUNIT_ASSERT_EQUAL(messages.at(str(problem, "subscriptionId")),
                                 str(problem, "message"));
        }
        CPPUNIT_ASSERT_EQUAL(3,
                             preflight->getObject("summary")->getValue<int>("subscriptionsToFail"));

        const JsonObject results = runImport(*_h, selection(id, {{kFailing, ""}}));
        const std::vector<Row> accounts = accountsOf(*_h, kFailing);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), accounts.size());
        CPPUNIT_ASSERT_EQUAL(std::string("FoxtrotFirst"), accounts[0].at("contact_first_name"));
        CPPUNIT_ASSERT_EQUAL(std::string("foxtrot@foxtrot.onmicrosoft.com"),
                             accounts[0].at("contact_email"));
        CPPUNIT_ASSERT(subscriptionsOf(*_h, idOf(accounts[0])).empty());
        const JsonObject tenant = tenantOf(results, kFailing);
        CPPUNIT_ASSERT_EQUAL(std::string("created"), str(tenant, "account"));
        CPPUNIT_ASSERT(tenant->getValue<bool>("contactCreated"));
        for (const auto& [msId, message] : messages) {
            const JsonObject sub = subscriptionOf(tenant, msId);
            CPPUNIT_ASSERT_EQUAL(std::string("failed"), str(sub, "result"));
            CPPUNIT_ASSERT_EQUAL(message, str(sub, "reason"));
        }
        CPPUNIT_ASSERT_EQUAL(3,
                             results->getObject("summary")->getValue<int>("subscriptionsFailed"));
    }

    void everyBillingPolicyCarriesExactDatesIntoRowsAndResults() {
        // Per tenant: monthly on P1Y from a 31st, annual on P1Y, triennial on P3Y from a leap day.
        const auto subs = [](char t) {
            SubscriptionSpec monthly = basic(t, 1);
            monthly.term = "P1Y";
            monthly.start = "2025-05-31";
            monthly.commitmentEnd = "2026-05-30";
            SubscriptionSpec annual = basic(t, 2);
            annual.cycle = "annual";
            annual.term = "P1Y";
            annual.start = "2025-03-31";
            annual.commitmentEnd = "2026-03-30";
            SubscriptionSpec triennial = basic(t, 3);
            triennial.cycle = "triennial";
            triennial.term = "P3Y";
            triennial.start = "2024-02-29";
            triennial.commitmentEnd = "2027-02-28";
            return std::vector<SubscriptionSpec>{monthly, annual, triennial};
        };
        const std::int64_t id = directInstance(
            {customer(kAlpha, "Full Co", "full.onmicrosoft.com", "Full", subs('a')),
             customer(kBeta, "Prorated Co", "prorated.onmicrosoft.com", "Prorated", subs('b')),
             customer(kGamma, "Renewal Co", "renewal.onmicrosoft.com", "Renewal", subs('c'))});
        struct Expected {
            std::string periodStart, periodEnd, next, chargeFrom, chargeTo;
            long long numerator, denominator;
        };
        // Import date 2026-03-15 (the host clock).
        const std::map<std::string, std::vector<Expected>> expected = {
            {"full_current_period",
             {{"2026-02-28", "2026-03-30", "2026-03-31", "2026-02-28", "2026-03-30", 31, 31},
              {"2025-03-31", "2026-03-30", "2026-03-31", "2025-03-31", "2026-03-30", 365, 365},
              {"2024-02-29", "2027-02-27", "2027-02-28", "2024-02-29", "2027-02-27", 1095, 1095}}},
            {"prorated_from_import",
             {{"2026-02-28", "2026-03-30", "2026-03-31", "2026-03-15", "2026-03-30", 16, 31},
              {"2025-03-31", "2026-03-30", "2026-03-31", "2026-03-15", "2026-03-30", 16, 365},
              {"2024-02-29", "2027-02-27", "2027-02-28", "2026-03-15", "2027-02-27", 350, 1095}}},
            {"next_renewal",
             {{"2026-02-28", "2026-03-30", "2026-03-31", "", "", 0, 31},
              {"2025-03-31", "2026-03-30", "2026-03-31", "", "", 0, 365},
              {"2024-02-29", "2027-02-27", "2027-02-28", "", "", 0, 1095}}}};
        const std::vector<std::tuple<std::string, std::string, char>> runs = {
            {"full_current_period", kAlpha, 'a'},
            {"prorated_from_import", kBeta, 'b'},
            {"next_renewal", kGamma, 'c'}};
        for (const auto& [policy, tenantId, t] : runs) {
            const JsonObject results = runImport(*_h, selection(id, {{tenantId, ""}}, policy));
            CPPUNIT_ASSERT_EQUAL(policy, str(results, "billingPolicy"));
            const JsonObject tenant = tenantOf(results, tenantId);
            const std::vector<Row> accounts = accountsOf(*_h, tenantId);
            CPPUNIT_ASSERT_EQUAL(std::size_t(1), accounts.size());
            const auto rows = subscriptionsOf(*_h, idOf(accounts[0]));
            for (int n = 1; n <= 3; ++n) {
                const Expected& e = expected.at(policy)[n - 1];
                const std::string msg = policy + " subscription " + std::to_string(n);
                const Row& row = rows.at(subId(t, n));
                CPPUNIT_ASSERT_EQUAL_MESSAGE(msg, e.periodStart, row.at("current_period_start"));
                CPPUNIT_ASSERT_EQUAL_MESSAGE(msg, e.periodEnd, row.at("current_period_end"));
                CPPUNIT_ASSERT_EQUAL_MESSAGE(msg, e.next, row.at("next_billing_date"));
                const JsonObject billing =
                    subscriptionOf(tenant, subId(t, n))->getObject("billing");
                CPPUNIT_ASSERT_MESSAGE(msg, billing);
                CPPUNIT_ASSERT_EQUAL_MESSAGE(msg, policy, str(billing, "policy"));
                CPPUNIT_ASSERT_EQUAL_MESSAGE(msg, e.periodStart,
                                             str(billing, "currentPeriodStart"));
                CPPUNIT_ASSERT_EQUAL_MESSAGE(msg, e.periodEnd, str(billing, "currentPeriodEnd"));
                CPPUNIT_ASSERT_EQUAL_MESSAGE(msg, e.next, str(billing, "nextBillingDate"));
                CPPUNIT_ASSERT_EQUAL_MESSAGE(msg, e.chargeFrom, str(billing, "chargeFrom"));
                CPPUNIT_ASSERT_EQUAL_MESSAGE(msg, e.chargeTo, str(billing, "chargeTo"));
                CPPUNIT_ASSERT_EQUAL_MESSAGE(msg, e.numerator,
                                             billing->getValue<long long>("prorationNumerator"));
                CPPUNIT_ASSERT_EQUAL_MESSAGE(msg, e.denominator,
                                             billing->getValue<long long>("prorationDenominator"));
            }
        }
    }

    void aTenantOfASharedInstanceIsImportedByOneOrganizationOnly() {
        // The root's instance, seen by its country tenant too.
        const std::int64_t id = directInstance(
            {customer(kAlpha, "Alpha Trading", "alphatrading.onmicrosoft.com", "Alpha",
                      {basic('a', 1)}),
             customer(kBeta, "Beta Ltd", "beta.onmicrosoft.com", "Beta", {basic('b', 1)})});
        const std::string body = "{\"instanceId\":" + std::to_string(id) + ",\"mode\":\"mass\"}";
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"),
                             str(_h->runHierarchy(_h->country(), body), "state"));
        // The country tenant imports Alpha first: Alpha is the country tenant's.
        const JsonObject byCountry = runImport(*_h, _h->country(), selection(id, {{kAlpha, ""}}));
        CPPUNIT_ASSERT_EQUAL(std::string("created"), str(tenantOf(byCountry, kAlpha), "account"));

        const JsonObject byRoot =
            runImport(*_h, "{\"instanceId\":" + std::to_string(id) + ",\"all\":true}");
        const JsonObject alpha = tenantOf(byRoot, kAlpha);
        CPPUNIT_ASSERT_EQUAL(std::string("failed"), str(alpha, "account"));
        CPPUNIT_ASSERT_MESSAGE(
            str(alpha, "accountReason"),
            str(alpha, "accountReason")
                    .find("already imported by organization 'Contoso Country'") !=
                std::string::npos);
        CPPUNIT_ASSERT_EQUAL(std::string("created"), str(tenantOf(byRoot, kBeta), "account"));
        CPPUNIT_ASSERT_EQUAL(
            1L, countRows(*_h, "accounts WHERE external_ms_tenant_id = '" + kAlpha + "'"));
        // And the other way round: Beta is the root's now.
        const JsonObject again = _h->dryRun(_h->country(), selection(id, {{kBeta, ""}}));
        CPPUNIT_ASSERT_MESSAGE(
            str(tenantOf(again, kBeta), "accountReason"),
            str(tenantOf(again, kBeta), "accountReason").find("already imported by organization") !=
                std::string::npos);
    }

    void preflightAndDryRunWriteNothing() {
        const std::int64_t id = directInstance(
            {customer(kAlpha, "Alpha Trading", "alphatrading.onmicrosoft.com", "Alpha",
                      alphaSubscriptions()),
             customer(kBeta, "Beta Ltd", "beta.onmicrosoft.com", "Beta", {basic('b', 1)})});
        const auto counts = [this] {
            // A dry run keeps its results (run kind dry_run); an import's are what it wrote.
            return std::vector<long>{countRows(*_h, "accounts"), countRows(*_h, "subscriptions"),
                                     countRows(*_h, "ict_import_results r JOIN ict_runs u ON"
                                                    " u.id = r.run_id WHERE u.kind = 'import'"),
                                     countRows(*_h, "ict_runs WHERE kind = 'import'")};
        };
        const std::vector<long> before = counts();
        const std::string all = "{\"instanceId\":" + std::to_string(id) + ",\"all\":true}";
        const JsonObject preflight = _h->call("import-preflight", all);
        CPPUNIT_ASSERT(preflight->getValue<bool>("ok"));
        CPPUNIT_ASSERT(preflight->getValue<bool>("tokenValid"));
        const JsonObject summary = preflight->getObject("summary");
        CPPUNIT_ASSERT_EQUAL(2, summary->getValue<int>("tenants"));
        CPPUNIT_ASSERT_EQUAL(2, summary->getValue<int>("accountsToCreate"));
        CPPUNIT_ASSERT_EQUAL(4, summary->getValue<int>("subscriptionsToCreate"));
        CPPUNIT_ASSERT_EQUAL(3, summary->getValue<int>("subscriptionsToSkip"));
        CPPUNIT_ASSERT(before == counts());

        const JsonObject dry = _h->dryRun(all);
        CPPUNIT_ASSERT(dry->getValue<bool>("dryRun"));
        const JsonObject alpha = tenantOf(dry, kAlpha);
        CPPUNIT_ASSERT_EQUAL(std::string("created"), str(alpha, "account"));
        CPPUNIT_ASSERT_EQUAL(std::string("0"), str(alpha, "bssAccountId"));
        CPPUNIT_ASSERT_EQUAL(std::string("created"),
                             str(subscriptionOf(alpha, subId('a', 2)), "result"));
        CPPUNIT_ASSERT_EQUAL(
            std::string("2026-03-31"),
            str(subscriptionOf(alpha, subId('a', 2))->getObject("billing"), "nextBillingDate"));
        CPPUNIT_ASSERT_EQUAL(4, dry->getObject("summary")->getValue<int>("subscriptionsCreated"));
        CPPUNIT_ASSERT(before == counts());

        // The dry run matches what the import then does.
        const JsonObject results = runImport(*_h, all);
        CPPUNIT_ASSERT_EQUAL(4,
                             results->getObject("summary")->getValue<int>("subscriptionsCreated"));
        CPPUNIT_ASSERT_EQUAL(2L, countRows(*_h, "accounts"));
        CPPUNIT_ASSERT_EQUAL(4L, countRows(*_h, "subscriptions"));
    }

    void preflightReportsAnExpiredTokenAsInvalid() {
        const std::int64_t id = directInstance(
            {customer(kBeta, "Beta Ltd", "beta.onmicrosoft.com", "Beta", {basic('b', 1)})});
        _pc->state().expireRefreshTokens();
        _pc->state().expireAccessTokens();
        const long accounts = countRows(*_h, "accounts");
        const JsonObject preflight = _h->call("import-preflight", selection(id, {{kBeta, ""}}));
        CPPUNIT_ASSERT(!preflight->getValue<bool>("tokenValid"));
        CPPUNIT_ASSERT(!preflight->getValue<bool>("ok"));
        CPPUNIT_ASSERT_EQUAL(accounts, countRows(*_h, "accounts"));
        CPPUNIT_ASSERT_EQUAL(0L, countRows(*_h, "subscriptions"));
    }

    void resultsGroupDirectAndResellersExportCsvAndLeaveAuditTrail() {
        PartnerCenterSetup setup = mixedSetup();
        const std::int64_t id = setup.instanceId;
        const std::string body =
            selection(id, {{kAlpha, ""}, {kDelta, kResellerMpn}}, "prorated_from_import");
        _h->dryRun(body);
        const JsonObject started = _h->call("import", body);
        const std::string runId = str(started, "runId");
        const JsonObject job = _h->waitJob(_h->root(), str(started, "jobId"));
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"), str(job, "state"));
        CPPUNIT_ASSERT_EQUAL(runId, str(job->getObject("result"), "runId"));

        const JsonObject results = _h->results(runId);
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"), str(results, "state"));
        CPPUNIT_ASSERT_EQUAL(std::string("admin@root"), str(results, "user"));
        CPPUNIT_ASSERT_EQUAL(std::string("2026-03-15T10:00:00Z"), str(results, "startedAt"));
        CPPUNIT_ASSERT(!results->getValue<bool>("dryRun"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), results->getArray("direct")->size());
        CPPUNIT_ASSERT_EQUAL(kAlpha, str(results->getArray("direct")->getObject(0), "tenantId"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), results->getArray("resellers")->size());
        const JsonObject group = results->getArray("resellers")->getObject(0);
        CPPUNIT_ASSERT_EQUAL(kResellerMpn, str(group, "mpnId"));
        CPPUNIT_ASSERT_EQUAL(kDelta, str(group->getArray("tenants")->getObject(0), "tenantId"));

        // CSV: the header, then one line per subscription with its result and billing.
        const auto csv =
            _h->stream(_h->root(), "import-results-csv", "{\"runId\":\"" + runId + "\"}");
        CPPUNIT_ASSERT_EQUAL("import-results-" + runId + ".csv", csv.fileName);
        CPPUNIT_ASSERT_EQUAL(std::string("text/csv; charset=utf-8"), csv.contentType);
        std::vector<std::string> lines;
        Poco::StringTokenizer split(csv.body, "\n",
                                    Poco::StringTokenizer::TOK_IGNORE_EMPTY |
                                        Poco::StringTokenizer::TOK_TRIM);
        for (const std::string& line : split)
            lines.push_back(line);
        CPPUNIT_ASSERT_EQUAL(
            std::string("run_id,dry_run,tenant_id,company_name,reseller_mpn_id,reseller_name,"
                        "account,bss_account_id,subscription_id,subscription_name,"
                        "bss_subscription_id,result,reason,billing_cycle,term,billing_policy,"
                        "current_period_start,current_period_end,charge_from,charge_to,"
                        "next_billing_date"),
            lines.at(0));
        CPPUNIT_ASSERT_EQUAL(std::size_t(1 + 6 + 2), lines.size());
        const Row alphaBase =
            subscriptionsOf(*_h, idOf(accountsOf(*_h, kAlpha)[0])).at(subId('a', 2));
        const std::string expectedBaseLine =
            runId + ",no," + kAlpha + ",Alpha Trading,,,created," + alphaBase.at("account_id") +
            "," + subId('a', 2) + ",Microsoft 365 Business Basic," + alphaBase.at("id") +
            ",created,,monthly,P1Y,prorated_from_import,2026-02-28,"
            "2026-03-30,2026-03-15,2026-03-30,2026-03-31";
        CPPUNIT_ASSERT(std::find(lines.begin(), lines.end(), expectedBaseLine) != lines.end());
        const Row delta1 = subscriptionsOf(*_h, idOf(accountsOf(*_h, kDelta)[0])).at(subId('d', 1));
        const std::string expectedDeltaLine =
            runId + ",no," + kDelta + ",Delta Shop," + kResellerMpn + ",Northwind Resale,created," +
            delta1.at("account_id") + "," + subId('d', 1) + ",Microsoft 365 Business Basic," +
            delta1.at("id") +
            ",created,,monthly,P1M,prorated_from_import,2026-03-01,2026-03-31,"
            "2026-03-15,2026-03-31,2026-04-01";
        CPPUNIT_ASSERT(std::find(lines.begin(), lines.end(), expectedDeltaLine) != lines.end());

        // Audit trail: the Get Hierarchy, the dry run and the import, by whom, on which instance.
        const JsonObject trail = _h->call("audit-trail", "{}");
        std::map<std::string, JsonObject> byAction;
        const auto entries = trail->getArray("entries");
        for (std::size_t i = 0; i < entries->size(); ++i) {
            const JsonObject entry = entries->getObject(static_cast<unsigned>(i));
            byAction[str(entry, "action")] = entry;
        }
        for (const std::string action : {"get_hierarchy", "dry_run", "import"}) {
            CPPUNIT_ASSERT_MESSAGE(action, byAction.count(action));
            const JsonObject entry = byAction[action];
            CPPUNIT_ASSERT_EQUAL(std::string("admin@root"), str(entry, "user"));
            CPPUNIT_ASSERT_EQUAL(std::to_string(id), str(entry, "instanceId"));
            CPPUNIT_ASSERT_EQUAL(std::string("succeeded"), str(entry, "outcome"));
            CPPUNIT_ASSERT_EQUAL(std::string("2026-03-15T10:00:00Z"), str(entry, "at"));
        }
        CPPUNIT_ASSERT(str(byAction["import"], "selection").find(kAlpha) != std::string::npos);
        CPPUNIT_ASSERT(str(byAction["import"], "selection").find(kDelta) != std::string::npos);
        CPPUNIT_ASSERT(str(byAction["dry_run"], "selection").find(kDelta) != std::string::npos);
    }

    void importedTenantsShowSyncedAtOnceAndAfterANewMassGetHierarchy() {
        PartnerCenterSetup setup = mixedSetup();
        const std::int64_t id = setup.instanceId;
        const std::string all = "{\"instanceId\":" + std::to_string(id) + ",\"all\":true}";
        runImport(*_h, all);
        const auto statuses = [&] {
            std::map<std::string, std::string> byRow;
            const JsonObject page =
                _h->call("tenants", "{\"instanceId\":" + std::to_string(id) + ",\"limit\":500}");
            const auto rows = page->getArray("rows");
            for (std::size_t i = 0; i < rows->size(); ++i) {
                const JsonObject row = rows->getObject(static_cast<unsigned>(i));
                byRow[str(row, "tenantId") + "/" + str(row, "resellerMpnId")] = str(row, "status");
            }
            return byRow;
        };
        const std::map<std::string, std::string> expected = {
            {kAlpha + "/", "synced"},
            {kDelta + "/" + kResellerMpn, "synced"},
            {kEpsilon + "/" + kResellerMpn, "synced"}};
        CPPUNIT_ASSERT(expected == statuses());
        const JsonObject job =
            _h->runHierarchy("{\"instanceId\":" + std::to_string(id) + ",\"mode\":\"mass\"}");
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"), str(job, "state"));
        CPPUNIT_ASSERT(expected == statuses());
        // Nothing importable is left.
        CPPUNIT_ASSERT_EQUAL(std::size_t(0),
                             _h->call("tenants", "{\"instanceId\":" + std::to_string(id) +
                                                     ",\"importableOnly\":true}")
                                 ->getValue<std::size_t>("total"));
    }

    void aSecondHostsImportWaitsForTheFirstAndCreatesNothingTwice() {
        std::vector<pc::Customer> customers;
        const std::vector<std::string> ids = {kAlpha, kBeta, kGamma, kDelta, kEpsilon, kFailing};
        std::vector<std::pair<std::string, std::string>> rows;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const char t = ids[i][0];
            customers.push_back(customer(ids[i], "Company " + std::to_string(i),
                                         "company" + std::to_string(i) + ".onmicrosoft.com",
                                         "Tag" + std::to_string(i),
                                         {basic(t, 1), basic(t, 2), basic(t, 3)}));
            rows.push_back({ids[i], ""});
        }
        const std::int64_t id = directInstance(customers);
        ToolHarness second(*_h);
        second.clock().set(at("2026-03-15T10:00:00Z"));
        const std::string body = selection(id, rows);

        // The first host's import holds the instance (its billing profiles come slowly).
        ToolHarness::setLatency(*_pc, 150);
        const JsonObject started = _h->call("import", body);
        _h->waitRunning(_h->root(), str(started, "jobId"));
        bss::sdk::ToolError refused(bss::sdk::ErrorCode::Unset, "");
        try {
            second.call("import", body);
        } catch (const bss::sdk::ToolError& e) {
            refused = e;
        }
        CPPUNIT_ASSERT(refused.code() == bss::sdk::ErrorCode::Conflict);
        const std::string message = refused.what();
        CPPUNIT_ASSERT_MESSAGE(message, message.find("'import'") != std::string::npos);
        CPPUNIT_ASSERT_MESSAGE(message, message.find("admin@root") != std::string::npos);
        CPPUNIT_ASSERT_MESSAGE(message, message.find(str(started, "runId")) != std::string::npos);
        ToolHarness::setLatency(*_pc, 0);
        CPPUNIT_ASSERT_EQUAL(std::string("succeeded"),
                             str(_h->waitJob(_h->root(), str(started, "jobId")), "state"));

        // Then the second host may import: every account and subscription exists already.
        const JsonObject again = runImport(second, body);
        CPPUNIT_ASSERT_EQUAL(0, again->getObject("summary")->getValue<int>("accountsCreated"));
        CPPUNIT_ASSERT_EQUAL(0, again->getObject("summary")->getValue<int>("subscriptionsAdded"));
        CPPUNIT_ASSERT_EQUAL(static_cast<long>(ids.size()), countRows(*_h, "accounts"));
        CPPUNIT_ASSERT_EQUAL(static_cast<long>(ids.size() * 3), countRows(*_h, "subscriptions"));
        for (const std::string& tenantId : ids) {
            const std::vector<Row> accounts = accountsOf(*_h, tenantId);
            CPPUNIT_ASSERT_EQUAL(std::size_t(1), accounts.size());
            CPPUNIT_ASSERT_EQUAL(std::size_t(3), subscriptionsOf(*_h, idOf(accounts[0])).size());
        }
    }

private:
    struct PartnerCenterSetup {
        std::int64_t instanceId = 0;
    };

    /// Alpha (direct, mixed), Delta and Epsilon (end customers of Northwind Resale), on a "both"
    /// instance, after a mass Get Hierarchy.
    PartnerCenterSetup mixedSetup() {
        std::vector<SubscriptionSpec> alpha = alphaSubscriptions();
        return {instance(
            "both",
            {customer(kAlpha, "Alpha Trading", "alphatrading.onmicrosoft.com", "Alpha", alpha),
             customer(kDelta, "Delta Shop", "delta.onmicrosoft.com", "Delta",
                      {basic('d', 1, kResellerMpn), basic('d', 2, kResellerMpn)},
                      {kResellerTenant}),
             customer(kEpsilon, "Epsilon Bakery", "epsilon.onmicrosoft.com", "Epsilon",
                      {basic('e', 1, kResellerMpn)}, {kResellerTenant})})};
    }

    std::int64_t directInstance(std::vector<pc::Customer> customers) {
        return instance("direct", std::move(customers));
    }
    std::int64_t indirectInstance(std::vector<pc::Customer> customers) {
        return instance("indirect", std::move(customers));
    }

    /// An emulator holding `customers` (and the reseller Northwind Resale), an instance on it,
    /// and a mass Get Hierarchy done.
    std::int64_t instance(const std::string& model, std::vector<pc::Customer> customers) {
        _pc = &_h->startEmulator(pc::SalesModel::Both, 1, 7);
        pc::Reseller reseller;
        reseller.id = kResellerTenant;
        reseller.name = "Northwind Resale";
        reseller.mpnId = kResellerMpn;
        reseller.location = "GR";
        loadData(*_pc, {reseller}, std::move(customers));
        const std::int64_t id = _h->addInstance("PC " + model, model, *_pc);
        const JsonObject job =
            _h->runHierarchy("{\"instanceId\":" + std::to_string(id) + ",\"mode\":\"mass\"}");
        if (str(job, "state") != "succeeded")
            throw std::runtime_error("Get Hierarchy ended " + str(job, "state") + ": " +
                                     str(job, "error"));
        return id;
    }

    std::unique_ptr<ToolHarness> _h;
    Catalog _catalog;
    pc::PartnerCenterEmulator* _pc = nullptr;
};

CPPUNIT_TEST_SUITE_REGISTRATION(ImportServiceTest);
