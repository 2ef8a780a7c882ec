#include "domain/hierarchy/RefreshKind.h"
#include "domain/hierarchy/ResellerNameSource.h"
#include "domain/hierarchy/TenantPlacement.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::domain;

// The names are stored and shown: each must round-trip and unknown text must read as Unset.
class HierarchyNamesTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(HierarchyNamesTest);
    CPPUNIT_TEST(placementNames);
    CPPUNIT_TEST(resellerNameSourceNames);
    CPPUNIT_TEST(refreshKindNames);
    CPPUNIT_TEST_SUITE_END();

public:
    void placementNames() {
        CPPUNIT_ASSERT_EQUAL(std::string("end_customer"),
                             std::string(tenantPlacementName(TenantPlacement::EndCustomer)));
        for (TenantPlacement p :
             {TenantPlacement::Direct, TenantPlacement::EndCustomer, TenantPlacement::Unassigned})
            CPPUNIT_ASSERT(parseTenantPlacement(tenantPlacementName(p)) == p);
        CPPUNIT_ASSERT(parseTenantPlacement("reseller") == TenantPlacement::Unset);
    }
    void resellerNameSourceNames() {
        CPPUNIT_ASSERT_EQUAL(std::string("mpn_profile"),
                             std::string(resellerNameSourceName(ResellerNameSource::MpnProfile)));
        for (ResellerNameSource s :
             {ResellerNameSource::Relationship, ResellerNameSource::MpnProfile,
              ResellerNameSource::Placeholder})
            CPPUNIT_ASSERT(parseResellerNameSource(resellerNameSourceName(s)) == s);
    }
    void refreshKindNames() {
        CPPUNIT_ASSERT_EQUAL(std::string("incremental"),
                             std::string(refreshKindName(RefreshKind::Incremental)));
        CPPUNIT_ASSERT(parseRefreshKind("full") == RefreshKind::Full);
        CPPUNIT_ASSERT(parseRefreshKind("FULL") == RefreshKind::Unset);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(HierarchyNamesTest);
