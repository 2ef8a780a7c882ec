#include "domain/hierarchy/RefreshPlanner.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ict::domain;

namespace {

TimePoint at(const std::string& iso) {
    return *parseIsoUtc(iso);
}

AuditRecord record(const std::string& customerId, const std::string& date,
                   const std::string& operation = "update_subscription",
                   const std::string& resourceType = "subscription") {
    AuditRecord result;
    result.customerId = customerId;
    result.operationDate = date;
    result.operationType = operation;
    result.resourceType = resourceType;
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
    CPPUNIT_TEST(onlyCustomerLevelChangesNeedTheCustomerRead);
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
        const RefreshPlan plan = planRefresh(at("2026-11-01T00:00:00Z"), at("2026-11-25T12:00:00Z"),
                                             {record("cccccccc-0000-0000-0000-000000000003",
                                                     "2026-11-20T08:00:00Z", "add_customer")});
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
        CPPUNIT_ASSERT(plan.customerReads.empty());
    }
    void onlyCustomerLevelChangesNeedTheCustomerRead() {
        const std::string subsOnly = "aaaaaaaa-0000-0000-0000-000000000001";
        const std::string added = "bbbbbbbb-0000-0000-0000-000000000002";
        const std::string mixed = "cccccccc-0000-0000-0000-000000000003";
        const std::string unknownType = "dddddddd-0000-0000-0000-000000000004";
        const std::string emptyType = "eeeeeeee-0000-0000-0000-000000000005";
        const RefreshPlan plan = planRefresh(
            at("2026-11-01T00:00:00Z"), at("2026-11-25T12:00:00Z"),
            {record(subsOnly, "2026-11-02T10:00:00Z"),
             record(subsOnly, "2026-11-02T11:00:00Z", "create_order", " Order "),
             record(added, "2026-11-03T10:00:00Z", "add_customer", "customer"),
             record(added, "2026-11-03T10:00:01Z", "create_order", "order"),
             record(mixed, "2026-11-04T10:00:00Z", "create_order", "ORDER"),
             record(mixed, "2026-11-04T11:00:00Z", "update_customer_billing_profile", "Customer"),
             record(unknownType, "2026-11-05T10:00:00Z", "something_new", "customerUser"),
             record(emptyType, "2026-11-06T10:00:00Z", "update_subscription", "")});
        CPPUNIT_ASSERT(plan.tenantIds ==
                       std::vector<std::string>({subsOnly, added, mixed, unknownType, emptyType}));
        CPPUNIT_ASSERT(plan.customerReads ==
                       std::vector<std::string>({added, mixed, unknownType, emptyType}));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(RefreshPlannerTest);
