#include "domain/audit/MatchKey.h"
#include "domain/audit/NotImportableReason.h"
#include "domain/audit/SubscriptionStatus.h"
#include "domain/audit/TenantStatus.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::domain;

// The names are stored and shown: each must round-trip and unknown text must read as Unset.
class AuditNamesTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(AuditNamesTest);
    CPPUNIT_TEST(tenantStatusNames);
    CPPUNIT_TEST(subscriptionStatusNames);
    CPPUNIT_TEST(notImportableReasonNames);
    CPPUNIT_TEST(matchKeyNames);
    CPPUNIT_TEST_SUITE_END();

public:
    void tenantStatusNames() {
        CPPUNIT_ASSERT_EQUAL(std::string("new_subscriptions"),
                             std::string(tenantStatusName(TenantStatus::NewSubscriptions)));
        for (TenantStatus s :
             {TenantStatus::Unsynced, TenantStatus::Synced, TenantStatus::NewSubscriptions})
            CPPUNIT_ASSERT(parseTenantStatus(tenantStatusName(s)) == s);
        CPPUNIT_ASSERT(parseTenantStatus("Synced") == TenantStatus::Unset);
        CPPUNIT_ASSERT_EQUAL(std::string("unset"),
                             std::string(tenantStatusName(TenantStatus::Unset)));
    }
    void subscriptionStatusNames() {
        CPPUNIT_ASSERT_EQUAL(std::string("in_bss"),
                             std::string(subscriptionStatusName(SubscriptionStatus::InBss)));
        for (SubscriptionStatus s : {SubscriptionStatus::New, SubscriptionStatus::InBss,
                                     SubscriptionStatus::NotImportable})
            CPPUNIT_ASSERT(parseSubscriptionStatus(subscriptionStatusName(s)) == s);
        CPPUNIT_ASSERT(parseSubscriptionStatus("") == SubscriptionStatus::Unset);
    }
    void notImportableReasonNames() {
        CPPUNIT_ASSERT_EQUAL(
            std::string("addon_base_missing"),
            std::string(notImportableReasonName(NotImportableReason::AddOnBaseMissing)));
        for (NotImportableReason r :
             {NotImportableReason::AzurePlan, NotImportableReason::Expired,
              NotImportableReason::Deleted, NotImportableReason::AddOnBaseMissing,
              NotImportableReason::AddOnBaseNotImportable, NotImportableReason::InOtherAccount})
            CPPUNIT_ASSERT(parseNotImportableReason(notImportableReasonName(r)) == r);
    }
    void matchKeyNames() {
        CPPUNIT_ASSERT_EQUAL(std::string("microsoft_id"),
                             std::string(matchKeyName(MatchKey::MicrosoftId)));
        for (MatchKey k : {MatchKey::MicrosoftId, MatchKey::PrimaryDomain, MatchKey::CompanyName})
            CPPUNIT_ASSERT(parseMatchKey(matchKeyName(k)) == k);
        CPPUNIT_ASSERT(parseMatchKey("name") == MatchKey::Unset);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(AuditNamesTest);
