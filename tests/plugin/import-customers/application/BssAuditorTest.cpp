// The per-batch audit (BssAuditor) on the host's accounts and subscriptions (ICT_TEST_DB): over
// batches of any size it gives every tenant row exactly the verdict of domain::auditHierarchy
// against every account of the organization, and it still finds by tenant id an account created
// after it read the account keys.
#include "application/BssAuditor.h"
#include "domain/audit/TenantAudit.h"
#include "storage/BssAccountRepository.h"
#include "support/ToolHarness.h"

#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <cstdio>
#include <random>

using ict::application::BssAuditor;
using ict::application::test::ToolHarness;
using namespace ict::domain;

namespace {

std::string guid(const char* prefix, int n) {
    char id[40];
    std::snprintf(id, sizeof id, "%s-0000-4000-8000-%012d", prefix, n);
    return id;
}

/// Every audit field of a row, its subscriptions' included.
std::string audited(const TenantRow& row) {
    std::string text = row.tenantId + "/" + row.resellerMpnId + " " + tenantStatusName(row.status) +
                       " id=" + std::to_string(row.idMatchedAccountId) +
                       " pc=" + std::to_string(row.partnerCenterSubscriptionCount) +
                       " bss=" + std::to_string(row.bssSubscriptionCount) +
                       (row.importable ? " importable" : " not importable: ") +
                       row.notImportableReason + (row.needsConfirmation ? " confirm: " : "") +
                       row.confirmationReason + " related:";
    for (const RelatedAccount& a : row.relatedAccounts)
        text += " " + std::to_string(a.accountId) + "=" + a.name + "(" + matchKeyName(a.key) + ")";
    for (const SubscriptionRow& s : row.subscriptions)
        text += "\n  " + s.subscription.id + " " + subscriptionStatusName(s.status) + " " +
                notImportableReasonName(s.reason) + " " + s.reasonText;
    return text;
}

/// The BSS of the test: accounts that share names (and legal-form variants), domains written in
/// several cases with and without a trailing dot, one external tenant id in upper case, accounts
/// without tenant id or domain, and subscriptions held by accounts other than the tenant's.
struct Bss {
    std::vector<std::string> names = {"Contoso",  "Fabrikam Ltd", "Northwind", "Adatum Inc.",
                                      "Tailspin", "Litware",      "Proseware", "Wide World"};
    std::vector<std::int64_t> accountOfTenant; ///< By tenant number; 0 when none.
};

std::string tenantName(const Bss& bss, int n) {
    const std::string base = bss.names[n % bss.names.size()];
    return n % 3 == 0 ? base + ", LIMITED" : n % 3 == 1 ? base : "  " + base + " GmbH";
}

std::string tenantDomain(int n) {
    return "t" + std::to_string(n % 90) + ".onmicrosoft.com";
}

std::string subscriptionId(int tenant, int s) {
    return guid("5ub5c0de", tenant * 10 + s);
}

Bss fillBss(ToolHarness& h, std::mt19937& random) {
    Bss bss;
    const auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); };
    bss.accountOfTenant.assign(300, 0);
    // Accounts matched by tenant id (most tenants), one of them stored in upper case.
    for (int n = 0; n < 300; ++n) {
        if (n % 4 == 3)
            continue;
        std::string tenant = guid("aaaaaaaa", n);
        if (n == 10)
            std::transform(tenant.begin(), tenant.end(), tenant.begin(), ::toupper);
        const std::string name = n % 11 == 0 ? "Renamed " + std::to_string(n) : tenantName(bss, n);
        std::string domain = tenantDomain(n);
        if (n % 5 == 0)
            std::transform(domain.begin(), domain.end(), domain.begin(), ::toupper);
        if (n % 7 == 0)
            domain += ".";
        bss.accountOfTenant[n] = h.insertAccount(name, tenant, n % 13 == 0 ? "" : domain);
        // Some of its subscriptions are in the BSS already.
        for (int s = 0; s < 3; ++s)
            if (pick(2) == 0)
                h.insertSubscription(bss.accountOfTenant[n], subscriptionId(n, s));
    }
    // Accounts with no tenant id: related by domain or name only; some hold other tenants'
    // subscriptions (in lower or upper case).
    for (int a = 0; a < 60; ++a) {
        std::string domain = tenantDomain(a * 7);
        if (a % 2)
            domain = "T" + domain.substr(1) + ".";
        const std::int64_t id =
            h.insertAccount(a % 3 ? bss.names[a % 8] + " Co." : "Stray " + std::to_string(a),
                            a % 4 ? "" : guid("bbbbbbbb", a), a % 5 == 0 ? "" : domain);
        if (a % 2 == 0) {
            std::string sub = subscriptionId(3 + a * 4, 0); // s0 of tenant 3+4a (no account)
            if (a % 4 == 0)
                std::transform(sub.begin(), sub.end(), sub.begin(), ::toupper);
            h.insertSubscription(id, sub);
        }
    }
    return bss;
}

/// Tenant rows as a Get Hierarchy places them: each tenant direct, some also under a reseller,
/// with 0 to 5 subscriptions (an Azure plan, an expired one, an add-on, ids the BSS holds).
std::vector<TenantRow> tenantRows(const Bss& bss, std::mt19937& random, int tenants) {
    const auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); };
    std::vector<TenantRow> rows;
    for (int n = 0; n < tenants; ++n) {
        TenantRow row;
        row.tenantId = guid("aaaaaaaa", n);
        row.companyName = tenantName(bss, n);
        row.primaryDomain = n % 17 == 0 ? "" : tenantDomain(n);
        row.placement = TenantPlacement::Direct;
        const int subscriptions = pick(6);
        for (int s = 0; s < subscriptions; ++s) {
            SubscriptionRow sub;
            Subscription& x = sub.subscription;
            x.id = subscriptionId(n, s);
            x.customerTenantId = row.tenantId;
            x.offerId = "CFQ7TTC0LH18:0001:CFQ7TTC0K971";
            x.productTypeId = "OnlineServicesNCE";
            x.kind = s == 2 && n % 3 == 0 ? SubscriptionKind::AzurePlan : SubscriptionKind::Nce;
            x.status = s == 1 && n % 5 == 0 ? "expired" : "active";
            if (s == 3)
                x.parentSubscriptionId = subscriptionId(n, n % 2 ? 0 : 9);
            row.subscriptions.push_back(sub);
        }
        rows.push_back(row);
        if (n % 6 == 0) {
            TenantRow resold = row;
            resold.placement = TenantPlacement::EndCustomer;
            resold.resellerMpnId = "100";
            for (SubscriptionRow& s : resold.subscriptions)
                s.subscription.id += "-r";
            resold.subscriptions.resize(std::min<std::size_t>(resold.subscriptions.size(), 2));
            rows.push_back(resold);
        }
    }
    TenantRow unassigned; // no subscriptions, unassigned: never importable
    unassigned.tenantId = guid("aaaaaaaa", 4);
    unassigned.companyName = "Unassigned Co";
    unassigned.placement = TenantPlacement::Unassigned;
    rows.push_back(unassigned);
    return rows;
}

std::vector<std::string> auditedAll(const std::vector<TenantRow>& rows) {
    std::vector<std::string> out;
    for (const TenantRow& row : rows)
        out.push_back(audited(row));
    return out;
}

/// What auditHierarchy() against every account of the organization gives each row.
std::vector<std::string> expectedAudit(ToolHarness& h, const std::vector<TenantRow>& rows) {
    const BssAccountIndex every(ict::storage::BssAccountRepository(h.database())
                                    .customerAccounts(h.root().organization.id));
    Hierarchy hierarchy;
    hierarchy.directTenants = rows; // auditTenant() reads each row's own placement
    std::vector<TenantRow> audited;
    for (const TenantRow& row : auditHierarchy(hierarchy, every).directTenants)
        audited.push_back(row);
    return auditedAll(audited);
}

/// BssAuditor::audit() over consecutive batches of `batch` rows.
std::vector<std::string> batchedAudit(const BssAuditor& auditor, std::vector<TenantRow> rows,
                                      std::size_t batch) {
    std::vector<TenantRow> done;
    for (std::size_t begin = 0; begin < rows.size(); begin += batch) {
        std::vector<TenantRow> part(
            rows.begin() + static_cast<std::ptrdiff_t>(begin),
            rows.begin() + static_cast<std::ptrdiff_t>(std::min(rows.size(), begin + batch)));
        auditor.audit(part);
        done.insert(done.end(), part.begin(), part.end());
    }
    return auditedAll(done);
}

void assertSameAudits(const std::vector<std::string>& expected, const std::vector<std::string>& got,
                      const std::string& what) {
    CPPUNIT_ASSERT_EQUAL_MESSAGE(what, expected.size(), got.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        CPPUNIT_ASSERT_EQUAL_MESSAGE(what + ", row " + std::to_string(i), expected[i], got[i]);
}

} // namespace

class BssAuditorTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(BssAuditorTest);
    CPPUNIT_TEST(batchesOfAnySizeGiveTheAuditAgainstEveryAccount);
    CPPUNIT_TEST(auditOfAHierarchyIsAuditHierarchy);
    CPPUNIT_TEST(anAccountCreatedAfterwardsIsFoundByItsTenantIdInEitherCase);
    CPPUNIT_TEST_SUITE_END();

public:
    void batchesOfAnySizeGiveTheAuditAgainstEveryAccount() {
        ToolHarness h;
        std::mt19937 random(31203u);
        const Bss bss = fillBss(h, random);
        const std::vector<TenantRow> rows = tenantRows(bss, random, 260);
        const std::vector<std::string> expected = expectedAudit(h, rows);
        assertMeaningful(rows, expected);

        const BssAuditor auditor(h.database(), h.root().organization.id);
        CPPUNIT_ASSERT(auditor.accountKeys() > 500);
        for (const std::size_t batch :
             {std::size_t(1), std::size_t(7), std::size_t(64), std::size_t(200), rows.size()})
            assertSameAudits(expected, batchedAudit(auditor, rows, batch),
                             "batches of " + std::to_string(batch));
        // A batch in another order (rows of one tenant apart) gives each row the same verdict.
        std::vector<TenantRow> shuffled = rows;
        std::shuffle(shuffled.begin(), shuffled.end(), random);
        assertSameAudits(expectedAudit(h, shuffled), batchedAudit(auditor, shuffled, 37),
                         "shuffled batches of 37");
    }

    void auditOfAHierarchyIsAuditHierarchy() {
        ToolHarness h;
        std::mt19937 random(4u);
        const Bss bss = fillBss(h, random);
        const std::vector<TenantRow> rows = tenantRows(bss, random, 80);
        Hierarchy hierarchy;
        ResellerRow reseller;
        reseller.mpnId = "100";
        for (const TenantRow& row : rows) {
            if (row.placement == TenantPlacement::EndCustomer)
                reseller.endCustomers.push_back(row);
            else if (row.placement == TenantPlacement::Unassigned)
                hierarchy.unassignedTenants.push_back(row);
            else
                hierarchy.directTenants.push_back(row);
        }
        hierarchy.resellers = {reseller};
        const BssAccountIndex every(ict::storage::BssAccountRepository(h.database())
                                        .customerAccounts(h.root().organization.id));
        const Hierarchy expected = auditHierarchy(hierarchy, every);
        const Hierarchy got = BssAuditor(h.database(), h.root().organization.id).audit(hierarchy);
        assertSameAudits(auditedAll(expected.directTenants), auditedAll(got.directTenants),
                         "direct");
        assertSameAudits(auditedAll(expected.resellers[0].endCustomers),
                         auditedAll(got.resellers[0].endCustomers), "end customers");
        assertSameAudits(auditedAll(expected.unassignedTenants), auditedAll(got.unassignedTenants),
                         "unassigned");
        CPPUNIT_ASSERT(!got.unassignedTenants.at(0).importable);
    }

    void anAccountCreatedAfterwardsIsFoundByItsTenantIdInEitherCase() {
        ToolHarness h;
        std::mt19937 random(5u);
        const Bss bss = fillBss(h, random);
        std::vector<TenantRow> rows = tenantRows(bss, random, 40);
        const BssAuditor auditor(h.database(), h.root().organization.id);
        // Tenant 7 has no account yet (every fourth is left without one); an import creates it
        // now, under another name and domain, with a subscription Partner Center does not list:
        // only its tenant id relates it.
        const std::string tenant = guid("aaaaaaaa", 7);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), bss.accountOfTenant[7]);
        const std::int64_t created = h.insertAccount("Imported Later", tenant, "");
        h.insertSubscription(created, guid("0dd5ab00", 7));
        // Tenant 11's account is created by someone who wrote its tenant id in upper case.
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), bss.accountOfTenant[11]);
        const std::int64_t upper =
            h.insertAccount("Typed By Hand", "AAAAAAAA-0000-4000-8000-000000000011", "");
        std::vector<TenantRow> batch;
        for (const TenantRow& row : rows)
            if (row.tenantId == tenant || row.tenantId == guid("aaaaaaaa", 8) ||
                row.tenantId == guid("aaaaaaaa", 11))
                batch.push_back(row);
        CPPUNIT_ASSERT(!batch.empty());
        const std::vector<std::string> expected = expectedAudit(h, batch);
        auditor.audit(batch);
        assertSameAudits(expected, auditedAll(batch), "after the account was created");
        CPPUNIT_ASSERT_EQUAL(created, batch[0].idMatchedAccountId);
        CPPUNIT_ASSERT(batch[0].status != TenantStatus::Unsynced);
        CPPUNIT_ASSERT_EQUAL(upper, batch.back().idMatchedAccountId);
        // The whole list, audited in batches, still agrees with an audit of every account.
        assertSameAudits(expectedAudit(h, rows), batchedAudit(auditor, rows, 9),
                         "every row after the account was created");
    }

private:
    /// The data exercises what the audit decides: matches by each key, confirmations, several
    /// related accounts, subscriptions in the BSS and in other accounts, the upper-case id.
    static void assertMeaningful(const std::vector<TenantRow>& rows,
                                 const std::vector<std::string>& expected) {
        const auto count = [&](const std::string& text) {
            return std::count_if(expected.begin(), expected.end(), [&](const std::string& line) {
                return line.find(text) != std::string::npos;
            });
        };
        CPPUNIT_ASSERT(count("(microsoft_id)") > 100);
        CPPUNIT_ASSERT(count("(primary_domain)") > 20);
        CPPUNIT_ASSERT(count("(company_name)") > 100);
        CPPUNIT_ASSERT(count(" confirm: ") > 50);
        CPPUNIT_ASSERT(count(" in_bss ") > 50);
        CPPUNIT_ASSERT(count("in_other_account") > 5);
        CPPUNIT_ASSERT(count(" unsynced ") > 20);
        CPPUNIT_ASSERT(count(" synced ") > 5);
        CPPUNIT_ASSERT(count(" new_subscriptions ") > 20);
        const auto upper = std::find_if(rows.begin(), rows.end(), [](const TenantRow& row) {
            return row.tenantId == guid("aaaaaaaa", 10);
        });
        CPPUNIT_ASSERT(upper != rows.end());
        CPPUNIT_ASSERT(expected[static_cast<std::size_t>(upper - rows.begin())].find(
                           "(microsoft_id)") != std::string::npos);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(BssAuditorTest);
