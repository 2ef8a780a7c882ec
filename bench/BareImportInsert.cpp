#include "BareImportInsert.h"

#include "storage/SqlText.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace ict::bench {
namespace {

const char* const kAccountColumns =
    "id, organization_id, kind, parent_account_id, name, external_ms_tenant_id, mpn_id,"
    " primary_domain, contact_first_name, contact_last_name, contact_email, contact_phone,"
    " address_line1, address_line2, address_line3, city, state, postal_code, country,"
    " responsible_user_id, created_at, created_by_import";
const char* const kSubscriptionColumns =
    "id, account_id, external_ms_subscription_id, product_id, billing_plan_id,"
    " parent_subscription_id, name, quantity, status, billing_cycle, term_duration, start_date,"
    " commitment_end_date, auto_renew, reseller_mpn_id, current_period_start, current_period_end,"
    " next_billing_date, created_at, created_by_import";

Poco::Nullable<std::string> text(const Poco::Data::RecordSet& rows, std::size_t c, std::size_t r) {
    return rows.value(c, r).isEmpty() ? Poco::Nullable<std::string>()
                                      : Poco::Nullable<std::string>(
                                            rows.value(c, r).convert<std::string>());
}

Poco::Nullable<Poco::Int64> id(const Poco::Data::RecordSet& rows, std::size_t c, std::size_t r) {
    return rows.value(c, r).isEmpty() ? Poco::Nullable<Poco::Int64>()
                                      : Poco::Nullable<Poco::Int64>(
                                            rows.value(c, r).convert<Poco::Int64>());
}

std::string marks(int count) {
    std::string list = "(?";
    for (int i = 1; i < count; ++i)
        list += ", ?";
    return list + ")";
}

} // namespace

BareImportInsert::BareImportInsert(bss::sdk::Database& database, const std::string& runId)
    : _database(database) {
    Poco::Data::Session session = database.session();
    std::string run = runId;
    {
        Poco::Data::Statement select(session);
        select << storage::forDialect(database.dialect(),
                                      std::string("SELECT ") + kAccountColumns +
                                          " FROM accounts WHERE created_by_import = ? ORDER BY id"),
            use(run), now;
        Poco::Data::RecordSet rows(select);
        for (std::size_t r = 0; r < rows.rowCount(); ++r) {
            Account a;
            a.id = rows.value(0, r).convert<Poco::Int64>();
            a.organization = rows.value(1, r).convert<Poco::Int64>();
            a.kind = rows.value(2, r).convert<std::string>();
            a.parent = id(rows, 3, r);
            a.name = rows.value(4, r).convert<std::string>();
            Text* fields[] = {&a.tenant, &a.mpn,   &a.domain, &a.first,  &a.last,
                              &a.email,  &a.phone, &a.line1,  &a.line2,  &a.line3,
                              &a.city,   &a.state, &a.postal, &a.country};
            for (std::size_t f = 0; f < 14; ++f)
                *fields[f] = text(rows, 5 + f, r);
            a.responsible = id(rows, 19, r);
            a.createdAt = rows.value(20, r).convert<std::string>();
            a.createdBy = text(rows, 21, r);
            _accounts.push_back(std::move(a));
        }
    }
    Poco::Data::Statement select(session);
    select << storage::forDialect(database.dialect(),
                                  std::string("SELECT ") + kSubscriptionColumns +
                                      " FROM subscriptions WHERE created_by_import = ? ORDER BY id"),
        use(run), now;
    Poco::Data::RecordSet rows(select);
    for (std::size_t r = 0; r < rows.rowCount(); ++r) {
        Subscription s;
        s.id = rows.value(0, r).convert<Poco::Int64>();
        s.account = rows.value(1, r).convert<Poco::Int64>();
        s.msId = rows.value(2, r).convert<std::string>();
        s.product = rows.value(3, r).convert<Poco::Int64>();
        s.plan = id(rows, 4, r);
        s.parent = id(rows, 5, r);
        s.name = rows.value(6, r).convert<std::string>();
        s.quantity = rows.value(7, r).convert<Poco::Int64>();
        s.status = rows.value(8, r).convert<std::string>();
        s.cycle = rows.value(9, r).convert<std::string>();
        s.term = rows.value(10, r).convert<std::string>();
        s.start = text(rows, 11, r);
        s.end = text(rows, 12, r);
        s.autoRenew = rows.value(13, r).convert<Poco::Int64>();
        s.reseller = text(rows, 14, r);
        s.periodStart = text(rows, 15, r);
        s.periodEnd = text(rows, 16, r);
        s.nextBilling = text(rows, 17, r);
        s.createdAt = rows.value(18, r).convert<std::string>();
        s.createdBy = text(rows, 19, r);
        _subscriptions.push_back(std::move(s));
    }
}

void BareImportInsert::prepareTables() {
    Poco::Data::Session session = _database.session();
    for (const char* statement :
         {"DROP TABLE IF EXISTS bench_subscriptions", "DROP TABLE IF EXISTS bench_accounts",
          "CREATE TABLE bench_accounts AS SELECT * FROM accounts WHERE 1 = 0",
          "CREATE TABLE bench_subscriptions AS SELECT * FROM subscriptions WHERE 1 = 0",
          // The host schema's keys and indexes, which an import maintains as it writes.
          "CREATE UNIQUE INDEX bench_accounts_id ON bench_accounts (id)",
          "CREATE UNIQUE INDEX bench_accounts_ms_tenant ON bench_accounts"
          " (organization_id, external_ms_tenant_id)",
          "CREATE UNIQUE INDEX bench_accounts_reseller_mpn ON bench_accounts"
          " (organization_id, kind, mpn_id)",
          "CREATE INDEX bench_accounts_domain ON bench_accounts (organization_id, primary_domain)",
          "CREATE UNIQUE INDEX bench_subscriptions_id ON bench_subscriptions (id)",
          "CREATE UNIQUE INDEX bench_subscriptions_account ON bench_subscriptions"
          " (account_id, external_ms_subscription_id)",
          "CREATE INDEX bench_subscriptions_external ON bench_subscriptions"
          " (external_ms_subscription_id)"})
        session << statement, now;
}

std::size_t BareImportInsert::insert() {
    const bss::sdk::SqlDialect dialect = _database.dialect();
    Poco::Data::Session session = _database.session();
    Account a;
    Subscription s;
    session.begin();
    Poco::Data::Statement account(session);
    account << storage::forDialect(dialect, std::string("INSERT INTO bench_accounts (") +
                                                kAccountColumns + ") VALUES " + marks(22)),
        use(a.id), use(a.organization), use(a.kind), use(a.parent), use(a.name), use(a.tenant),
        use(a.mpn), use(a.domain), use(a.first), use(a.last), use(a.email), use(a.phone),
        use(a.line1), use(a.line2), use(a.line3), use(a.city), use(a.state), use(a.postal),
        use(a.country), use(a.responsible), use(a.createdAt), use(a.createdBy);
    Poco::Data::Statement subscription(session);
    subscription << storage::forDialect(dialect, std::string("INSERT INTO bench_subscriptions (") +
                                                     kSubscriptionColumns + ") VALUES " +
                                                     marks(20)),
        use(s.id), use(s.account), use(s.msId), use(s.product), use(s.plan), use(s.parent),
        use(s.name), use(s.quantity), use(s.status), use(s.cycle), use(s.term), use(s.start),
        use(s.end), use(s.autoRenew), use(s.reseller), use(s.periodStart), use(s.periodEnd),
        use(s.nextBilling), use(s.createdAt), use(s.createdBy);
    for (const Account& values : _accounts) {
        a = values;
        account.execute();
    }
    for (const Subscription& values : _subscriptions) {
        s = values;
        subscription.execute();
    }
    session.commit();
    return _accounts.size() + _subscriptions.size();
}

} // namespace ict::bench
