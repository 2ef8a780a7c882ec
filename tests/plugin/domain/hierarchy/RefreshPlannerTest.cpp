#include "domain/hierarchy/RefreshPlanner.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::domain;

namespace {

TimePoint at(const std::string& iso) {
    return *parseIsoUtc(iso);
}

AuditRecord record(const std::string& customerId, const std::string& date,
                   const std::string& operation = "update_subscription") {
    AuditRecord result;
    result.customerId = customerId;
    result.operationDate = date;
    result.operationType = operation;
    result.resourceType = "subscription";
    return result;
}

} // namespace

class RefreshPlannerTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(RefreshPlannerTest);
    CPPUNIT_TEST(neverRunIsFull);
    CPPUNIT_TEST(withinNinetyDaysIsIncrementalWithDistinctTenants);
    CPPUNIT_TEST(newCustomerIsIncluded);
    CPPUNIT_TEST(ninetyDaysOrMoreIsFullWithTheDate);
    CPPUNIT_TEST(justUnderNinetyDaysIsIncremental);
    CPPUNIT_TEST(lastUpdateInTheFutureIsFull);
    CPPUNIT_TEST(recordsBeforeLastUpdateOrWithoutCustomerAreSkipped);
    CPPUNIT_TEST(noRecordsIsAnEmptyIncrementalPlan);
    CPPUNIT_TEST_SUITE_END();

public:
    void neverRunIsFull() {
        const RefreshPlan plan = planRefresh(std::nullopt, at("2026-11-25T12:00:00Z"), {});
        CPPUNIT_ASSERT(plan.kind == RefreshKind::Full);
        CPPUNIT_ASSERT_EQUAL(std::string("No mass Get Hierarchy has completed for this instance "
                                         "yet, so a full Get Hierarchy runs."),
                             plan.reason);
        CPPUNIT_ASSERT(plan.tenantIds.empty());
    }
    void withinNinetyDaysIsIncrementalWithDistinctTenants() {
        const RefreshPlan plan = planRefresh(
            at("2026-11-01T00:00:00Z"), at("2026-11-25T12:00:00Z"),
            {record("BBBBBBBB-0000-0000-0000-000000000002", "2026-11-02T10:00:00Z"),
             record("aaaaaaaa-0000-0000-0000-000000000001", "2026-11-03T10:00:00.1234567Z"),
             record("bbbbbbbb-0000-0000-0000-000000000002", "2026-11-04T10:00:00Z")});
        CPPUNIT_ASSERT(plan.kind == RefreshKind::Incremental);
        CPPUNIT_ASSERT(plan.reason.empty());
        CPPUNIT_ASSERT(plan.tenantIds ==
                       std::vector<std::string>({"aaaaaaaa-0000-0000-0000-000000000001",
                                                 "bbbbbbbb-0000-0000-0000-000000000002"}));
    }
    void newCustomerIsIncluded() {
        const RefreshPlan plan =
            planRefresh(at("2026-11-01T00:00:00Z"), at("2026-11-25T12:00:00Z"),
                        {record("cccccccc-0000-0000-0000-000000000003", "2026-11-20T08:00:00Z",
                                "add_customer")});
        CPPUNIT_ASSERT(plan.tenantIds ==
                       std::vector<std::string>({"cccccccc-0000-0000-0000-000000000003"}));
    }
    void ninetyDaysOrMoreIsFullWithTheDate() {
        const RefreshPlan plan =
            planRefresh(at("2026-08-27T12:00:00Z"),
                        at("2026-11-25T12:00:00Z"), // exactly 90 days
                        {record("aaaaaaaa-0000-0000-0000-000000000001", "2026-11-20T08:00:00Z")});
        CPPUNIT_ASSERT(plan.kind == RefreshKind::Full);
        CPPUNIT_ASSERT_EQUAL(std::string("Audit records cover only the last 90 days; the last "
                                         "update was 2026-08-27T12:00:00Z, so a full Get "
                                         "Hierarchy runs."),
                             plan.reason);
        CPPUNIT_ASSERT(plan.tenantIds.empty());
        CPPUNIT_ASSERT(
            planRefresh(at("2025-01-01T00:00:00Z"), at("2026-11-25T12:00:00Z"), {}).kind ==
            RefreshKind::Full);
    }
    void justUnderNinetyDaysIsIncremental() {
        const RefreshPlan plan =
            planRefresh(at("2026-08-27T12:00:01Z"), at("2026-11-25T12:00:00Z"), {});
        CPPUNIT_ASSERT(plan.kind == RefreshKind::Incremental);
    }
    void lastUpdateInTheFutureIsFull() {
        const RefreshPlan plan =
            planRefresh(at("2026-12-01T00:00:00Z"), at("2026-11-25T12:00:00Z"), {});
        CPPUNIT_ASSERT(plan.kind == RefreshKind::Full);
        CPPUNIT_ASSERT_EQUAL(std::string("The last update 2026-12-01T00:00:00Z is later than now, "
                                         "so a full Get Hierarchy runs."),
                             plan.reason);
    }
    void recordsBeforeLastUpdateOrWithoutCustomerAreSkipped() {
        const RefreshPlan plan =
            planRefresh(at("2026-11-10T00:00:00Z"), at("2026-11-25T12:00:00Z"),
                        {record("aaaaaaaa-0000-0000-0000-000000000001", "2026-11-09T23:59:59Z"),
                         record("", "2026-11-12T00:00:00Z"),
                         record("dddddddd-0000-0000-0000-000000000004", "not a date"),
                         record(" eeeeeeee-0000-0000-0000-000000000005 ", "2026-11-10T00:00:00Z")});
        CPPUNIT_ASSERT(plan.tenantIds ==
                       std::vector<std::string>({"dddddddd-0000-0000-0000-000000000004",
                                                 "eeeeeeee-0000-0000-0000-000000000005"}));
    }
    void noRecordsIsAnEmptyIncrementalPlan() {
        const RefreshPlan plan =
            planRefresh(at("2026-11-24T00:00:00Z"), at("2026-11-25T12:00:00Z"), {});
        CPPUNIT_ASSERT(plan.kind == RefreshKind::Incremental);
        CPPUNIT_ASSERT(plan.tenantIds.empty());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(RefreshPlannerTest);
