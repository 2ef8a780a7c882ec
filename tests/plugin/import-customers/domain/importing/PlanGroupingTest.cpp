#include "domain/importing/PlanGrouping.h"

#include "plugin/import-customers/domain/importing/PlanReportsFixture.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace importfixtures;

class PlanGroupingTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PlanGroupingTest);
    CPPUNIT_TEST(directTenantsAndResellersWithTheirEndCustomers);
    CPPUNIT_TEST(mpnIdsGroupIgnoringCase);
    CPPUNIT_TEST_SUITE_END();

public:
    void directTenantsAndResellersWithTheirEndCustomers() {
        const ImportPlan plan = mixedPlan();
        const PlanGrouping grouping = groupPlan(plan);
        CPPUNIT_ASSERT(grouping.directTenants == std::vector<std::size_t>{0});
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), grouping.resellers.size());
        CPPUNIT_ASSERT_EQUAL(std::string("7654321"), grouping.resellers[0].mpnId);
        CPPUNIT_ASSERT_EQUAL(std::string("Tailspin"), grouping.resellers[0].name);
        CPPUNIT_ASSERT((grouping.resellers[0].tenantIndexes == std::vector<std::size_t>{1, 3}));
        CPPUNIT_ASSERT_EQUAL(std::string("1234567"), grouping.resellers[1].mpnId);
        CPPUNIT_ASSERT(grouping.resellers[1].tenantIndexes == std::vector<std::size_t>{2});
        CPPUNIT_ASSERT_EQUAL(std::string("t-existing"), plan.tenants[2].tenantId);
    }
    void mpnIdsGroupIgnoringCase() {
        const ImportPlan plan = planImport(request(
            {tenant("t1", "a", "ab12", "Reseller"), tenant("t2", "b", "AB12", "Reseller")}));
        const PlanGrouping grouping = groupPlan(plan);
        CPPUNIT_ASSERT(grouping.directTenants.empty());
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), grouping.resellers.size());
        CPPUNIT_ASSERT((grouping.resellers[0].tenantIndexes == std::vector<std::size_t>{0, 1}));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(PlanGroupingTest);
