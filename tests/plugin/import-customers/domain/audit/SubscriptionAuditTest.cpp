#include "domain/audit/SubscriptionAudit.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::domain;

namespace {

SubscriptionRow row(const std::string& id, const std::string& status = "active",
                    SubscriptionKind kind = SubscriptionKind::Nce, const std::string& parent = "") {
    SubscriptionRow r;
    r.subscription.id = id;
    r.subscription.status = status;
    r.subscription.kind = kind;
    r.subscription.parentSubscriptionId = parent;
    return r;
}

BssAccount holding(std::vector<std::string> subscriptionIds, std::int64_t id = 1,
                   const std::string& name = "Contoso") {
    BssAccount account;
    account.id = id;
    account.name = name;
    account.externalSubscriptionIds = std::move(subscriptionIds);
    return account;
}

// Audits `rows` against the accounts, account 1 being the tenant's id-matched one.
void audit(std::vector<SubscriptionRow>& rows, std::vector<BssAccount> accounts = {}) {
    const bool matched = !accounts.empty() && accounts[0].id == 1;
    auditSubscriptions(rows, matched ? 1 : 0, BssAccountIndex(std::move(accounts)));
}

} // namespace

class SubscriptionAuditTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(SubscriptionAuditTest);
    CPPUNIT_TEST(activeNotInBssIsNew);
    CPPUNIT_TEST(idAmongAccountSubscriptionsIsInBss);
    CPPUNIT_TEST(azurePlanIsNotImportable);
    CPPUNIT_TEST(expiredAndDeletedAreNotImportable);
    CPPUNIT_TEST(suspendedIsImportable);
    CPPUNIT_TEST(addOnWithBaseMissingEverywhere);
    CPPUNIT_TEST(addOnWithBaseInPartnerCenterOrBss);
    CPPUNIT_TEST(addOnWithDeletedBase);
    CPPUNIT_TEST(inBssWinsOverExpired);
    CPPUNIT_TEST(heldByAnotherAccountIsNotImportedTwice);
    CPPUNIT_TEST_SUITE_END();

public:
    void activeNotInBssIsNew() {
        std::vector<SubscriptionRow> rows = {row("s1")};
        audit(rows);
        CPPUNIT_ASSERT(rows[0].status == SubscriptionStatus::New);
        CPPUNIT_ASSERT(rows[0].reason == NotImportableReason::Unset);
        CPPUNIT_ASSERT(rows[0].reasonText.empty());
    }
    void idAmongAccountSubscriptionsIsInBss() {
        std::vector<SubscriptionRow> rows = {row("AAA-1"), row("bbb-2")};
        audit(rows, {holding({"aaa-1"})});
        CPPUNIT_ASSERT(rows[0].status == SubscriptionStatus::InBss);
        CPPUNIT_ASSERT(rows[1].status == SubscriptionStatus::New);
    }
    void azurePlanIsNotImportable() {
        std::vector<SubscriptionRow> rows = {row("p1", "active", SubscriptionKind::AzurePlan)};
        audit(rows);
        CPPUNIT_ASSERT(rows[0].status == SubscriptionStatus::NotImportable);
        CPPUNIT_ASSERT(rows[0].reason == NotImportableReason::AzurePlan);
        CPPUNIT_ASSERT_EQUAL(
            std::string("Azure plan subscriptions are imported with the Azure migration tool."),
            rows[0].reasonText);
    }
    void expiredAndDeletedAreNotImportable() {
        std::vector<SubscriptionRow> rows = {row("e1", "expired"), row("d1", "Deleted")};
        audit(rows);
        CPPUNIT_ASSERT(rows[0].reason == NotImportableReason::Expired);
        CPPUNIT_ASSERT_EQUAL(std::string("Subscription is expired."), rows[0].reasonText);
        CPPUNIT_ASSERT(rows[1].reason == NotImportableReason::Deleted);
        CPPUNIT_ASSERT_EQUAL(std::string("Subscription is deleted."), rows[1].reasonText);
    }
    void suspendedIsImportable() {
        std::vector<SubscriptionRow> rows = {row("x1", "suspended"), row("x2", "pending")};
        audit(rows);
        CPPUNIT_ASSERT(rows[0].status == SubscriptionStatus::New);
        CPPUNIT_ASSERT(rows[1].status == SubscriptionStatus::New);
    }
    void addOnWithBaseMissingEverywhere() {
        std::vector<SubscriptionRow> rows = {
            row("addon", "active", SubscriptionKind::LegacyLicense, "base-404")};
        audit(rows, {holding({"other"})});
        CPPUNIT_ASSERT(rows[0].status == SubscriptionStatus::NotImportable);
        CPPUNIT_ASSERT(rows[0].reason == NotImportableReason::AddOnBaseMissing);
        CPPUNIT_ASSERT_EQUAL(std::string("Add-on whose base subscription base-404 is neither in "
                                         "Partner Center nor in the BSS."),
                             rows[0].reasonText);
    }
    void addOnWithBaseInPartnerCenterOrBss() {
        // Add-on listed before its base: the order Partner Center returns must not matter.
        std::vector<SubscriptionRow> rows = {
            row("addon1", "active", SubscriptionKind::LegacyLicense, "base1"), row("base1"),
            row("addon2", "active", SubscriptionKind::LegacyLicense, "base-in-bss")};
        audit(rows, {holding({"base-in-bss"})});
        CPPUNIT_ASSERT(rows[0].status == SubscriptionStatus::New);
        CPPUNIT_ASSERT(rows[2].status == SubscriptionStatus::New);
    }
    void addOnWithDeletedBase() {
        std::vector<SubscriptionRow> rows = {
            row("base1", "deleted"),
            row("addon1", "active", SubscriptionKind::LegacyLicense, "base1")};
        audit(rows);
        CPPUNIT_ASSERT(rows[1].reason == NotImportableReason::AddOnBaseNotImportable);
        CPPUNIT_ASSERT_EQUAL(
            std::string("Add-on whose base subscription base1 cannot be imported."),
            rows[1].reasonText);
    }
    void inBssWinsOverExpired() {
        std::vector<SubscriptionRow> rows = {row("old", "expired")};
        audit(rows, {holding({"old"})});
        CPPUNIT_ASSERT(rows[0].status == SubscriptionStatus::InBss);
        CPPUNIT_ASSERT(rows[0].reason == NotImportableReason::Unset);
    }
    void heldByAnotherAccountIsNotImportedTwice() {
        std::vector<SubscriptionRow> rows = {row("s1"), row("s2")};
        audit(rows, {holding({"s2"}, 1), holding({"S1"}, 7, "Contoso (duplicate)")});
        CPPUNIT_ASSERT(rows[0].reason == NotImportableReason::InOtherAccount);
        CPPUNIT_ASSERT_EQUAL(
            std::string("Subscription is already in the BSS account 'Contoso (duplicate)'."),
            rows[0].reasonText);
        CPPUNIT_ASSERT(rows[1].status == SubscriptionStatus::InBss);
        // Without an id-matched account the same holds.
        std::vector<SubscriptionRow> unsynced = {row("s1")};
        audit(unsynced, {holding({"s1"}, 7, "Other")});
        CPPUNIT_ASSERT(unsynced[0].reason == NotImportableReason::InOtherAccount);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SubscriptionAuditTest);
