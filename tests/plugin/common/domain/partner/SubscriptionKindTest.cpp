#include "domain/partner/SubscriptionKind.h"

#include <cppunit/extensions/HelperMacros.h>

using ict::domain::classifySubscription;
using ict::domain::SubscriptionKind;

// Fixtures are the offer ids and product types of Microsoft's documented examples
// (partner-center-api.md section 4.3).
class SubscriptionKindTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(SubscriptionKindTest);
    CPPUNIT_TEST(legacyGuidOfferIsLegacyLicense);
    CPPUNIT_TEST(nceNeedsProductType);
    CPPUNIT_TEST(azureLegacyOffer);
    CPPUNIT_TEST(azurePlanWhateverItsProductType);
    CPPUNIT_TEST(softwareAndReservationsAreOtherCatalog);
    CPPUNIT_TEST(namesAreStable);
    CPPUNIT_TEST_SUITE_END();

public:
    void legacyGuidOfferIsLegacyLicense() {
        CPPUNIT_ASSERT(classifySubscription("", "2828BE95-46BA-4F91-B2FD-0BEF192ECF60") ==
                       SubscriptionKind::LegacyLicense);
        CPPUNIT_ASSERT(
            classifySubscription("OnlineServices", "2828be95-46ba-4f91-b2fd-0bef192ecf60") ==
            SubscriptionKind::LegacyLicense);
    }
    void nceNeedsProductType() {
        CPPUNIT_ASSERT(
            classifySubscription("OnlineServicesNCE", "CFQ7TTC0LH18:0001:CFQ7TTC0K971") ==
            SubscriptionKind::Nce);
        CPPUNIT_ASSERT(classifySubscription("", "CFQ7TTC0LH18:0001:CFQ7TTC0K971") ==
                       SubscriptionKind::OtherCatalog);
    }
    void azureLegacyOffer() {
        CPPUNIT_ASSERT(classifySubscription("", "MS-AZR-0145P") == SubscriptionKind::AzureLegacy);
        CPPUNIT_ASSERT(classifySubscription("Azure", "ms-azr-0145p") ==
                       SubscriptionKind::AzureLegacy);
    }
    void azurePlanWhateverItsProductType() {
        CPPUNIT_ASSERT(classifySubscription("Azure", "DZH318Z0BPS6:0001:DZH318Z0BML6") ==
                       SubscriptionKind::AzurePlan);
        CPPUNIT_ASSERT(classifySubscription("", "DZH318Z0BPS6:0001:DZH318Z0BXXX") ==
                       SubscriptionKind::AzurePlan);
    }
    void softwareAndReservationsAreOtherCatalog() {
        CPPUNIT_ASSERT(classifySubscription("Software", "DG7GMGF0FKZV:0001:DG7GMGF0DWMS") ==
                       SubscriptionKind::OtherCatalog);
        CPPUNIT_ASSERT(classifySubscription("Azure", "DZH318Z0BQ3Q:0001:DZH318Z0BQ3R") ==
                       SubscriptionKind::OtherCatalog);
    }
    void namesAreStable() {
        CPPUNIT_ASSERT_EQUAL(std::string("nce"),
                             std::string(subscriptionKindName(SubscriptionKind::Nce)));
        CPPUNIT_ASSERT_EQUAL(std::string("azure_plan"),
                             std::string(subscriptionKindName(SubscriptionKind::AzurePlan)));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SubscriptionKindTest);
