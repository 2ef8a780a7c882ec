#pragma once
/// The baseline of the import benchmark: the account and subscription rows an import run wrote
/// (read back from the host's accounts and subscriptions tables, every column), inserted again
/// through two prepared statements, one row an execute, in one transaction, into scratch tables
/// of the same columns and the same unique indexes as the host schema's. Nothing else: no
/// Partner Center, no planning, no results, no status refresh.
#include <bss/sdk/Database.h>

#include <Poco/Nullable.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ict::bench {

class BareImportInsert {
public:
    /// Reads the rows `runId` created (created_by_import), so insert() times the database only.
    BareImportInsert(bss::sdk::Database& database, const std::string& runId);

    /// (Re)creates bench_accounts and bench_subscriptions, empty, with the host's indexes.
    void prepareTables();
    /// Inserts every row in one transaction; returns rows written.
    std::size_t insert();

    std::size_t accounts() const { return _accounts.size(); }
    std::size_t subscriptions() const { return _subscriptions.size(); }

private:
    using Text = Poco::Nullable<std::string>;
    using Id = Poco::Nullable<Poco::Int64>;
    struct Account {
        Poco::Int64 id = 0, organization = 0;
        std::string kind;
        Id parent;
        std::string name;
        Text tenant, mpn, domain, first, last, email, phone, line1, line2, line3, city, state,
            postal, country;
        Id responsible;
        std::string createdAt;
        Text createdBy;
    };
    struct Subscription {
        Poco::Int64 id = 0, account = 0;
        std::string msId;
        Poco::Int64 product = 0;
        Id plan, parent;
        std::string name;
        Poco::Int64 quantity = 0;
        std::string status, cycle, term;
        Text start, end;
        Poco::Int64 autoRenew = 0;
        Text reseller, periodStart, periodEnd, nextBilling;
        std::string createdAt;
        Text createdBy;
    };

    bss::sdk::Database& _database;
    std::vector<Account> _accounts;
    std::vector<Subscription> _subscriptions;
};

} // namespace ict::bench
