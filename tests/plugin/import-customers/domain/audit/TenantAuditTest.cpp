#include "domain/audit/TenantAudit.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::domain;

namespace {

const std::string kTenant = "6a1d4e7b-0c2f-4b8a-9e3d-12ab34cd56ef";

SubscriptionRow subscription(const std::string& id, const std::string& status = "active",
                             SubscriptionKind kind = SubscriptionKind::Nce) {
    SubscriptionRow r;
    r.subscription.id = id;
    r.subscription.status = status;
    r.subscription.kind = kind;
    return r;
}

TenantRow tenant(std::vector<SubscriptionRow> subscriptions) {
    TenantRow row;
    row.tenantId = kTenant;
    row.companyName = "Contoso Ltd.";
    row.primaryDomain = "contoso.onmicrosoft.com";
    row.placement = TenantPlacement::Direct;
    row.subscriptions = std::move(subscriptions);
    return row;
}

BssAccount account(std::int64_t id, const std::string& name, const std::string& tenantId,
                   std::vector<std::string> subscriptionIds = {}) {
    BssAccount a;
    a.id = id;
    a.name = name;
    a.externalTenantId = tenantId;
    a.externalSubscriptionIds = std::move(subscriptionIds);
    return a;
}

} // namespace

class TenantAuditTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(TenantAuditTest);
    CPPUNIT_TEST(noIdMatchIsUnsyncedAndImportable);
    CPPUNIT_TEST(unsyncedWithoutImportableSubscriptionsIsStillImportable);
    CPPUNIT_TEST(allCountedSubscriptionsInBssIsSynced);
    CPPUNIT_TEST(countMismatchIsNewSubscriptionsWithBothCounts);
    CPPUNIT_TEST(renamedAccountIsFlagged);
    CPPUNIT_TEST(sameNameAfterNormalisationIsNotFlagged);
    CPPUNIT_TEST(idAndNameMatchOfTwoAccountsIsFlagged);
    CPPUNIT_TEST(domainOnlyMatchIsFlaggedAndUnsynced);
    CPPUNIT_TEST(unassignedTenantIsNotImportable);
    CPPUNIT_TEST(auditHierarchyVisitsEveryRow);
    CPPUNIT_TEST_SUITE_END();

public:
    void noIdMatchIsUnsyncedAndImportable() {
        const BssAccountIndex accounts({account(1, "Fabrikam", "")});
        const TenantRow row = auditTenant(tenant({subscription("s1")}), accounts);
        CPPUNIT_ASSERT(row.status == TenantStatus::Unsynced);
        CPPUNIT_ASSERT(row.importable);
        CPPUNIT_ASSERT(!row.needsConfirmation);
        CPPUNIT_ASSERT(row.relatedAccounts.empty());
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), row.idMatchedAccountId);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), row.partnerCenterSubscriptionCount);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), row.bssSubscriptionCount);
    }
    void unsyncedWithoutImportableSubscriptionsIsStillImportable() {
        const BssAccountIndex accounts({});
        const TenantRow row = auditTenant(
            tenant({subscription("p1", "active", SubscriptionKind::AzurePlan)}), accounts);
        CPPUNIT_ASSERT(row.status == TenantStatus::Unsynced);
        CPPUNIT_ASSERT(row.importable);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), row.partnerCenterSubscriptionCount);
    }
    void allCountedSubscriptionsInBssIsSynced() {
        // The azure plan and the deleted one are out of scope on both sides.
        const BssAccountIndex accounts({account(4, "Contoso", kTenant, {"s1", "s2"})});
        const TenantRow row =
            auditTenant(tenant({subscription("s1"), subscription("s2"),
                                subscription("p1", "active", SubscriptionKind::AzurePlan),
                                subscription("gone", "deleted")}),
                        accounts);
        CPPUNIT_ASSERT(row.status == TenantStatus::Synced);
        CPPUNIT_ASSERT(!row.importable);
        CPPUNIT_ASSERT(!row.needsConfirmation);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(4), row.idMatchedAccountId);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(2), row.partnerCenterSubscriptionCount);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(2), row.bssSubscriptionCount);
    }
    void countMismatchIsNewSubscriptionsWithBothCounts() {
        const BssAccountIndex accounts({account(4, "Contoso", kTenant, {"s1"})});
        const TenantRow row = auditTenant(
            tenant({subscription("s1"), subscription("s2"), subscription("s3")}), accounts);
        CPPUNIT_ASSERT(row.status == TenantStatus::NewSubscriptions);
        CPPUNIT_ASSERT(row.importable);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(3), row.partnerCenterSubscriptionCount);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), row.bssSubscriptionCount);
        CPPUNIT_ASSERT(row.subscriptions[1].status == SubscriptionStatus::New);
    }
    void renamedAccountIsFlagged() {
        const BssAccountIndex accounts({account(4, "Northwind Traders", kTenant, {"s1"})});
        const TenantRow row = auditTenant(tenant({subscription("s1")}), accounts);
        CPPUNIT_ASSERT(row.status == TenantStatus::Synced);
        CPPUNIT_ASSERT(row.needsConfirmation);
        CPPUNIT_ASSERT_EQUAL(std::string("The BSS account 'Northwind Traders' has this tenant's "
                                         "Microsoft id but Partner Center names it 'Contoso "
                                         "Ltd.'; confirm it was renamed."),
                             row.confirmationReason);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), row.relatedAccounts.size());
        CPPUNIT_ASSERT(row.relatedAccounts[0].key == MatchKey::MicrosoftId);
    }
    void sameNameAfterNormalisationIsNotFlagged() {
        const BssAccountIndex accounts({account(4, "CONTOSO", kTenant)});
        const TenantRow row = auditTenant(tenant({}), accounts);
        CPPUNIT_ASSERT(!row.needsConfirmation);
        CPPUNIT_ASSERT(row.confirmationReason.empty());
    }
    void idAndNameMatchOfTwoAccountsIsFlagged() {
        const BssAccountIndex accounts(
            {account(4, "Contoso (old)", kTenant, {"s1"}), account(8, "Contoso Limited", "")});
        const TenantRow row = auditTenant(tenant({subscription("s1")}), accounts);
        CPPUNIT_ASSERT(row.needsConfirmation);
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), row.relatedAccounts.size());
        CPPUNIT_ASSERT(row.relatedAccounts[0] ==
                       (RelatedAccount{4, "Contoso (old)", MatchKey::MicrosoftId}));
        CPPUNIT_ASSERT(row.relatedAccounts[1] ==
                       (RelatedAccount{8, "Contoso Limited", MatchKey::CompanyName}));
        CPPUNIT_ASSERT(row.confirmationReason.find(
                           "2 BSS accounts relate to this tenant; confirm which one it is.") == 0);
        CPPUNIT_ASSERT(row.confirmationReason.find("confirm it was renamed.") != std::string::npos);
        CPPUNIT_ASSERT(row.status == TenantStatus::Synced);
    }
    void domainOnlyMatchIsFlaggedAndUnsynced() {
        BssAccount byDomain = account(6, "Something Else", "");
        byDomain.primaryDomain = "Contoso.OnMicrosoft.com";
        const BssAccountIndex accounts({byDomain});
        const TenantRow row = auditTenant(tenant({subscription("s1")}), accounts);
        CPPUNIT_ASSERT(row.status == TenantStatus::Unsynced);
        CPPUNIT_ASSERT(row.needsConfirmation);
        CPPUNIT_ASSERT_EQUAL(std::string("The BSS account 'Something Else' relates only by primary "
                                         "domain; confirm it is this tenant."),
                             row.confirmationReason);
    }
    void unassignedTenantIsNotImportable() {
        TenantRow input = tenant({});
        input.placement = TenantPlacement::Unassigned;
        const TenantRow row = auditTenant(input, BssAccountIndex({}));
        CPPUNIT_ASSERT(row.status == TenantStatus::Unsynced);
        CPPUNIT_ASSERT(!row.importable);
        CPPUNIT_ASSERT(!row.notImportableReason.empty());
    }
    void auditHierarchyVisitsEveryRow() {
        Hierarchy hierarchy;
        hierarchy.directTenants.push_back(tenant({subscription("s1")}));
        ResellerRow reseller;
        reseller.mpnId = "100";
        reseller.endCustomers.push_back(tenant({subscription("s2")}));
        hierarchy.resellers.push_back(reseller);
        TenantRow unassigned = tenant({});
        unassigned.placement = TenantPlacement::Unassigned;
        hierarchy.unassignedTenants.push_back(unassigned);
        const BssAccountIndex accounts({account(4, "Contoso", kTenant, {"s1"})});
        const Hierarchy audited = auditHierarchy(hierarchy, accounts);
        CPPUNIT_ASSERT(audited.directTenants[0].status == TenantStatus::Synced);
        CPPUNIT_ASSERT(audited.resellers[0].endCustomers[0].status ==
                       TenantStatus::NewSubscriptions);
        CPPUNIT_ASSERT(audited.unassignedTenants[0].status == TenantStatus::Synced);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(TenantAuditTest);
