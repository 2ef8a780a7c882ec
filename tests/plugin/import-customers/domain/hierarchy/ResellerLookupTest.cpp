#include "domain/hierarchy/ResellerLookup.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::domain;

namespace {

Subscription withPartner(const std::string& partnerId) {
    Subscription s;
    s.id = "sub-" + partnerId;
    s.partnerId = partnerId;
    return s;
}

Reseller known(const std::string& mpnId, const std::string& name) {
    Reseller r;
    r.mpnId = mpnId;
    r.name = name;
    return r;
}

} // namespace

class ResellerLookupTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ResellerLookupTest);
    CPPUNIT_TEST(onlyUnknownIdsOnceEach);
    CPPUNIT_TEST(directSubscriptionsNeedNoLookup);
    CPPUNIT_TEST(knownWithoutNameStillNeedsLookup);
    CPPUNIT_TEST_SUITE_END();

public:
    void onlyUnknownIdsOnceEach() {
        const std::vector<Subscription> subscriptions = {withPartner("200"), withPartner("100"),
                                                         withPartner("200"), withPartner(" 300 "),
                                                         withPartner("100")};
        const auto needed = resellerIdsNeedingLookup(subscriptions, {known("100", "Alpha")});
        CPPUNIT_ASSERT(needed == std::vector<std::string>({"200", "300"}));
    }
    void directSubscriptionsNeedNoLookup() {
        CPPUNIT_ASSERT(resellerIdsNeedingLookup({withPartner(""), withPartner("  ")}, {}).empty());
    }
    void knownWithoutNameStillNeedsLookup() {
        const auto needed = resellerIdsNeedingLookup({withPartner("100")}, {known("100", "")});
        CPPUNIT_ASSERT(needed == std::vector<std::string>({"100"}));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ResellerLookupTest);
