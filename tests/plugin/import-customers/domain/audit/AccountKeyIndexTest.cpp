// AccountKeyIndex: the BSS accounts as match-key hashes. candidates() must name every account
// BssAccountIndex would relate (a superset: a hash may collide, never miss).
#include "domain/audit/AccountKeyIndex.h"

#include "domain/audit/BssAccountIndex.h"
#include "plugin/import-customers/domain/audit/AccountFixtures.h"

#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <random>

using namespace accountfixtures;

namespace {

using Ids = std::vector<std::int64_t>;

AccountKeyIndex sealed(const std::vector<BssAccount>& accounts) {
    AccountKeyIndex index;
    for (const BssAccount& a : accounts)
        index.add(a.id, a.name, a.externalTenantId, a.primaryDomain);
    index.seal();
    return index;
}

} // namespace

class AccountKeyIndexTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(AccountKeyIndexTest);
    CPPUNIT_TEST(tenantIdMatchesWhateverItsCaseAndSpaces);
    CPPUNIT_TEST(domainMatchesWhateverItsCaseAndTrailingDot);
    CPPUNIT_TEST(nameMatchesItsLegalFormVariants);
    CPPUNIT_TEST(everyMatchingAccountSortedAndDistinct);
    CPPUNIT_TEST(keysOfOneKindNeverMatchAnother);
    CPPUNIT_TEST(emptyKeysNeverMatch);
    CPPUNIT_TEST(keysCountsOnlyNonEmptyKeys);
    CPPUNIT_TEST(candidatesIncludeEveryRelatedAccountOfRandomData);
    CPPUNIT_TEST_SUITE_END();

public:
    void tenantIdMatchesWhateverItsCaseAndSpaces() {
        const AccountKeyIndex index = sealed({account(1, "Renamed",
                                                      " 6A1D4E7B-0C2F-4B8A-9E3D-"
                                                      "12AB34CD56EF ",
                                                      ""),
                                              account(2, "Other",
                                                      "7a1d4e7b-0c2f-4b8a-9e3d-"
                                                      "12ab34cd56ef",
                                                      "")});
        CPPUNIT_ASSERT(index.candidates(kTenant, "", "") == Ids({1}));
        CPPUNIT_ASSERT(index.candidates("  6A1D4E7B-0c2f-4b8a-9e3d-12AB34cd56ef\t", "", "") ==
                       Ids({1}));
        CPPUNIT_ASSERT(index.candidates("6a1d4e7b-0c2f-4b8a-9e3d-12ab34cd56e", "", "").empty());
    }

    void domainMatchesWhateverItsCaseAndTrailingDot() {
        const AccountKeyIndex index =
            sealed({account(3, "x", "", "Fabrikam.COM."), account(4, "y", "", "fabrikam.co")});
        for (const char* domain : {"fabrikam.com", "FABRIKAM.com.", " fabrikam.com "})
            CPPUNIT_ASSERT(index.candidates("", domain, "") == Ids({3}));
        CPPUNIT_ASSERT(index.candidates("", "fabrikam.com..", "").empty());
    }

    void nameMatchesItsLegalFormVariants() {
        const AccountKeyIndex index = sealed({account(5, "Northwind Traders, Ltd.", "", ""),
                                              account(6, "Smith & Sons GmbH & Co. KG", "", ""),
                                              account(7, "Northwind", "", "")});
        for (const char* name : {"NORTHWIND TRADERS LIMITED", "Northwind Traders Inc.",
                                 "northwind traders", "Northwind  Traders  Corp"})
            CPPUNIT_ASSERT(index.candidates("", "", name) == Ids({5}));
        for (const char* name : {"Smith and Sons", "SMITH & SONS LTD", "Smith & Sons, GmbH"})
            CPPUNIT_ASSERT(index.candidates("", "", name) == Ids({6}));
        CPPUNIT_ASSERT(index.candidates("", "", "Northwind Co.") == Ids({7}));
        CPPUNIT_ASSERT(index.candidates("", "", "Northwind Trader").empty());
    }

    void everyMatchingAccountSortedAndDistinct() {
        const AccountKeyIndex index = sealed({
            account(9, "Contoso Ltd", kTenant, "contoso.com"), // all three keys
            account(4, "Other", "", "CONTOSO.com."),           // domain
            account(12, "CONTOSO", "", ""),                    // name
            account(7, "Unrelated", "", "unrelated.com"),
            account(4, "Other again", "", "contoso.com"), // the same id added twice
        });
        CPPUNIT_ASSERT(index.candidates(kTenant, "contoso.com", "Contoso, Inc.") ==
                       Ids({4, 9, 12}));
        CPPUNIT_ASSERT(index.candidates("", "contoso.com", "") == Ids({4, 9}));
        CPPUNIT_ASSERT(index.candidates("", "", "contoso") == Ids({9, 12}));
    }

    void keysOfOneKindNeverMatchAnother() {
        // The key's kind is part of its hash: a domain is not a name nor a tenant id.
        const AccountKeyIndex index =
            sealed({account(1, "contoso.com", "contoso.com", ""), account(2, "", "", "contoso")});
        CPPUNIT_ASSERT(index.candidates("", "contoso.com", "").empty());
        CPPUNIT_ASSERT(index.candidates("contoso", "", "").empty());
        CPPUNIT_ASSERT(index.candidates("", "", "contoso").empty());
        CPPUNIT_ASSERT(index.candidates("contoso.com", "", "") == Ids({1}));
    }

    void emptyKeysNeverMatch() {
        const AccountKeyIndex index = sealed(
            {account(1, "", "", ""), account(2, "...", "  ", "."), account(3, ",;", "\t", " . ")});
        CPPUNIT_ASSERT(index.candidates("", "", "").empty());
        CPPUNIT_ASSERT(index.candidates("  ", ".", "...").empty());
        CPPUNIT_ASSERT(index.candidates(kTenant, "contoso.com", "Contoso").empty());
        CPPUNIT_ASSERT(AccountKeyIndex().candidates(kTenant, "", "").empty());
    }

    void keysCountsOnlyNonEmptyKeys() {
        const AccountKeyIndex index =
            sealed({account(1, "Contoso", kTenant, "contoso.com"), account(2, "Fabrikam", "", ""),
                    account(3, "", "", "fabrikam.com."), account(4, "", "", "")});
        CPPUNIT_ASSERT_EQUAL(std::size_t(5), index.keys());
    }

    // Property: on a few thousand generated accounts (names sharing words and legal forms, domains
    // and tenant ids in several cases and spellings, empty values), every account
    // BssAccountIndex::related() returns for a tenant is among candidates().
    void candidatesIncludeEveryRelatedAccountOfRandomData() {
        std::mt19937 random(8121203u);
        const auto pick = [&](int n) {
            return std::uniform_int_distribution<int>(0, n - 1)(random);
        };
        const std::vector<std::string> words = {"Contoso",  "Fabrikam", "Northwind",  "Adatum",
                                                "Tailspin", "Litware",  "Wide World", "Proseware"};
        const std::vector<std::string> forms = {
            "", " Ltd", ", Ltd.", " LIMITED", " Inc.", " GmbH & Co. KG", " S.A.", " llc", " & Co."};
        const auto name = [&] {
            std::string n = words[pick(8)];
            if (pick(3) == 0)
                n += " " + words[pick(8)];
            if (pick(2) == 0)
                n += " " + std::to_string(pick(40));
            n += forms[pick(9)];
            if (pick(4) == 0)
                std::transform(n.begin(), n.end(), n.begin(), ::toupper);
            return pick(25) == 0 ? std::string() : n;
        };
        const auto tenantId = [&] {
            char id[40];
            std::snprintf(id, sizeof id, "%08x-1111-4000-8000-%012d", pick(3000), pick(3));
            std::string t = id;
            if (pick(5) == 0)
                std::transform(t.begin(), t.end(), t.begin(), ::toupper);
            if (pick(10) == 0)
                t = " " + t + " ";
            return pick(4) == 0 ? std::string() : t;
        };
        const auto domain = [&] {
            std::string d = "d" + std::to_string(pick(1500)) + ".onmicrosoft.com";
            if (pick(4) == 0)
                std::transform(d.begin(), d.end(), d.begin(), ::toupper);
            if (pick(4) == 0)
                d += ".";
            return pick(5) == 0 ? std::string() : d;
        };
        std::vector<BssAccount> accounts;
        for (int i = 1; i <= 4000; ++i)
            accounts.push_back(account(i, name(), tenantId(), domain()));
        const AccountKeyIndex keys = sealed(accounts);
        const BssAccountIndex index(accounts);

        std::size_t related = 0, tenantsWithRelated = 0;
        for (int t = 0; t < 3000; ++t) {
            const std::string id = tenantId(), d = domain(), n = name();
            const std::vector<std::int64_t> candidates = keys.candidates(id, d, n);
            CPPUNIT_ASSERT(std::is_sorted(candidates.begin(), candidates.end()));
            CPPUNIT_ASSERT(std::adjacent_find(candidates.begin(), candidates.end()) ==
                           candidates.end());
            const std::vector<RelatedAccount> accountsRelated = index.related(id, d, n);
            for (const RelatedAccount& a : accountsRelated) {
                if (!std::binary_search(candidates.begin(), candidates.end(), a.accountId))
                    CPPUNIT_FAIL("account " + std::to_string(a.accountId) + " relates to tenant '" +
                                 id + "' / '" + d + "' / '" + n + "' but is not a candidate");
            }
            related += accountsRelated.size();
            tenantsWithRelated += accountsRelated.empty() ? 0 : 1;
        }
        // The data relates by every key often enough for the property to mean something.
        CPPUNIT_ASSERT(tenantsWithRelated > 1500);
        CPPUNIT_ASSERT(related > 10000);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(AccountKeyIndexTest);
