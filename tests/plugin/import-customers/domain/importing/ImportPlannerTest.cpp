#include "domain/importing/ImportPlanner.h"

#include "plugin/import-customers/domain/importing/ImportFixtures.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace importfixtures;

namespace {

std::string ids(const TenantPlan& plan) {
    std::string result;
    for (const SubscriptionAction& action : plan.subscriptions)
        result += (result.empty() ? "" : ",") + action.msSubscriptionId + ":" +
                  subscriptionActionKindName(action.kind);
    return result;
}

TenantPlan planOne(TenantSelection selection,
                   BillingPolicy policy = BillingPolicy::FullCurrentPeriod) {
    const ImportPlan plan = planImport(request({std::move(selection)}, policy));
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), plan.tenants.size());
    return plan.tenants.front();
}

} // namespace

class ImportPlannerTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ImportPlannerTest);
    CPPUNIT_TEST(newTenantGetsAnAccountFromItsBillingProfile);
    CPPUNIT_TEST(accountNameAndStateFallBacks);
    CPPUNIT_TEST(relatedAccountIsUsed);
    CPPUNIT_TEST(resellerActions);
    CPPUNIT_TEST(createCarriesTheSubscriptionColumnsAndBilling);
    CPPUNIT_TEST(legacyOfferMapsByOfferId);
    CPPUNIT_TEST(subscriptionPartnerIdWinsOverSeller);
    CPPUNIT_TEST(skipsWithReasons);
    CPPUNIT_TEST(mappingFailuresStillCreateTheAccount);
    CPPUNIT_TEST(billingErrorsFailTheSubscription);
    CPPUNIT_TEST(addOnsFollowTheirBase);
    CPPUNIT_TEST(addOnOfAFailedBaseFails);
    CPPUNIT_TEST(addOnOfAMissingBaseFails);
    CPPUNIT_TEST(addOnOfABaseInTheBssIsLinkedToIt);
    CPPUNIT_TEST(tenantWithoutIdFailsItsSubscriptions);
    CPPUNIT_TEST(aTenantAnotherOrganizationImportedIsNotImportedAgain);
    CPPUNIT_TEST(policyReachesTheSchedule);
    CPPUNIT_TEST(stableNames);
    CPPUNIT_TEST_SUITE_END();

public:
    void newTenantGetsAnAccountFromItsBillingProfile() {
        const TenantPlan plan = planOne(tenant("1a2b3c4d-0000-4000-8000-000000000001", "contoso"));
        CPPUNIT_ASSERT(plan.account.kind == AccountActionKind::CreateAccount);
        const NewAccount& account = plan.account.account;
        CPPUNIT_ASSERT_EQUAL(std::string("contoso"), account.name);
        CPPUNIT_ASSERT_EQUAL(std::string("1a2b3c4d-0000-4000-8000-000000000001"),
                             account.externalMsTenantId);
        CPPUNIT_ASSERT_EQUAL(std::string("contoso.onmicrosoft.com"), account.primaryDomain);
        CPPUNIT_ASSERT_EQUAL(std::string("Ada"), account.contactFirstName);
        CPPUNIT_ASSERT_EQUAL(std::string("Lovelace"), account.contactLastName);
        CPPUNIT_ASSERT_EQUAL(std::string("ada@contoso.example"), account.contactEmail);
        CPPUNIT_ASSERT_EQUAL(std::string("+1 425 555 0100"), account.contactPhone);
        CPPUNIT_ASSERT_EQUAL(std::string("1 Main St"), account.addressLine1);
        CPPUNIT_ASSERT_EQUAL(std::string(""), account.addressLine2);
        CPPUNIT_ASSERT_EQUAL(std::string("Redmond"), account.city);
        CPPUNIT_ASSERT_EQUAL(std::string("WA"), account.state);
        CPPUNIT_ASSERT_EQUAL(std::string("98052"), account.postalCode);
        CPPUNIT_ASSERT_EQUAL(std::string("US"), account.country);
        CPPUNIT_ASSERT_EQUAL(std::string(""), plan.tenantProblem);
    }
    void accountNameAndStateFallBacks() {
        TenantSelection selection = tenant("t-2", "");
        selection.customer.primaryDomain = "nameless.onmicrosoft.com";
        selection.billingProfile.defaultAddress.state = "";
        selection.billingProfile.defaultAddress.region = "Bavaria";
        TenantPlan plan = planOne(selection);
        CPPUNIT_ASSERT_EQUAL(std::string("nameless.onmicrosoft.com"), plan.account.account.name);
        CPPUNIT_ASSERT_EQUAL(std::string("Bavaria"), plan.account.account.state);
        selection.billingProfile.companyName = "Nameless GmbH";
        plan = planOne(selection);
        CPPUNIT_ASSERT_EQUAL(std::string("Nameless GmbH"), plan.account.account.name);
    }
    void relatedAccountIsUsed() {
        TenantSelection selection = tenant("t-3", "contoso");
        selection.relatedAccountId = 42;
        const TenantPlan plan = planOne(selection);
        CPPUNIT_ASSERT(plan.account.kind == AccountActionKind::UseExisting);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(42), plan.account.existingAccountId);
    }
    void resellerActions() {
        CPPUNIT_ASSERT(planOne(tenant("t", "direct")).reseller.kind == ResellerActionKind::Direct);
        const ResellerAction existing =
            planOne(tenant("t", "end", " 1234567 ", "Fabrikam")).reseller;
        CPPUNIT_ASSERT(existing.kind == ResellerActionKind::UseExistingReseller);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(500), existing.existingAccountId);
        CPPUNIT_ASSERT_EQUAL(std::string("1234567"), existing.mpnId);
        const ResellerAction created = planOne(tenant("t", "end", "7654321", "Tailspin")).reseller;
        CPPUNIT_ASSERT(created.kind == ResellerActionKind::CreateReseller);
        CPPUNIT_ASSERT_EQUAL(std::string("7654321"), created.mpnId);
        CPPUNIT_ASSERT_EQUAL(std::string("Tailspin"), created.name);
        CPPUNIT_ASSERT_EQUAL(std::string("7654321"),
                             planOne(tenant("t", "end", "7654321", "")).reseller.name);
    }
    void createCarriesTheSubscriptionColumnsAndBilling() {
        TenantSelection selection = tenant("t", "end", "1234567", "Fabrikam");
        AuditedSubscription sub =
            subscription("s1", nceE3, "monthly", "P1Y", "2025-03-10T08:15:00.1234567Z");
        sub.subscription.commitmentEndDate = "2026-03-09T00:00:00Z";
        sub.subscription.friendlyName = "E3 for sales";
        selection.subscriptions = {sub};
        const TenantPlan plan = planOne(selection);
        CPPUNIT_ASSERT_EQUAL(std::string("s1:create"), ids(plan));
        const SubscriptionAction& action = plan.subscriptions.front();
        CPPUNIT_ASSERT_EQUAL(std::string("E3 for sales"), action.name);
        CPPUNIT_ASSERT(action.subscriptionKind == SubscriptionKind::Nce);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), action.productId);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(12), action.billingPlanId);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(5), action.quantity);
        CPPUNIT_ASSERT_EQUAL(std::string("active"), action.status);
        CPPUNIT_ASSERT_EQUAL(std::string("monthly"), action.billingCycle);
        CPPUNIT_ASSERT_EQUAL(std::string("P1Y"), action.termDuration);
        CPPUNIT_ASSERT_EQUAL(std::string("2025-03-10"), action.startDate);
        CPPUNIT_ASSERT_EQUAL(std::string("2026-03-09"), action.commitmentEndDate);
        CPPUNIT_ASSERT(action.autoRenew);
        CPPUNIT_ASSERT_EQUAL(std::string("1234567"), action.resellerMpnId);
        CPPUNIT_ASSERT_EQUAL(std::string(""), action.parentMsSubscriptionId);
        CPPUNIT_ASSERT(action.billing.has_value());
        CPPUNIT_ASSERT_EQUAL(std::string("2025-11-10"),
                             action.billing->currentPeriodStart->format());
        CPPUNIT_ASSERT_EQUAL(std::string("2025-12-09"), action.billing->currentPeriodEnd->format());
        CPPUNIT_ASSERT_EQUAL(std::string("2025-11-10"), action.billing->chargeFrom->format());
        CPPUNIT_ASSERT_EQUAL(std::string("2025-12-10"), action.billing->nextBillingDate->format());
    }
    void legacyOfferMapsByOfferId() {
        TenantSelection selection = tenant("t", "contoso");
        selection.subscriptions = {subscription("s1", legacyE3, "monthly", "", "2019-05-02")};
        const TenantPlan plan = planOne(selection);
        CPPUNIT_ASSERT_EQUAL(std::string("s1:create"), ids(plan));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(21), plan.subscriptions.front().billingPlanId);
        CPPUNIT_ASSERT_EQUAL(std::string(""), plan.subscriptions.front().resellerMpnId);
    }
    void subscriptionPartnerIdWinsOverSeller() {
        TenantSelection selection = tenant("t", "end", "1234567", "Fabrikam");
        selection.subscriptions = {subscription("s1", nceE3, "monthly", "P1M", "2025-03-10")};
        selection.subscriptions[0].subscription.partnerId = "999";
        CPPUNIT_ASSERT_EQUAL(std::string("999"), planOne(selection).subscriptions[0].resellerMpnId);
    }
    void skipsWithReasons() {
        TenantSelection selection = tenant("t", "contoso");
        AuditedSubscription inBss =
            subscription("s1", nceE3, "monthly", "P1M", "2025-03-10", "", AuditStatus::InBss);
        AuditedSubscription plan = subscription("s2", azurePlan, "one_time", "", "2025-03-10");
        AuditedSubscription expired = subscription("s3", nceE3, "monthly", "P1M", "2025-03-10");
        expired.subscription.status = "Expired";
        AuditedSubscription deleted = subscription("s4", nceE3, "monthly", "P1M", "2025-03-10");
        deleted.subscription.status = "deleted";
        AuditedSubscription publicSector = subscription("s5", nceE3, "monthly", "P1M", "2025-03-10",
                                                        "", AuditStatus::NotImportable);
        publicSector.notImportableReason = "Public-sector NCE subscriptions cannot be imported.";
        selection.subscriptions = {inBss, plan, expired, deleted, publicSector};
        const TenantPlan result = planOne(selection);
        CPPUNIT_ASSERT_EQUAL(std::string("s1:skip,s2:skip,s3:skip,s4:skip,s5:skip"), ids(result));
        const auto& s = result.subscriptions;
        CPPUNIT_ASSERT(s[0].skipReason == SkipReason::AlreadyInBss);
        CPPUNIT_ASSERT_EQUAL(std::string("Subscription 's1' is already in the BSS; existing "
                                         "subscriptions are never changed."),
                             s[0].reason);
        CPPUNIT_ASSERT(s[1].skipReason == SkipReason::AzurePlan);
        CPPUNIT_ASSERT_EQUAL(std::string("Azure plan subscriptions are not imported by this tool; "
                                         "listed for the Azure migration tool."),
                             s[1].reason);
        CPPUNIT_ASSERT(s[2].skipReason == SkipReason::Inactive);
        CPPUNIT_ASSERT_EQUAL(std::string("Subscription status is 'Expired'; expired and deleted "
                                         "subscriptions are not imported."),
                             s[2].reason);
        CPPUNIT_ASSERT(s[3].skipReason == SkipReason::Inactive);
        CPPUNIT_ASSERT(s[4].skipReason == SkipReason::NotImportable);
        CPPUNIT_ASSERT_EQUAL(std::string("Public-sector NCE subscriptions cannot be imported."),
                             s[4].reason);
        CPPUNIT_ASSERT(!s[0].billing.has_value());
    }
    void mappingFailuresStillCreateTheAccount() {
        TenantSelection selection = tenant("t", "contoso");
        selection.subscriptions = {subscription("s1", nceUnmapped, "monthly", "P1M", "2025-03-10"),
                                   subscription("s2", nceVisio, "monthly", "P1M", "2025-03-10"),
                                   subscription("s3", nceE3, "triennial", "P3Y", "2025-03-10")};
        const TenantPlan plan = planOne(selection);
        CPPUNIT_ASSERT(plan.account.kind == AccountActionKind::CreateAccount);
        CPPUNIT_ASSERT_EQUAL(std::string("s1:fail,s2:fail,s3:fail"), ids(plan));
        CPPUNIT_ASSERT(plan.subscriptions[0].failReason == FailReason::NoProduct);
        CPPUNIT_ASSERT_EQUAL(
            std::string("Offer 'CFQ7TTC0ZZZZ:0001:CFQ7TTC0ZZZ1' is mapped to no BSS product."),
            plan.subscriptions[0].reason);
        CPPUNIT_ASSERT(plan.subscriptions[1].failReason == FailReason::AmbiguousProduct);
        CPPUNIT_ASSERT_EQUAL(std::string("Offer 'CFQ7TTC0HD33:0001:CFQ7TTC0K4Q1' is mapped to 2 "
                                         "BSS products: Visio Plan 2, Visio Plan 2 (old)."),
                             plan.subscriptions[1].reason);
        CPPUNIT_ASSERT(plan.subscriptions[2].failReason == FailReason::NoBillingPlan);
        CPPUNIT_ASSERT_EQUAL(std::string("Product 'Microsoft 365 E3' has no billing plan for "
                                         "billing cycle 'triennial' and term 'P3Y'."),
                             plan.subscriptions[2].reason);
    }
    void billingErrorsFailTheSubscription() {
        TenantSelection selection = tenant("t", "contoso");
        selection.subscriptions = {subscription("s1", nceE3, "monthly", "P1M", "")};
        const TenantPlan plan = planOne(selection);
        CPPUNIT_ASSERT_EQUAL(std::string("s1:fail"), ids(plan));
        CPPUNIT_ASSERT(plan.subscriptions[0].failReason == FailReason::InvalidBilling);
        CPPUNIT_ASSERT_EQUAL(std::string("Subscription field 'effectiveStartDate' is missing."),
                             plan.subscriptions[0].reason);
    }
    void addOnsFollowTheirBase() {
        TenantSelection selection = tenant("t", "contoso");
        selection.subscriptions = {
            subscription("addon", nceTeamsPhone, "monthly", "P1M", "2025-03-10", "BASE"),
            subscription("other", legacyE3, "monthly", "", "2025-03-10"),
            subscription("base", nceE3, "monthly", "P1M", "2025-03-10")};
        const TenantPlan plan = planOne(selection);
        CPPUNIT_ASSERT_EQUAL(std::string("other:create,base:create,addon:create"), ids(plan));
        CPPUNIT_ASSERT_EQUAL(std::string("BASE"), plan.subscriptions[2].parentMsSubscriptionId);
        CPPUNIT_ASSERT(!plan.subscriptions[2].parentInBss);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(3), plan.subscriptions[2].productId);
    }
    void addOnOfAFailedBaseFails() {
        TenantSelection selection = tenant("t", "contoso");
        selection.subscriptions = {
            subscription("base", nceUnmapped, "monthly", "P1M", "2025-03-10"),
            subscription("addon", nceTeamsPhone, "monthly", "P1M", "2025-03-10", "base")};
        const TenantPlan plan = planOne(selection);
        CPPUNIT_ASSERT_EQUAL(std::string("base:fail,addon:fail"), ids(plan));
        CPPUNIT_ASSERT(plan.subscriptions[1].failReason == FailReason::BaseFailed);
        CPPUNIT_ASSERT_EQUAL(
            std::string("Add-on's base subscription 'base' will not be created: Offer "
                        "'CFQ7TTC0ZZZZ:0001:CFQ7TTC0ZZZ1' is mapped to no BSS product."),
            plan.subscriptions[1].reason);
    }
    void addOnOfAMissingBaseFails() {
        TenantSelection selection = tenant("t", "contoso");
        selection.subscriptions = {
            subscription("addon", nceTeamsPhone, "monthly", "P1M", "2025-03-10", "gone")};
        const TenantPlan plan = planOne(selection);
        CPPUNIT_ASSERT_EQUAL(std::string("addon:fail"), ids(plan));
        CPPUNIT_ASSERT(plan.subscriptions[0].failReason == FailReason::BaseMissing);
        CPPUNIT_ASSERT_EQUAL(std::string("Add-on's base subscription 'gone' is not among the "
                                         "tenant's subscriptions."),
                             plan.subscriptions[0].reason);
    }
    void addOnOfABaseInTheBssIsLinkedToIt() {
        TenantSelection selection = tenant("t", "contoso");
        selection.relatedAccountId = 7;
        selection.subscriptions = {
            subscription("base", nceE3, "monthly", "P1M", "2025-03-10", "", AuditStatus::InBss),
            subscription("addon", nceTeamsPhone, "monthly", "P1M", "2025-03-10", "base")};
        const TenantPlan plan = planOne(selection);
        CPPUNIT_ASSERT_EQUAL(std::string("base:skip,addon:create"), ids(plan));
        CPPUNIT_ASSERT(plan.subscriptions[1].parentInBss);
        CPPUNIT_ASSERT_EQUAL(std::string("base"), plan.subscriptions[1].parentMsSubscriptionId);
    }
    void tenantWithoutIdFailsItsSubscriptions() {
        TenantSelection selection = tenant("", "contoso");
        selection.subscriptions = {subscription("s1", nceE3, "monthly", "P1M", "2025-03-10")};
        const TenantPlan plan = planOne(selection);
        CPPUNIT_ASSERT_EQUAL(std::string("Tenant field 'tenantId' is missing."),
                             plan.tenantProblem);
        CPPUNIT_ASSERT_EQUAL(std::string("s1:fail"), ids(plan));
        CPPUNIT_ASSERT(plan.subscriptions[0].failReason == FailReason::InvalidTenant);
    }
    void aTenantAnotherOrganizationImportedIsNotImportedAgain() {
        TenantSelection selection = tenant("t-9", "contoso");
        selection.subscriptions = {subscription("s1", nceE3, "monthly", "P1M", "2025-03-10")};
        selection.heldByOrganization = "Contoso Cloud Greece";
        const TenantPlan plan = planOne(selection);
        CPPUNIT_ASSERT_MESSAGE(plan.tenantProblem,
                               plan.tenantProblem.find("already imported by organization "
                                                       "'Contoso Cloud Greece'") !=
                                   std::string::npos);
        CPPUNIT_ASSERT_EQUAL(std::string("s1:fail"), ids(plan));
        CPPUNIT_ASSERT(plan.subscriptions[0].failReason == FailReason::InvalidTenant);
        // The organization's own account of the tenant wins: subscriptions are added to it.
        selection.relatedAccountId = 42;
        CPPUNIT_ASSERT_EQUAL(std::string(), planOne(selection).tenantProblem);
    }
    void policyReachesTheSchedule() {
        TenantSelection selection = tenant("t", "contoso");
        selection.subscriptions = {subscription("s1", nceE3, "monthly", "P1M", "2025-03-10")};
        const TenantPlan plan = planOne(selection, BillingPolicy::ProratedFromImport);
        const BillingSchedule& billing = *plan.subscriptions[0].billing;
        CPPUNIT_ASSERT(billing.policy == BillingPolicy::ProratedFromImport);
        CPPUNIT_ASSERT_EQUAL(std::string("2025-11-25"), billing.chargeFrom->format());
        CPPUNIT_ASSERT_EQUAL(15LL, billing.prorationNumerator);
        CPPUNIT_ASSERT_EQUAL(30LL, billing.prorationDenominator);
    }
    void stableNames() {
        CPPUNIT_ASSERT_EQUAL(std::string("create_account"),
                             std::string(accountActionKindName(AccountActionKind::CreateAccount)));
        CPPUNIT_ASSERT_EQUAL(
            std::string("use_existing_reseller"),
            std::string(resellerActionKindName(ResellerActionKind::UseExistingReseller)));
        CPPUNIT_ASSERT_EQUAL(std::string("already_in_bss"),
                             std::string(skipReasonName(SkipReason::AlreadyInBss)));
        CPPUNIT_ASSERT_EQUAL(std::string("base_failed"),
                             std::string(failReasonName(FailReason::BaseFailed)));
        CPPUNIT_ASSERT_EQUAL(std::string("unset"), std::string(subscriptionActionKindName(
                                                       SubscriptionActionKind::Unset)));
        CPPUNIT_ASSERT_EQUAL(std::string("not_importable"),
                             std::string(auditStatusName(AuditStatus::NotImportable)));
        CPPUNIT_ASSERT(parseAuditStatus("in_bss") == AuditStatus::InBss);
        CPPUNIT_ASSERT(!parseAuditStatus("unset"));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ImportPlannerTest);
