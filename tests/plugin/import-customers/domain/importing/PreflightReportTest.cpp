#include "domain/importing/PreflightReport.h"

#include "plugin/import-customers/domain/importing/PlanReportsFixture.h"

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
    CPPUNIT_TEST(tenantProblemsListTheTenantThenEachFailingSubscription);
    CPPUNIT_TEST(addProblemCountsEveryProblemAndListsAtMostTheLimit);
    CPPUNIT_TEST(largeCheckListsTheFirstProblemsAndCountsThemAll);
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
    void tenantProblemsListTheTenantThenEachFailingSubscription() {
        const ImportPlan plan = mixedPlan();
        const std::vector<PreflightProblem> direct = tenantProblems(plan.tenants[0]);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), direct.size());
        CPPUNIT_ASSERT_EQUAL(std::string("t-direct"), direct[0].tenantId);
        CPPUNIT_ASSERT_EQUAL(std::string("contoso"), direct[0].companyName);
        CPPUNIT_ASSERT_EQUAL(std::string("d2"), direct[0].msSubscriptionId);
        CPPUNIT_ASSERT_EQUAL(plan.tenants[0].subscriptions[1].reason, direct[0].message);
        // Skips are not problems.
        CPPUNIT_ASSERT_EQUAL(std::string("t-existing"), plan.tenants[2].tenantId);
        CPPUNIT_ASSERT(tenantProblems(plan.tenants[2]).empty());

        TenantSelection nameless = tenant("", "nameless");
        nameless.subscriptions = {subscription("n1", nceE3, "monthly", "P1M", "2025-03-10"),
                                  subscription("n2", nceUnmapped, "monthly", "P1M", "2025-03-10")};
        const TenantPlan bad = planImport(request({nameless})).tenants[0];
        CPPUNIT_ASSERT(!bad.tenantProblem.empty());
        const std::vector<PreflightProblem> problems = tenantProblems(bad);
        CPPUNIT_ASSERT_EQUAL(bad.subscriptions.size() + 1, problems.size());
        CPPUNIT_ASSERT_EQUAL(bad.tenantProblem, problems[0].message);
        CPPUNIT_ASSERT(problems[0].msSubscriptionId.empty());
        CPPUNIT_ASSERT_EQUAL(std::string("nameless"), problems[0].companyName);
        for (std::size_t i = 1; i < problems.size(); ++i) {
            CPPUNIT_ASSERT_EQUAL(bad.subscriptions[i - 1].msSubscriptionId,
                                 problems[i].msSubscriptionId);
            CPPUNIT_ASSERT_EQUAL(bad.subscriptions[i - 1].reason, problems[i].message);
        }
        // The report lists the same problems, with the company name.
        const PreflightReport report = preflightCheck(plan, true);
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), report.problemsTotal);
        CPPUNIT_ASSERT_EQUAL(std::string("contoso"), report.problems[0].companyName);
        CPPUNIT_ASSERT_EQUAL(std::string("northwind"), report.problems[1].companyName);
    }
    void addProblemCountsEveryProblemAndListsAtMostTheLimit() {
        PreflightReport report;
        report.tokenValid = true;
        CPPUNIT_ASSERT(report.ok());
        const std::size_t added = kListedPreflightProblems + 25;
        for (std::size_t i = 0; i < added; ++i)
            addProblem(report, {"t" + std::to_string(i), "c", "", "problem " + std::to_string(i)});
        CPPUNIT_ASSERT_EQUAL(added, report.problemsTotal);
        CPPUNIT_ASSERT_EQUAL(kListedPreflightProblems, report.problems.size());
        CPPUNIT_ASSERT_EQUAL(std::string("problem 0"), report.problems.front().message);
        CPPUNIT_ASSERT_EQUAL("problem " + std::to_string(kListedPreflightProblems - 1),
                             report.problems.back().message);
        CPPUNIT_ASSERT(!report.ok());
        // A report whose list is empty but that counted a problem is not ok either.
        PreflightReport counted;
        counted.tokenValid = true;
        counted.problemsTotal = 1;
        CPPUNIT_ASSERT(!counted.ok());
    }
    void largeCheckListsTheFirstProblemsAndCountsThemAll() {
        std::vector<TenantSelection> tenants;
        for (int i = 0; i < 600; ++i) {
            TenantSelection t = tenant("t-" + std::to_string(i), "c" + std::to_string(i));
            t.subscriptions = {
                subscription("a" + std::to_string(i), nceUnmapped, "monthly", "P1M", "2025-03-10"),
                subscription("b" + std::to_string(i), nceE3, "monthly", "P1M", "2025-03-10"),
                subscription("c" + std::to_string(i), nceUnmapped, "monthly", "P1M", "2025-03-10")};
            tenants.push_back(t);
        }
        const PreflightReport report = preflightCheck(planImport(request(tenants)), false);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1 + 1200), report.problemsTotal);
        CPPUNIT_ASSERT_EQUAL(kListedPreflightProblems, report.problems.size());
        CPPUNIT_ASSERT_EQUAL(tokenProblem().message, report.problems[0].message);
        CPPUNIT_ASSERT(report.problems[0].tenantId.empty());
        // Then in plan order, two per tenant: the last listed is the 999th, tenant 499's first.
        CPPUNIT_ASSERT_EQUAL(std::string("c0"), report.problems[2].msSubscriptionId);
        CPPUNIT_ASSERT_EQUAL(std::string("t-499"), report.problems.back().tenantId);
        CPPUNIT_ASSERT_EQUAL(std::string("a499"), report.problems.back().msSubscriptionId);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(PreflightReportTest);
