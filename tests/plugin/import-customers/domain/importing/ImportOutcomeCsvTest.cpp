#include "domain/importing/ImportOutcomeCsv.h"
#include "domain/common/CsvWriter.h"
#include "domain/importing/PlannedOutcome.h"

#include "plugin/import-customers/domain/importing/PlanReportsFixture.h"

#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>

using namespace importfixtures;

class ImportOutcomeCsvTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ImportOutcomeCsvTest);
    CPPUNIT_TEST(headerNamesTheColumns);
    CPPUNIT_TEST(dryRunOfAMixedPlan);
    CPPUNIT_TEST(realRunWithIdsAndATenantWithoutSubscriptions);
    CPPUNIT_TEST(stableNames);
    CPPUNIT_TEST(aTenantsRowsAreTheRowsTheRunWritesForIt);
    CPPUNIT_TEST_SUITE_END();

public:
    void headerNamesTheColumns() {
        const std::vector<std::string> header = importOutcomeHeader();
        CPPUNIT_ASSERT_EQUAL(std::size_t(21), header.size());
        CPPUNIT_ASSERT_EQUAL(std::string("run_id"), header.front());
        CPPUNIT_ASSERT_EQUAL(std::string("reason"), header[12]);
        CPPUNIT_ASSERT_EQUAL(std::string("next_billing_date"), header.back());
    }
    void dryRunOfAMixedPlan() {
        const ImportRunOutcome run = plannedOutcome(mixedPlan(), "run-1");
        CPPUNIT_ASSERT(run.dryRun);
        CPPUNIT_ASSERT(run.policy == BillingPolicy::FullCurrentPeriod);
        CPPUNIT_ASSERT_EQUAL(std::size_t(4), run.tenants.size());
        CPPUNIT_ASSERT(run.tenants[2].account == AccountOutcomeKind::Existing);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(77), run.tenants[2].bssAccountId);
        CPPUNIT_ASSERT(run.tenants[0].contactCreated);
        const std::string csv = writeCsv(importOutcomeRows(run));
        const std::string expected =
            "run_id,dry_run,tenant_id,company_name,reseller_mpn_id,reseller_name,account,"
            "bss_account_id,subscription_id,subscription_name,bss_subscription_id,result,reason,"
            "billing_cycle,term,billing_policy,current_period_start,current_period_end,"
            "charge_from,charge_to,next_billing_date\r\n"
            "run-1,yes,t-direct,contoso,,,created,,d1,Offer d1,,created,,monthly,P1M,"
            "full_current_period,2025-11-10,2025-12-09,2025-11-10,2025-12-09,2025-12-10\r\n"
            "run-1,yes,t-direct,contoso,,,created,,d2,Offer d2,,failed,Offer "
            "'CFQ7TTC0ZZZZ:0001:CFQ7TTC0ZZZ1' is mapped to no BSS product.,,,,,,,,\r\n"
            "run-1,yes,t-new-a,litware,7654321,Tailspin,created,,a1,Offer a1,,created,,monthly,,"
            "full_current_period,2025-10-31,2025-11-29,2025-10-31,2025-11-29,2025-11-30\r\n"
            "run-1,yes,t-existing,adatum,1234567,Fabrikam Reseller,existing,77,e1,Offer e1,,"
            "skipped,Subscription 'e1' is already in the BSS; existing subscriptions are never "
            "changed.,,,,,,,,\r\n"
            "run-1,yes,t-existing,adatum,1234567,Fabrikam Reseller,existing,77,e2,Offer e2,,"
            "skipped,Azure plan subscriptions are not imported by this tool; listed for the Azure "
            "migration tool.,,,,,,,,\r\n"
            "run-1,yes,t-new-b,northwind,7654321,Tailspin,created,,b1,Offer b1,,failed,"
            "Subscription field 'effectiveStartDate' is missing.,,,,,,,,\r\n";
        CPPUNIT_ASSERT_EQUAL(expected, csv);
    }
    void realRunWithIdsAndATenantWithoutSubscriptions() {
        ImportRunOutcome run;
        run.runId = "run-2";
        TenantOutcome added;
        added.tenantId = "t1";
        added.companyName = "=Evil, Inc";
        added.account = AccountOutcomeKind::Existing;
        added.bssAccountId = 9;
        SubscriptionOutcome sub;
        sub.msSubscriptionId = "s1";
        sub.name = "E3";
        sub.kind = SubscriptionOutcomeKind::Added;
        sub.bssSubscriptionId = 31;
        sub.billingCycle = "annual";
        sub.termDuration = "P1Y";
        BillingSchedule billing;
        billing.policy = BillingPolicy::NextRenewal;
        billing.currentPeriodStart = day("2025-03-12");
        billing.currentPeriodEnd = day("2026-03-11");
        billing.nextBillingDate = day("2026-03-12");
        sub.billing = billing;
        added.subscriptions = {sub};
        TenantOutcome failed;
        failed.tenantId = "";
        failed.companyName = "Nameless";
        failed.account = AccountOutcomeKind::Failed;
        failed.accountReason = "Tenant field 'tenantId' is missing.";
        run.tenants = {added, failed};
        const std::vector<std::vector<std::string>> rows = importOutcomeRows(run);
        CPPUNIT_ASSERT_EQUAL(std::size_t(3), rows.size());
        CPPUNIT_ASSERT_EQUAL(
            std::string("run-2,no,t1,\"'=Evil, Inc\",,,existing,9,s1,E3,31,added,,annual,P1Y,"
                        "next_renewal,2025-03-12,2026-03-11,,,2026-03-12\r\n"),
            writeCsv({rows[1]}));
        CPPUNIT_ASSERT_EQUAL(std::string("run-2,no,,Nameless,,,failed,,,,,,Tenant field "
                                         "'tenantId' is missing.,,,,,,,,\r\n"),
                             writeCsv({rows[2]}));
    }
    void stableNames() {
        CPPUNIT_ASSERT_EQUAL(std::string("added"), std::string(subscriptionOutcomeKindName(
                                                       SubscriptionOutcomeKind::Added)));
        CPPUNIT_ASSERT_EQUAL(std::string("existing"),
                             std::string(accountOutcomeKindName(AccountOutcomeKind::Existing)));
        CPPUNIT_ASSERT_EQUAL(0, static_cast<int>(SubscriptionOutcomeKind::Unset));
    }
    // A streamed export writes a tenant at a time: the header, then each tenant's rows, must be
    // the whole run's rows.
    void aTenantsRowsAreTheRowsTheRunWritesForIt() {
        for (const bool dryRun : {true, false}) {
            ImportRunOutcome run = plannedOutcome(mixedPlan(), "run-3");
            run.dryRun = dryRun;
            TenantOutcome failed; // no subscriptions: one row with the account's reason
            failed.tenantId = "t-failed";
            failed.companyName = "Failed, Inc";
            failed.account = AccountOutcomeKind::Failed;
            failed.accountReason = "Tenant field 'tenantId' is missing.";
            run.tenants.insert(run.tenants.begin() + 1, failed);
            const std::vector<std::vector<std::string>> whole = importOutcomeRows(run);
            std::vector<std::vector<std::string>> streamed{importOutcomeHeader()};
            for (const TenantOutcome& tenant : run.tenants) {
                const auto rows = importOutcomeRows(run.runId, run.dryRun, tenant);
                CPPUNIT_ASSERT_EQUAL(std::max<std::size_t>(1, tenant.subscriptions.size()),
                                     rows.size());
                for (const auto& row : rows) {
                    CPPUNIT_ASSERT_EQUAL(importOutcomeHeader().size(), row.size());
                    CPPUNIT_ASSERT_EQUAL(tenant.tenantId, row[2]);
                    CPPUNIT_ASSERT_EQUAL(std::string(dryRun ? "yes" : "no"), row[1]);
                }
                streamed.insert(streamed.end(), rows.begin(), rows.end());
            }
            CPPUNIT_ASSERT_EQUAL(std::size_t(8), whole.size());
            CPPUNIT_ASSERT(whole == streamed);
            CPPUNIT_ASSERT_EQUAL(writeCsv(whole), writeCsv(streamed));
        }
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ImportOutcomeCsvTest);
