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

BssAccount holding(std::vector<std::string> subscriptionIds) {
    BssAccount account;
    account.id = 1;
    account.name = "Contoso";
    account.externalSubscriptionIds = std::move(subscriptionIds);
    return account;
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
    CPPUNIT_TEST_SUITE_END();

public:
    void activeNotInBssIsNew() {
        std::vector<SubscriptionRow> rows = {row("s1")};
        auditSubscriptions(rows, nullptr);
        CPPUNIT_ASSERT(rows[0].status == SubscriptionStatus::New);
        CPPUNIT_ASSERT(rows[0].reason == NotImportableReason::Unset);
        CPPUNIT_ASSERT(rows[0].reasonText.empty());
    }
    void idAmongAccountSubscriptionsIsInBss() {
        std::vector<SubscriptionRow> rows = {row("AAA-1"), row("bbb-2")};
        const BssAccount account = holding({"aaa-1"});
        auditSubscriptions(rows, &account);
        CPPUNIT_ASSERT(rows[0].status == SubscriptionStatus::InBss);
        CPPUNIT_ASSERT(rows[1].status == SubscriptionStatus::New);
    }
    void azurePlanIsNotImportable() {
        std::vector<SubscriptionRow> rows = {row("p1", "active", SubscriptionKind::AzurePlan)};
        auditSubscriptions(rows, nullptr);
        CPPUNIT_ASSERT(rows[0].status == SubscriptionStatus::NotImportable);
        CPPUNIT_ASSERT(rows[0].reason == NotImportableReason::AzurePlan);
        CPPUNIT_ASSERT_EQUAL(
            std::string("Azure plan subscriptions are imported with the Azure migration tool."),
            rows[0].reasonText);
    }
    void expiredAndDeletedAreNotImportable() {
        std::vector<SubscriptionRow> rows = {row("e1", "expired"), row("d1", "Deleted")};
        auditSubscriptions(rows, nullptr);
        CPPUNIT_ASSERT(rows[0].reason == NotImportableReason::Expired);
        CPPUNIT_ASSERT_EQUAL(std::string("Subscription is expired."), rows[0].reasonText);
        CPPUNIT_ASSERT(rows[1].reason == NotImportableReason::Deleted);
        CPPUNIT_ASSERT_EQUAL(std::string("Subscription is deleted."), rows[1].reasonText);
    }
    void suspendedIsImportable() {
        std::vector<SubscriptionRow> rows = {row("x1", "suspended"), row("x2", "pending")};
        auditSubscriptions(rows, nullptr);
        CPPUNIT_ASSERT(rows[0].status == SubscriptionStatus::New);
        CPPUNIT_ASSERT(rows[1].status == SubscriptionStatus::New);
    }
    void addOnWithBaseMissingEverywhere() {
        std::vector<SubscriptionRow> rows = {
            row("addon", "active", SubscriptionKind::LegacyLicense, "base-404")};
        const BssAccount account = holding({"other"});
        auditSubscriptions(rows, &account);
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
        const BssAccount account = holding({"base-in-bss"});
        auditSubscriptions(rows, &account);
        CPPUNIT_ASSERT(rows[0].status == SubscriptionStatus::New);
        CPPUNIT_ASSERT(rows[2].status == SubscriptionStatus::New);
    }
    void addOnWithDeletedBase() {
        std::vector<SubscriptionRow> rows = {
            row("base1", "deleted"),
            row("addon1", "active", SubscriptionKind::LegacyLicense, "base1")};
        auditSubscriptions(rows, nullptr);
        CPPUNIT_ASSERT(rows[1].reason == NotImportableReason::AddOnBaseNotImportable);
        CPPUNIT_ASSERT_EQUAL(
            std::string("Add-on whose base subscription base1 cannot be imported."),
            rows[1].reasonText);
    }
    void inBssWinsOverExpired() {
        std::vector<SubscriptionRow> rows = {row("old", "expired")};
        const BssAccount account = holding({"old"});
        auditSubscriptions(rows, &account);
        CPPUNIT_ASSERT(rows[0].status == SubscriptionStatus::InBss);
        CPPUNIT_ASSERT(rows[0].reason == NotImportableReason::Unset);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SubscriptionAuditTest);
