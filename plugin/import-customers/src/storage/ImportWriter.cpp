#include "storage/ImportWriter.h"

#include "storage/ImportOutcomeJson.h"
#include "storage/SqlText.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>
#include <Poco/Nullable.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

using namespace Poco::Data::Keywords;

namespace ict::storage {
namespace {

using namespace ict::domain;
using Text = Poco::Nullable<std::string>;
using Id = Poco::Int64;

/// Rows per multi-row INSERT: 500 subscription rows are 9,500 bound values, well under SQLite's
/// limit (32,766 on Debian 12) and PostgreSQL's (65,535).
constexpr std::size_t kRowsPerInsert = 500;
/// Keys per IN list of a read-back.
constexpr std::size_t kKeysPerSelect = 500;

Text nullIfEmpty(const std::string& text) {
    return text.empty() ? Text() : Text(text);
}

Text dateOrNull(const std::optional<CivilDate>& date) {
    return date ? Text(date->format()) : Text();
}

/// Id and creator of a row found by a unique key.
struct FoundRow {
    Id id = 0;
    std::string createdBy;
};

// The bound values of one row each (bound by reference: a vector of them is filled before any
// statement binds it and never resized after).
struct ResellerRecord {
    Id org = 0;
    std::string kind = "reseller", name, mpn, at, run;
};

struct AccountRecord {
    Id org = 0;
    std::string kind = "customer";
    Poco::Nullable<Id> parent;
    std::string name, tenant;
    Text domain, first, last, email, phone, line1, line2, line3, city, state, postal, country;
    Id user = 0;
    std::string at, run;
};

struct SubscriptionRecord {
    Id account = 0;
    std::string msId;
    Id product = 0;
    Poco::Nullable<Id> plan, parent;
    std::string name;
    Id quantity = 0;
    std::string status, cycle, term;
    Text start, end;
    int autoRenew = 0;
    Text reseller, periodStart, periodEnd, nextBilling;
    std::string at, run;
};

struct ResultRecord {
    std::string run;
    Id position = 0;
    std::string tenant, reseller, json;
};

/// INSERTs `records` as `head` + VALUES groups + `tail`, kRowsPerInsert rows per statement;
/// `bind` binds one record's `columns` values to a statement.
template <typename Record>
void insertRows(Poco::Data::Session& session, bss::sdk::SqlDialect dialect, const std::string& head,
                std::size_t columns, const std::string& tail, std::vector<Record>& records,
                const std::function<void(Poco::Data::Statement&, Record&)>& bind) {
    for (std::size_t begin = 0; begin < records.size(); begin += kRowsPerInsert) {
        const std::size_t end = std::min(records.size(), begin + kRowsPerInsert);
        Poco::Data::Statement insert(session);
        insert << forDialect(dialect, head + placeholderRows(columns, end - begin) + tail);
        for (std::size_t i = begin; i < end; ++i)
            bind(insert, records[i]);
        insert.execute();
    }
}

/// Runs `head` + "(?, ...)" with `leading` (when given) then `keys` bound, kKeysPerSelect keys per
/// statement; calls onRow for each row read.
template <typename Key>
void selectIn(Poco::Data::Session& session, bss::sdk::SqlDialect dialect, const std::string& head,
              Id* leading, std::vector<Key>& keys,
              const std::function<void(const Poco::Data::RecordSet&, std::size_t)>& onRow) {
    for (std::size_t begin = 0; begin < keys.size(); begin += kKeysPerSelect) {
        const std::size_t end = std::min(keys.size(), begin + kKeysPerSelect);
        Poco::Data::Statement select(session);
        select << forDialect(dialect, head + placeholderRows(end - begin, 1));
        if (leading)
            select, use(*leading);
        for (std::size_t i = begin; i < end; ++i)
            select, use(keys[i]);
        select.execute();
        const Poco::Data::RecordSet rows(select);
        for (std::size_t r = 0; r < rows.rowCount(); ++r)
            onRow(rows, r);
    }
}

std::string textOrEmpty(const Poco::Data::RecordSet& rows, std::size_t column, std::size_t row) {
    return rows.value(column, row).isEmpty() ? std::string()
                                             : rows.value(column, row).convert<std::string>();
}

TenantOutcome baseOutcome(const TenantPlan& plan) {
    TenantOutcome outcome;
    outcome.tenantId = plan.tenantId;
    outcome.companyName = plan.companyName;
    outcome.resellerMpnId = plan.seller.resellerMpnId;
    outcome.resellerName = plan.seller.resellerName;
    return outcome;
}

SubscriptionOutcome subscriptionOutcome(const SubscriptionAction& action,
                                        SubscriptionOutcomeKind kind, const std::string& reason) {
    SubscriptionOutcome outcome;
    outcome.msSubscriptionId = action.msSubscriptionId;
    outcome.name = action.name;
    outcome.kind = kind;
    outcome.reason = reason;
    outcome.azurePlan = action.skipReason == SkipReason::AzurePlan;
    outcome.billingCycle = action.billingCycle;
    outcome.termDuration = action.termDuration;
    return outcome;
}

/// The outcome of a tenant nothing was written for.
TenantOutcome failedOutcome(const TenantPlan& plan, const std::string& reason) {
    TenantOutcome outcome = baseOutcome(plan);
    outcome.account = AccountOutcomeKind::Failed;
    outcome.accountReason = reason;
    for (const SubscriptionAction& action : plan.subscriptions)
        outcome.subscriptions.push_back(subscriptionOutcome(
            action,
            action.kind == SubscriptionActionKind::Skip ? SubscriptionOutcomeKind::Skipped
                                                        : SubscriptionOutcomeKind::Failed,
            action.kind == SubscriptionActionKind::Skip ? action.reason : reason));
    return outcome;
}

/// Why nothing is written for `item`; empty when it is written.
const std::string& notWrittenReason(const ImportBatchItem& item) {
    return item.notWritten.empty() ? item.plan->tenantProblem : item.notWritten;
}

/// A subscription to create: tenant `item` of the batch, action `action` of its plan.
struct PendingSubscription {
    std::size_t item = 0;
    std::size_t action = 0;
    Id account = 0;
};

class BatchWrite {
public:
    BatchWrite(Poco::Data::Session& session, bss::sdk::SqlDialect dialect,
               const ImportRunStamp& stamp)
        : _session(session), _dialect(dialect), _stamp(stamp) {}

    /// Writes `items`, the reseller accounts they go under and their result rows in one
    /// transaction; throws Poco::Exception with everything of the batch rolled back (a reseller
    /// account is never left without the end customer it was created for).
    std::vector<TenantOutcome> write(const std::vector<ImportBatchItem>& items) {
        Poco::Data::Transaction transaction(_session);
        const std::map<std::string, Id> resellers = ensureResellers(items);
        std::vector<TenantOutcome> outcomes;
        std::vector<Id> accountIds = writeAccounts(items, resellers, outcomes);
        writeSubscriptions(items, accountIds, outcomes);
        recordResults(items, outcomes);
        transaction.commit();
        return outcomes;
    }

    void recordResults(const std::vector<ImportBatchItem>& items,
                       const std::vector<TenantOutcome>& outcomes) {
        std::vector<ResultRecord> records;
        records.reserve(items.size());
        for (std::size_t i = 0; i < items.size(); ++i)
            records.push_back({_stamp.runId, static_cast<Id>(items[i].position),
                               outcomes[i].tenantId, outcomes[i].resellerMpnId,
                               stringify(*tenantOutcomeToJson(outcomes[i]))});
        insertRows<ResultRecord>(_session, _dialect, "INSERT INTO ict_import_results VALUES ", 5,
                                 "", records, [](Poco::Data::Statement& insert, ResultRecord& r) {
                                     insert, use(r.run), use(r.position), use(r.tenant),
                                         use(r.reseller), use(r.json);
                                 });
    }

private:
    /// The reseller accounts the written tenants go under, by MPN id: those the plans found,
    /// and those they create (or find, when another run created them since).
    std::map<std::string, Id> ensureResellers(const std::vector<ImportBatchItem>& items) {
        std::map<std::string, Id> byMpn;
        std::vector<ResellerRecord> records;
        std::set<std::string> missing;
        for (const ImportBatchItem& item : items) {
            const ResellerAction& action = item.plan->reseller;
            if (!notWrittenReason(item).empty())
                continue;
            if (action.kind == ResellerActionKind::UseExistingReseller)
                byMpn[action.mpnId] = action.existingAccountId;
            else if (action.kind == ResellerActionKind::CreateReseller &&
                     missing.insert(action.mpnId).second)
                records.push_back({_stamp.organizationId, "reseller", action.name, action.mpnId,
                                   _stamp.at, _stamp.runId});
        }
        if (records.empty())
            return byMpn;
        insertRows<ResellerRecord>(
            _session, _dialect,
            "INSERT INTO accounts (organization_id, kind, name, mpn_id, created_at,"
            " created_by_import) VALUES ",
            6, " ON CONFLICT DO NOTHING", records,
            [](Poco::Data::Statement& insert, ResellerRecord& r) {
                insert, use(r.org), use(r.kind), use(r.name), use(r.mpn), use(r.at), use(r.run);
            });
        std::vector<std::string> mpns(missing.begin(), missing.end());
        Id org = _stamp.organizationId;
        selectIn<std::string>(_session, _dialect,
                              "SELECT id, mpn_id FROM accounts WHERE organization_id = ? AND"
                              " kind = 'reseller' AND mpn_id IN ",
                              &org, mpns, [&](const Poco::Data::RecordSet& rows, std::size_t r) {
                                  if (missing.erase(rows.value(1, r).convert<std::string>()))
                                      byMpn[rows.value(1, r).convert<std::string>()] =
                                          rows.value(0, r).convert<Id>();
                              });
        if (!missing.empty())
            throw Poco::DataException("reseller account of MPN id " + *missing.begin() +
                                      " was not created");
        return byMpn;
    }

    /// Inserts the customer accounts the batch creates (unless one with the tenant id exists)
    /// and starts each tenant's outcome; returns each tenant's account id (0 when not written).
    std::vector<Id> writeAccounts(const std::vector<ImportBatchItem>& items,
                                  const std::map<std::string, Id>& resellers,
                                  std::vector<TenantOutcome>& outcomes) {
        std::vector<AccountRecord> records;
        records.reserve(items.size());
        for (const ImportBatchItem& item : items) {
            const TenantPlan& plan = *item.plan;
            if (!notWrittenReason(item).empty() ||
                plan.account.kind != AccountActionKind::CreateAccount)
                continue;
            const NewAccount& a = plan.account.account;
            AccountRecord record;
            record.org = _stamp.organizationId;
            if (plan.reseller.kind == ResellerActionKind::UseExistingReseller ||
                plan.reseller.kind == ResellerActionKind::CreateReseller)
                record.parent = resellers.at(plan.reseller.mpnId);
            record.name = a.name;
            record.tenant = a.externalMsTenantId;
            record.domain = nullIfEmpty(a.primaryDomain);
            record.first = nullIfEmpty(a.contactFirstName);
            record.last = nullIfEmpty(a.contactLastName);
            record.email = nullIfEmpty(a.contactEmail);
            record.phone = nullIfEmpty(a.contactPhone);
            record.line1 = nullIfEmpty(a.addressLine1);
            record.line2 = nullIfEmpty(a.addressLine2);
            record.line3 = nullIfEmpty(a.addressLine3);
            record.city = nullIfEmpty(a.city);
            record.state = nullIfEmpty(a.state);
            record.postal = nullIfEmpty(a.postalCode);
            record.country = nullIfEmpty(a.country);
            record.user = _stamp.userId;
            record.at = _stamp.at;
            record.run = _stamp.runId;
            records.push_back(std::move(record));
        }
        insertRows<AccountRecord>(
            _session, _dialect,
            "INSERT INTO accounts (organization_id, kind, parent_account_id, name,"
            " external_ms_tenant_id, primary_domain, contact_first_name, contact_last_name,"
            " contact_email, contact_phone, address_line1, address_line2, address_line3, city,"
            " state, postal_code, country, responsible_user_id, created_at, created_by_import)"
            " VALUES ",
            20, " ON CONFLICT DO NOTHING", records,
            [](Poco::Data::Statement& insert, AccountRecord& r) {
                insert, use(r.org), use(r.kind), use(r.parent), use(r.name), use(r.tenant),
                    use(r.domain), use(r.first), use(r.last), use(r.email), use(r.phone),
                    use(r.line1), use(r.line2), use(r.line3), use(r.city), use(r.state),
                    use(r.postal), use(r.country), use(r.user), use(r.at), use(r.run);
            });

        std::map<std::string, FoundRow> byTenant;
        std::vector<std::string> tenants;
        for (const AccountRecord& record : records)
            tenants.push_back(record.tenant);
        Id org = _stamp.organizationId;
        selectIn<std::string>(
            _session, _dialect,
            "SELECT id, external_ms_tenant_id, created_by_import FROM accounts WHERE"
            " organization_id = ? AND external_ms_tenant_id IN ",
            &org, tenants, [&](const Poco::Data::RecordSet& rows, std::size_t r) {
                byTenant[rows.value(1, r).convert<std::string>()] = {rows.value(0, r).convert<Id>(),
                                                                     textOrEmpty(rows, 2, r)};
            });

        std::vector<Id> accountIds;
        for (const ImportBatchItem& item : items) {
            const TenantPlan& plan = *item.plan;
            if (!notWrittenReason(item).empty()) {
                outcomes.push_back(failedOutcome(plan, notWrittenReason(item)));
                accountIds.push_back(0);
                continue;
            }
            TenantOutcome outcome = baseOutcome(plan);
            if (plan.account.kind == AccountActionKind::CreateAccount) {
                auto found = byTenant.find(plan.account.account.externalMsTenantId);
                if (found == byTenant.end())
                    throw Poco::DataException("the account of tenant " + plan.tenantId +
                                              " was not created");
                const bool created = found->second.createdBy == _stamp.runId;
                outcome.bssAccountId = found->second.id;
                outcome.account =
                    created ? AccountOutcomeKind::Created : AccountOutcomeKind::Existing;
                outcome.contactCreated = created;
            } else {
                outcome.bssAccountId = plan.account.existingAccountId;
                outcome.account = AccountOutcomeKind::Existing;
            }
            accountIds.push_back(outcome.bssAccountId);
            outcomes.push_back(std::move(outcome));
        }
        return accountIds;
    }

    /// Inserts the subscriptions the batch creates, bases before add-ons (an add-on's row links
    /// to its base's, written in this batch or already in the BSS), and completes the outcomes
    /// in each plan's order.
    void writeSubscriptions(const std::vector<ImportBatchItem>& items,
                            const std::vector<Id>& accountIds,
                            std::vector<TenantOutcome>& outcomes) {
        std::vector<PendingSubscription> pending;
        std::set<Id> accounts;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (!notWrittenReason(items[i]).empty())
                continue;
            const std::vector<SubscriptionAction>& actions = items[i].plan->subscriptions;
            for (std::size_t a = 0; a < actions.size(); ++a)
                if (actions[a].kind == SubscriptionActionKind::Create) {
                    pending.push_back({i, a, accountIds[i]});
                    accounts.insert(accountIds[i]);
                }
        }
        // Rounds: insert what has no base or a base with a known row, read the rows back, and
        // again, until nothing more can be inserted. What is left has no base in the BSS.
        bool stale = true;
        while (!pending.empty()) {
            std::vector<PendingSubscription> ready, waiting;
            for (const PendingSubscription& p : pending) {
                const std::string& base = action(items, p).parentMsSubscriptionId;
                (base.empty() || _rows.count({p.account, base}) ? ready : waiting).push_back(p);
            }
            if (ready.empty()) {
                if (!stale)
                    break;
                readSubscriptions(accounts);
                stale = false;
                continue;
            }
            insertSubscriptions(items, ready);
            stale = true;
            pending = std::move(waiting);
        }
        if (stale)
            readSubscriptions(accounts);
        std::set<std::pair<std::size_t, std::size_t>> baseMissing;
        for (const PendingSubscription& p : pending)
            baseMissing.insert({p.item, p.action});

        for (std::size_t i = 0; i < items.size(); ++i) {
            if (!notWrittenReason(items[i]).empty())
                continue;
            TenantOutcome& outcome = outcomes[i];
            const SubscriptionOutcomeKind written = outcome.account == AccountOutcomeKind::Created
                                                        ? SubscriptionOutcomeKind::Created
                                                        : SubscriptionOutcomeKind::Added;
            const std::vector<SubscriptionAction>& actions = items[i].plan->subscriptions;
            for (std::size_t a = 0; a < actions.size(); ++a)
                outcome.subscriptions.push_back(subscriptionResult(
                    actions[a], accountIds[i], written, baseMissing.count({i, a})));
        }
    }

    SubscriptionOutcome subscriptionResult(const SubscriptionAction& action, Id account,
                                           SubscriptionOutcomeKind written, bool baseMissing) {
        if (action.kind == SubscriptionActionKind::Skip)
            return subscriptionOutcome(action, SubscriptionOutcomeKind::Skipped, action.reason);
        if (action.kind != SubscriptionActionKind::Create)
            return subscriptionOutcome(action, SubscriptionOutcomeKind::Failed, action.reason);
        if (baseMissing)
            return subscriptionOutcome(action, SubscriptionOutcomeKind::Failed,
                                       "Add-on whose base subscription " +
                                           action.parentMsSubscriptionId + " is not in the BSS.");
        auto row = _rows.find({account, action.msSubscriptionId});
        if (row == _rows.end())
            throw Poco::DataException("subscription " + action.msSubscriptionId +
                                      " was not created");
        if (row->second.createdBy != _stamp.runId)
            return subscriptionOutcome(action, SubscriptionOutcomeKind::Skipped,
                                       "Already in the BSS; existing subscriptions are never "
                                       "changed.");
        SubscriptionOutcome done = subscriptionOutcome(action, written, "");
        done.bssSubscriptionId = row->second.id;
        done.billing = action.billing;
        return done;
    }

    static const SubscriptionAction& action(const std::vector<ImportBatchItem>& items,
                                            const PendingSubscription& p) {
        return items[p.item].plan->subscriptions[p.action];
    }

    void insertSubscriptions(const std::vector<ImportBatchItem>& items,
                             const std::vector<PendingSubscription>& ready) {
        std::vector<SubscriptionRecord> records;
        records.reserve(ready.size());
        for (const PendingSubscription& p : ready) {
            const SubscriptionAction& a = action(items, p);
            SubscriptionRecord record;
            record.account = p.account;
            record.msId = a.msSubscriptionId;
            record.product = a.productId;
            if (a.billingPlanId != 0)
                record.plan = a.billingPlanId;
            if (!a.parentMsSubscriptionId.empty())
                record.parent = _rows.at({p.account, a.parentMsSubscriptionId}).id;
            record.name = a.name;
            record.quantity = a.quantity;
            record.status = a.status;
            record.cycle = a.billingCycle;
            record.term = a.termDuration;
            record.start = nullIfEmpty(a.startDate);
            record.end = nullIfEmpty(a.commitmentEndDate);
            record.autoRenew = a.autoRenew ? 1 : 0;
            record.reseller = nullIfEmpty(a.resellerMpnId);
            if (a.billing) {
                record.periodStart = dateOrNull(a.billing->currentPeriodStart);
                record.periodEnd = dateOrNull(a.billing->currentPeriodEnd);
                record.nextBilling = dateOrNull(a.billing->nextBillingDate);
            }
            record.at = _stamp.at;
            record.run = _stamp.runId;
            records.push_back(std::move(record));
        }
        insertRows<SubscriptionRecord>(
            _session, _dialect,
            "INSERT INTO subscriptions (account_id, external_ms_subscription_id, product_id,"
            " billing_plan_id, parent_subscription_id, name, quantity, status, billing_cycle,"
            " term_duration, start_date, commitment_end_date, auto_renew, reseller_mpn_id,"
            " current_period_start, current_period_end, next_billing_date, created_at,"
            " created_by_import) VALUES ",
            19, " ON CONFLICT DO NOTHING", records,
            [](Poco::Data::Statement& insert, SubscriptionRecord& r) {
                insert, use(r.account), use(r.msId), use(r.product), use(r.plan), use(r.parent),
                    use(r.name), use(r.quantity), use(r.status), use(r.cycle), use(r.term),
                    use(r.start), use(r.end), use(r.autoRenew), use(r.reseller), use(r.periodStart),
                    use(r.periodEnd), use(r.nextBilling), use(r.at), use(r.run);
            });
    }

    /// Every subscription row of `accounts` (those this batch wrote and those already there),
    /// by account and Microsoft id.
    void readSubscriptions(const std::set<Id>& accounts) {
        std::vector<Id> ids(accounts.begin(), accounts.end());
        selectIn<Id>(
            _session, _dialect,
            "SELECT id, account_id, external_ms_subscription_id, created_by_import FROM"
            " subscriptions WHERE account_id IN ",
            nullptr, ids, [&](const Poco::Data::RecordSet& rows, std::size_t r) {
                _rows[{rows.value(1, r).convert<Id>(), rows.value(2, r).convert<std::string>()}] = {
                    rows.value(0, r).convert<Id>(), textOrEmpty(rows, 3, r)};
            });
    }

    Poco::Data::Session& _session;
    bss::sdk::SqlDialect _dialect;
    const ImportRunStamp& _stamp;
    /// Subscription rows read back, by account id and Microsoft subscription id.
    std::map<std::pair<Id, std::string>, FoundRow> _rows;
};

} // namespace

ImportWriter::ImportWriter(bss::sdk::Database& database) : _database(database) {}

std::vector<TenantOutcome> ImportWriter::writeBatch(const ImportRunStamp& stamp,
                                                    const std::vector<ImportBatchItem>& items) {
    Poco::Data::Session session = _database.session();
    if (items.size() > 1) {
        try {
            return BatchWrite(session, _database.dialect(), stamp).write(items);
        } catch (const Poco::Exception&) {
            // The database refused one of the tenants (everything of the batch is rolled back):
            // write them again one transaction each, so only that one fails.
        }
    }
    std::vector<TenantOutcome> outcomes;
    for (const ImportBatchItem& item : items) {
        const std::vector<ImportBatchItem> one{item};
        BatchWrite write(session, _database.dialect(), stamp);
        try {
            outcomes.push_back(write.write(one).front());
        } catch (const Poco::Exception& e) {
            outcomes.push_back(failedOutcome(*item.plan, "Not imported: the database refused it (" +
                                                             e.displayText() + ")."));
            write.recordResults(one, {outcomes.back()});
        }
    }
    return outcomes;
}

} // namespace ict::storage
