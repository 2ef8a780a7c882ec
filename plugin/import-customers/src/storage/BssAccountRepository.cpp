#include "storage/BssAccountRepository.h"

#include "storage/SqlText.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <Poco/String.h>

#include <algorithm>
#include <set>
#include <unordered_map>

using namespace Poco::Data::Keywords;

namespace ict::storage {

BssAccountRepository::BssAccountRepository(bss::sdk::Database& database) : _database(database) {}

std::vector<domain::BssAccount>
BssAccountRepository::customerAccounts(std::int64_t organizationId) const {
    Poco::Data::Session session = _database.session();
    Poco::Int64 org = organizationId;
    std::vector<domain::BssAccount> accounts;
    std::unordered_map<Poco::Int64, std::size_t> byId;
    {
        Poco::Data::Statement select(session);
        select << forDialect(_database.dialect(),
                             "SELECT id, name, external_ms_tenant_id, primary_domain FROM accounts"
                             " WHERE organization_id = ? AND kind = 'customer' ORDER BY id"),
            use(org), now;
        Poco::Data::RecordSet rows(select);
        for (std::size_t r = 0; r < rows.rowCount(); ++r) {
            domain::BssAccount account;
            account.id = rows.value(0, r).convert<Poco::Int64>();
            account.name = rows.value(1, r).convert<std::string>();
            if (!rows.value(2, r).isEmpty())
                account.externalTenantId = rows.value(2, r).convert<std::string>();
            if (!rows.value(3, r).isEmpty())
                account.primaryDomain = rows.value(3, r).convert<std::string>();
            byId.emplace(account.id, accounts.size());
            accounts.push_back(std::move(account));
        }
    }
    Poco::Data::Statement select(session);
    select << forDialect(_database.dialect(),
                         "SELECT s.account_id, s.external_ms_subscription_id FROM subscriptions s"
                         " JOIN accounts a ON a.id = s.account_id"
                         " WHERE a.organization_id = ? AND a.kind = 'customer'"),
        use(org), now;
    Poco::Data::RecordSet rows(select);
    for (std::size_t r = 0; r < rows.rowCount(); ++r) {
        auto found = byId.find(rows.value(0, r).convert<Poco::Int64>());
        if (found != byId.end())
            accounts[found->second].externalSubscriptionIds.push_back(
                rows.value(1, r).convert<std::string>());
    }
    return accounts;
}

namespace {

/// IN lists of at most this many values: well under every database's parameter limit.
constexpr std::size_t kInListValues = 500;

/// Calls `onChunk` with consecutive slices of `values` of at most kInListValues.
template <typename T>
void inChunks(const std::vector<T>& values, const std::function<void(std::vector<T>)>& onChunk) {
    for (std::size_t begin = 0; begin < values.size(); begin += kInListValues)
        onChunk(std::vector<T>(values.begin() + static_cast<std::ptrdiff_t>(begin),
                               values.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                    values.size(), begin + kInListValues))));
}

/// Each id trimmed, in lower case and in upper case, sorted and distinct: the audit matches ids
/// case-insensitively while the index matches exactly, so both cases Partner Center and people
/// write are looked up (an id written in mixed case is not).
std::vector<std::string> caseVariants(const std::vector<std::string>& ids) {
    std::vector<std::string> variants;
    for (const std::string& id : ids) {
        const std::string trimmed = Poco::trim(id);
        for (const std::string& variant : {trimmed, Poco::toLower(trimmed), Poco::toUpper(trimmed)})
            if (!variant.empty())
                variants.push_back(variant);
    }
    std::sort(variants.begin(), variants.end());
    variants.erase(std::unique(variants.begin(), variants.end()), variants.end());
    return variants;
}

domain::BssAccount accountAt(Poco::Data::RecordSet& rows, std::size_t r) {
    domain::BssAccount account;
    account.id = rows.value(0, r).convert<Poco::Int64>();
    account.name = rows.value(1, r).convert<std::string>();
    if (!rows.value(2, r).isEmpty())
        account.externalTenantId = rows.value(2, r).convert<std::string>();
    if (!rows.value(3, r).isEmpty())
        account.primaryDomain = rows.value(3, r).convert<std::string>();
    return account;
}

} // namespace

void BssAccountRepository::forEachAccount(
    std::int64_t organizationId,
    const std::function<void(const domain::BssAccount&)>& onAccount) const {
    Poco::Int64 org = organizationId, after = 0;
    for (;;) {
        Poco::Data::Session session = _database.session();
        Poco::Data::Statement select(session);
        select << forDialect(_database.dialect(),
                             "SELECT id, name, external_ms_tenant_id, primary_domain FROM accounts"
                             " WHERE organization_id = ? AND kind = 'customer' AND id > ?"
                             " ORDER BY id LIMIT 5000"),
            use(org), use(after), now;
        Poco::Data::RecordSet rows(select);
        if (rows.rowCount() == 0)
            return;
        for (std::size_t r = 0; r < rows.rowCount(); ++r) {
            const domain::BssAccount account = accountAt(rows, r);
            after = account.id;
            onAccount(account);
        }
        if (rows.rowCount() < 5000)
            return;
    }
}

std::vector<domain::BssAccount>
BssAccountRepository::relatedAccounts(std::int64_t organizationId,
                                      const std::vector<std::int64_t>& accountIds,
                                      const std::vector<std::string>& tenantIds,
                                      const std::vector<std::string>& subscriptionIds) const {
    const auto dialect = _database.dialect();
    Poco::Data::Session session = _database.session();
    Poco::Int64 org = organizationId;
    std::set<Poco::Int64> ids(accountIds.begin(), accountIds.end());
    // `sql` takes the organization id first when `withOrganization`, then the values.
    const auto collect = [&](const std::string& sql, bool withOrganization, auto values) {
        using Value = typename decltype(values)::value_type;
        inChunks<Value>(values, [&](std::vector<Value> chunk) {
            Poco::Data::Statement select(session);
            select << forDialect(dialect, sql + placeholderRows(chunk.size(), 1));
            if (withOrganization)
                select, use(org);
            for (Value& value : chunk)
                select, use(value);
            std::vector<Poco::Int64> found;
            select, into(found);
            select.execute();
            ids.insert(found.begin(), found.end());
        });
    };
    // An account created since the caller's key index was built is found by its tenant id,
    // written by the import in lower case or by people in upper case.
    collect("SELECT id FROM accounts WHERE organization_id = ? AND kind = 'customer' AND"
            " external_ms_tenant_id IN ",
            true, caseVariants(tenantIds));
    // Subscription ids match case-insensitively in the audit; the index matches exactly, so
    // both cases Partner Center and people write are looked up. From the subscriptions' index
    // alone: joined to accounts, SQLite's planner walks the organization's accounts and probes
    // the list for each (quadratic as the BSS fills up). The holders of another organization or
    // kind are dropped when the accounts are read below.
    collect("SELECT DISTINCT account_id FROM subscriptions WHERE external_ms_subscription_id IN ",
            false, caseVariants(subscriptionIds));

    std::vector<domain::BssAccount> accounts;
    std::unordered_map<Poco::Int64, std::size_t> byId;
    inChunks<Poco::Int64>({ids.begin(), ids.end()}, [&](std::vector<Poco::Int64> chunk) {
        Poco::Data::Statement select(session);
        select << forDialect(dialect, "SELECT id, name, external_ms_tenant_id, primary_domain FROM"
                                      " accounts WHERE organization_id = ? AND kind = 'customer'"
                                      " AND id IN " +
                                          placeholderRows(chunk.size(), 1) + " ORDER BY id"),
            use(org);
        for (Poco::Int64& id : chunk)
            select, use(id);
        select.execute();
        Poco::Data::RecordSet rows(select);
        for (std::size_t r = 0; r < rows.rowCount(); ++r) {
            domain::BssAccount account = accountAt(rows, r);
            byId.emplace(account.id, accounts.size());
            accounts.push_back(std::move(account));
        }
        Poco::Data::Statement subscriptions(session);
        subscriptions << forDialect(dialect, "SELECT account_id, external_ms_subscription_id FROM"
                                             " subscriptions WHERE account_id IN " +
                                                 placeholderRows(chunk.size(), 1) +
                                                 " ORDER BY account_id, id");
        for (Poco::Int64& id : chunk)
            subscriptions, use(id);
        subscriptions.execute();
        Poco::Data::RecordSet subs(subscriptions);
        for (std::size_t r = 0; r < subs.rowCount(); ++r) {
            auto found = byId.find(subs.value(0, r).convert<Poco::Int64>());
            if (found != byId.end())
                accounts[found->second].externalSubscriptionIds.push_back(
                    subs.value(1, r).convert<std::string>());
        }
    });
    return accounts;
}

std::map<std::string, std::string>
BssAccountRepository::tenantsHeldElsewhere(std::int64_t organizationId,
                                           std::int64_t ownerOrganizationId,
                                           const std::vector<std::string>& tenantIds) const {
    std::map<std::string, std::string> held;
    if (tenantIds.empty())
        return held;
    const auto dialect = _database.dialect();
    Poco::Data::Session session = _database.session();
    Poco::Int64 caller = organizationId, owner = ownerOrganizationId, ownerAgain = owner;
    Poco::Data::Statement orgs(session);
    orgs << forDialect(dialect, "SELECT id, name FROM organizations WHERE (id = ? OR (parent_id = ?"
                                " AND kind = 'country_tenant')) AND id <> ? ORDER BY id"),
        use(owner), use(ownerAgain), use(caller), now;
    Poco::Data::RecordSet sharing(orgs);
    const std::vector<std::string> variants = caseVariants(tenantIds);
    // A handful of organizations: each read through its (organization, tenant id) index.
    for (std::size_t o = 0; o < sharing.rowCount(); ++o) {
        Poco::Int64 org = sharing.value(0, o).convert<Poco::Int64>();
        const std::string name = sharing.value(1, o).convert<std::string>();
        inChunks<std::string>(variants, [&](std::vector<std::string> chunk) {
            Poco::Data::Statement select(session);
            select << forDialect(dialect, "SELECT external_ms_tenant_id FROM accounts WHERE"
                                          " organization_id = ? AND kind = 'customer' AND"
                                          " external_ms_tenant_id IN " +
                                              placeholderRows(chunk.size(), 1)),
                use(org);
            for (std::string& value : chunk)
                select, use(value);
            std::vector<std::string> found;
            select, into(found);
            select.execute();
            for (const std::string& tenant : found)
                held.emplace(Poco::toLower(Poco::trim(tenant)), name);
        });
    }
    return held;
}

} // namespace ict::storage
