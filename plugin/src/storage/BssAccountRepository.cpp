#include "storage/BssAccountRepository.h"

#include "storage/SqlText.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

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

} // namespace ict::storage
