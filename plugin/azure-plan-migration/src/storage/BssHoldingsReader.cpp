#include "storage/BssHoldingsReader.h"

#include "storage/SqlText.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <algorithm>

using namespace Poco::Data::Keywords;
using ict::storage::forDialect;
using ict::storage::placeholderRows;

namespace apm::storage {

namespace {

// Bounded IN lists: far below SQLite's and PostgreSQL's parameter limits.
constexpr std::size_t kChunk = 200;

} // namespace

BssHoldingsReader::BssHoldingsReader(bss::sdk::Database& database) : _database(database) {}

std::map<std::string, domain::BssHoldings>
BssHoldingsReader::holdings(std::int64_t organizationId,
                            const std::vector<std::string>& tenantIds) {
    std::map<std::string, domain::BssHoldings> out;
    for (const std::string& id : tenantIds)
        out[id];
    const auto dialect = _database.dialect();
    Poco::Data::Session session = _database.session();
    Poco::Int64 org = organizationId;
    std::map<Poco::Int64, std::string> tenantOfAccount;
    for (std::size_t start = 0; start < tenantIds.size(); start += kChunk) {
        const std::size_t count = std::min(kChunk, tenantIds.size() - start);
        Poco::Data::Statement select(session);
        select << forDialect(dialect, "SELECT id, external_ms_tenant_id FROM accounts WHERE"
                                      " organization_id = ? AND kind = 'customer' AND"
                                      " external_ms_tenant_id IN " +
                                          placeholderRows(count, 1)),
            use(org);
        std::vector<std::string> values(tenantIds.begin() + static_cast<std::ptrdiff_t>(start),
                                        tenantIds.begin() +
                                            static_cast<std::ptrdiff_t>(start + count));
        for (std::string& value : values)
            select, use(value);
        select.execute();
        Poco::Data::RecordSet rows(select);
        for (std::size_t i = 0; i < rows.rowCount(); ++i) {
            const auto account = rows.value(0, i).convert<Poco::Int64>();
            const std::string tenant = rows.value(1, i).convert<std::string>();
            domain::BssHoldings& held = out[tenant];
            held.accountExists = true;
            held.accountId = account;
            tenantOfAccount[account] = tenant;
        }
    }
    std::vector<Poco::Int64> accounts;
    for (const auto& [account, tenant] : tenantOfAccount)
        accounts.push_back(account);
    for (std::size_t start = 0; start < accounts.size(); start += kChunk) {
        const std::size_t count = std::min(kChunk, accounts.size() - start);
        Poco::Data::Statement select(session);
        select << forDialect(dialect, "SELECT account_id, external_ms_subscription_id FROM"
                                      " subscriptions WHERE account_id IN " +
                                          placeholderRows(count, 1));
        std::vector<Poco::Int64> values(accounts.begin() + static_cast<std::ptrdiff_t>(start),
                                        accounts.begin() +
                                            static_cast<std::ptrdiff_t>(start + count));
        for (Poco::Int64& value : values)
            select, use(value);
        select.execute();
        Poco::Data::RecordSet rows(select);
        for (std::size_t i = 0; i < rows.rowCount(); ++i)
            out[tenantOfAccount[rows.value(0, i).convert<Poco::Int64>()]]
                .externalSubscriptionIds.insert(rows.value(1, i).convert<std::string>());
    }
    return out;
}

} // namespace apm::storage
