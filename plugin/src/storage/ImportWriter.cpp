#include "storage/ImportWriter.h"

#include "storage/ImportOutcomeJson.h"
#include "storage/SqlText.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>
#include <Poco/Nullable.h>

#include <map>

using namespace Poco::Data::Keywords;

namespace ict::storage {
namespace {

using namespace ict::domain;
using Text = Poco::Nullable<std::string>;

Text nullIfEmpty(const std::string& text) {
    return text.empty() ? Text() : Text(text);
}

Text dateOrNull(const std::optional<CivilDate>& date) {
    return date ? Text(date->format()) : Text();
}

/// Id and creator of a row found by a unique key; empty when there is none.
struct FoundRow {
    Poco::Int64 id = 0;
    std::string createdBy;
};

std::optional<FoundRow> readRow(Poco::Data::Statement& select) {
    select.execute();
    Poco::Data::RecordSet rows(select);
    if (rows.rowCount() == 0)
        return std::nullopt;
    FoundRow row;
    row.id = rows.value(0, 0).convert<Poco::Int64>();
    if (!rows.value(1, 0).isEmpty())
        row.createdBy = rows.value(1, 0).convert<std::string>();
    return row;
}

class TenantWrite {
public:
    TenantWrite(Poco::Data::Session& session, bss::sdk::SqlDialect dialect,
                const ImportRunStamp& stamp)
        : _session(session), _dialect(dialect), _stamp(stamp) {}

    /// The reseller account of `mpnId`, created (in its own transaction, so a concurrent
    /// creator's row is simply found) when missing.
    Poco::Int64 ensureReseller(const ResellerAction& action) {
        if (action.kind == ResellerActionKind::UseExistingReseller)
            return action.existingAccountId;
        Poco::Int64 org = _stamp.organizationId;
        std::string mpn = action.mpnId, name = action.name, at = _stamp.at, run = _stamp.runId;
        {
            Poco::Data::Transaction transaction(_session);
            _session << forDialect(_dialect,
                                   "INSERT INTO accounts (organization_id, kind, name, mpn_id,"
                                   " created_at, created_by_import) VALUES (?, 'reseller', ?, ?,"
                                   " ?, ?) ON CONFLICT DO NOTHING"),
                use(org), use(name), use(mpn), use(at), use(run), now;
            transaction.commit();
        }
        Poco::Data::Statement select(_session);
        select << forDialect(_dialect, "SELECT id, created_by_import FROM accounts WHERE"
                                       " organization_id = ? AND kind = 'reseller' AND"
                                       " mpn_id = ?"),
            use(org), use(mpn);
        const std::optional<FoundRow> found = readRow(select);
        if (!found)
            throw Poco::DataException("reseller account of MPN id " + mpn + " was not created");
        return found->id;
    }

    /// Inserts the customer account unless one with the tenant id exists; tells which it was.
    FoundRow ensureAccount(const NewAccount& account, std::optional<Poco::Int64> parent) {
        Poco::Int64 org = _stamp.organizationId, user = _stamp.userId;
        Poco::Nullable<Poco::Int64> parentId;
        if (parent)
            parentId = *parent;
        std::string name = account.name, tenant = account.externalMsTenantId, at = _stamp.at,
                    run = _stamp.runId;
        Text domain = nullIfEmpty(account.primaryDomain),
             first = nullIfEmpty(account.contactFirstName),
             last = nullIfEmpty(account.contactLastName), email = nullIfEmpty(account.contactEmail),
             phone = nullIfEmpty(account.contactPhone), line1 = nullIfEmpty(account.addressLine1),
             line2 = nullIfEmpty(account.addressLine2), line3 = nullIfEmpty(account.addressLine3),
             city = nullIfEmpty(account.city), state = nullIfEmpty(account.state),
             postal = nullIfEmpty(account.postalCode), country = nullIfEmpty(account.country);
        _session << forDialect(
            _dialect, "INSERT INTO accounts (organization_id, kind, parent_account_id, name,"
                      " external_ms_tenant_id, primary_domain, contact_first_name,"
                      " contact_last_name, contact_email, contact_phone, address_line1,"
                      " address_line2, address_line3, city, state, postal_code, country,"
                      " responsible_user_id, created_at, created_by_import) VALUES (?, 'customer',"
                      " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO"
                      " NOTHING"),
            use(org), use(parentId), use(name), use(tenant), use(domain), use(first), use(last),
            use(email), use(phone), use(line1), use(line2), use(line3), use(city), use(state),
            use(postal), use(country), use(user), use(at), use(run), now;
        return *accountByTenant(tenant);
    }

    std::optional<FoundRow> accountByTenant(const std::string& tenantId) {
        Poco::Int64 org = _stamp.organizationId;
        std::string tenant = tenantId;
        Poco::Data::Statement select(_session);
        select << forDialect(_dialect, "SELECT id, created_by_import FROM accounts WHERE"
                                       " organization_id = ? AND external_ms_tenant_id = ?"),
            use(org), use(tenant);
        return readRow(select);
    }

    std::optional<FoundRow> subscription(Poco::Int64 accountId, const std::string& msId) {
        Poco::Int64 account = accountId;
        std::string id = msId;
        Poco::Data::Statement select(_session);
        select << forDialect(_dialect, "SELECT id, created_by_import FROM subscriptions WHERE"
                                       " account_id = ? AND external_ms_subscription_id = ?"),
            use(account), use(id);
        return readRow(select);
    }

    FoundRow insertSubscription(Poco::Int64 accountId, const SubscriptionAction& action,
                                std::optional<Poco::Int64> parent) {
        Poco::Int64 account = accountId, product = action.productId, quantity = action.quantity;
        Poco::Nullable<Poco::Int64> plan, parentId;
        if (action.billingPlanId != 0)
            plan = action.billingPlanId;
        if (parent)
            parentId = *parent;
        std::string msId = action.msSubscriptionId, name = action.name, status = action.status,
                    cycle = action.billingCycle, term = action.termDuration, at = _stamp.at,
                    run = _stamp.runId;
        Text start = nullIfEmpty(action.startDate), end = nullIfEmpty(action.commitmentEndDate),
             reseller = nullIfEmpty(action.resellerMpnId), periodStart, periodEnd, nextBilling;
        if (action.billing) {
            periodStart = dateOrNull(action.billing->currentPeriodStart);
            periodEnd = dateOrNull(action.billing->currentPeriodEnd);
            nextBilling = dateOrNull(action.billing->nextBillingDate);
        }
        int autoRenew = action.autoRenew ? 1 : 0;
        _session << forDialect(
            _dialect, "INSERT INTO subscriptions (account_id, external_ms_subscription_id,"
                      " product_id, billing_plan_id, parent_subscription_id, name, quantity,"
                      " status, billing_cycle, term_duration, start_date, commitment_end_date,"
                      " auto_renew, reseller_mpn_id, current_period_start, current_period_end,"
                      " next_billing_date, created_at, created_by_import) VALUES (?, ?, ?, ?,"
                      " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
            use(account), use(msId), use(product), use(plan), use(parentId), use(name),
            use(quantity), use(status), use(cycle), use(term), use(start), use(end), use(autoRenew),
            use(reseller), use(periodStart), use(periodEnd), use(nextBilling), use(at), use(run),
            now;
        return *subscription(accountId, msId);
    }

    void recordResult(const TenantOutcome& outcome, std::size_t position) {
        std::string run = _stamp.runId, tenant = outcome.tenantId, reseller = outcome.resellerMpnId,
                    json = stringify(*tenantOutcomeToJson(outcome));
        Poco::Int64 pos = static_cast<Poco::Int64>(position);
        _session << forDialect(_dialect, "INSERT INTO ict_import_results VALUES (?, ?, ?, ?, ?)"),
            use(run), use(pos), use(tenant), use(reseller), use(json), now;
    }

private:
    Poco::Data::Session& _session;
    bss::sdk::SqlDialect _dialect;
    const ImportRunStamp& _stamp;
};

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
    outcome.billingCycle = action.billingCycle;
    outcome.termDuration = action.termDuration;
    return outcome;
}

/// The outcome of a tenant whose transaction could not be committed: nothing was written.
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

} // namespace

ImportWriter::ImportWriter(bss::sdk::Database& database) : _database(database) {}

void ImportWriter::recordOnly(const ImportRunStamp& stamp, const TenantOutcome& outcome,
                              std::size_t position) {
    Poco::Data::Session session = _database.session();
    TenantWrite write(session, _database.dialect(), stamp);
    write.recordResult(outcome, position);
}

TenantOutcome ImportWriter::write(const ImportRunStamp& stamp, const TenantPlan& plan,
                                  std::size_t position) {
    Poco::Data::Session session = _database.session();
    TenantWrite write(session, _database.dialect(), stamp);
    if (!plan.tenantProblem.empty()) {
        TenantOutcome outcome = failedOutcome(plan, plan.tenantProblem);
        write.recordResult(outcome, position);
        return outcome;
    }
    try {
        std::optional<Poco::Int64> resellerAccount;
        if (plan.reseller.kind == ResellerActionKind::UseExistingReseller ||
            plan.reseller.kind == ResellerActionKind::CreateReseller)
            resellerAccount = write.ensureReseller(plan.reseller);

        Poco::Data::Transaction transaction(session);
        TenantOutcome outcome = baseOutcome(plan);
        Poco::Int64 accountId = 0;
        if (plan.account.kind == AccountActionKind::CreateAccount) {
            const FoundRow account = write.ensureAccount(plan.account.account, resellerAccount);
            accountId = account.id;
            const bool created = account.createdBy == stamp.runId;
            outcome.account = created ? AccountOutcomeKind::Created : AccountOutcomeKind::Existing;
            outcome.contactCreated = created;
        } else {
            accountId = plan.account.existingAccountId;
            outcome.account = AccountOutcomeKind::Existing;
        }
        outcome.bssAccountId = accountId;
        const SubscriptionOutcomeKind written = outcome.account == AccountOutcomeKind::Created
                                                    ? SubscriptionOutcomeKind::Created
                                                    : SubscriptionOutcomeKind::Added;

        std::map<std::string, Poco::Int64> writtenIds;
        for (const SubscriptionAction& action : plan.subscriptions) {
            if (action.kind == SubscriptionActionKind::Skip) {
                outcome.subscriptions.push_back(
                    subscriptionOutcome(action, SubscriptionOutcomeKind::Skipped, action.reason));
                continue;
            }
            if (action.kind != SubscriptionActionKind::Create) {
                outcome.subscriptions.push_back(
                    subscriptionOutcome(action, SubscriptionOutcomeKind::Failed, action.reason));
                continue;
            }
            std::optional<Poco::Int64> parent;
            if (!action.parentMsSubscriptionId.empty()) {
                auto base = writtenIds.find(action.parentMsSubscriptionId);
                if (base != writtenIds.end()) {
                    parent = base->second;
                } else if (auto existing =
                               write.subscription(accountId, action.parentMsSubscriptionId)) {
                    parent = existing->id;
                } else {
                    outcome.subscriptions.push_back(subscriptionOutcome(
                        action, SubscriptionOutcomeKind::Failed,
                        "Add-on whose base subscription " + action.parentMsSubscriptionId +
                            " is not in the BSS."));
                    continue;
                }
            }
            const FoundRow row = write.insertSubscription(accountId, action, parent);
            writtenIds[action.msSubscriptionId] = row.id;
            if (row.createdBy != stamp.runId) {
                outcome.subscriptions.push_back(
                    subscriptionOutcome(action, SubscriptionOutcomeKind::Skipped,
                                        "Already in the BSS; existing subscriptions are never "
                                        "changed."));
                continue;
            }
            SubscriptionOutcome done = subscriptionOutcome(action, written, "");
            done.bssSubscriptionId = row.id;
            done.billing = action.billing;
            outcome.subscriptions.push_back(std::move(done));
        }
        write.recordResult(outcome, position);
        transaction.commit();
        return outcome;
    } catch (const Poco::Exception& e) {
        TenantOutcome outcome =
            failedOutcome(plan, "Not imported: the database refused it (" + e.displayText() + ").");
        write.recordResult(outcome, position);
        return outcome;
    }
}

} // namespace ict::storage
