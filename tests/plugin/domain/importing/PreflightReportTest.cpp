#include "domain/importing/PreflightReport.h"

#include "plugin/domain/importing/PlanReportsFixture.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace importfixtures;

namespace {

std::string show(const PreflightReport& report) {
    std::string text;
    for (const PreflightProblem& problem : report.problems)
        text +=
            "[" + problem.tenantId + "|" + problem.msSubscriptionId + "] " + problem.message + "\n";
    return text;
}

} // namespace

class PreflightReportTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PreflightReportTest);
    CPPUNIT_TEST(listsFailuresPerTenantAndSubscription);
    CPPUNIT_TEST(invalidTokenComesFirst);
    CPPUNIT_TEST(cleanPlanWithValidTokenIsOk);
    CPPUNIT_TEST_SUITE_END();

public:
    void listsFailuresPerTenantAndSubscription() {
        const PreflightReport report = preflightCheck(mixedPlan(), true);
        CPPUNIT_ASSERT(!report.ok());
        CPPUNIT_ASSERT_EQUAL(
            std::string("[t-direct|d2] Offer 'CFQ7TTC0ZZZZ:0001:CFQ7TTC0ZZZ1' is mapped to no BSS "
                        "product.\n"
                        "[t-new-b|b1] Subscription field 'effectiveStartDate' is missing.\n"),
            show(report));
    }
    void invalidTokenComesFirst() {
        const PreflightReport report = preflightCheck(ImportPlan{}, false);
        CPPUNIT_ASSERT(!report.ok());
        CPPUNIT_ASSERT_EQUAL(std::string("[|] The instance's Partner Center authentication is "
                                         "missing or expired: renew the token before importing.\n"),
                             show(report));
    }
    void cleanPlanWithValidTokenIsOk() {
        TenantSelection selection = tenant("", "contoso");
        CPPUNIT_ASSERT(!preflightCheck(planImport(request({selection})), true).ok());
        selection.customer.tenantId = "t";
        selection.subscriptions = {subscription("s1", nceE3, "monthly", "P1M", "2025-03-10")};
        const PreflightReport report = preflightCheck(planImport(request({selection})), true);
        CPPUNIT_ASSERT(report.ok());
        CPPUNIT_ASSERT(report.tokenValid);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(PreflightReportTest);
