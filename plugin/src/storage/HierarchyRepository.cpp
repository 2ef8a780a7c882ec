#include "storage/HierarchyRepository.h"

#include "domain/hierarchy/HierarchyOrder.h"
#include "domain/validation/AsciiText.h"
#include "storage/RelatedAccountsJson.h"
#include "storage/SqlText.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>

#include <algorithm>
#include <map>
#include <set>

using namespace Poco::Data::Keywords;

namespace ict::storage {
namespace {

using namespace ict::domain;

std::string kindsOf(const TenantRow& row) {
    std::set<std::string> kinds;
    for (const SubscriptionRow& sub : row.subscriptions)
        kinds.insert(subscriptionKindName(sub.subscription.kind));
    std::string joined = ",";
    for (const std::string& kind : kinds)
        joined += kind + ",";
    return joined;
}

/// Writes tenant, subscription and reseller rows through statements prepared once per save.
class RowWriter {
public:
    RowWriter(Poco::Data::Session& session, bss::sdk::SqlDialect dialect, const HierarchyKey& key)
        : _org(key.organizationId), _instance(key.instanceId), _tenant(session),
          _subscription(session), _reseller(session) {
        _tenant << forDialect(dialect,
                              "INSERT INTO ict_tenants VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                              " ?, ?, ?, ?, ?, ?, ?)"),
            use(_org), use(_instance), use(_t.tenantId), use(_t.resellerMpnId), use(_t.placement),
            use(_t.companyName), use(_t.companyNameKey), use(_t.primaryDomain), use(_t.status),
            use(_t.related), use(_t.needsConfirmation), use(_t.confirmationReason),
            use(_t.idMatched), use(_t.pcCount), use(_t.bssCount), use(_t.importable),
            use(_t.notImportableReason), use(_t.kinds), use(_t.fetchError);
        _subscription << forDialect(dialect, "INSERT INTO ict_subscriptions VALUES (?, ?, ?, ?, ?,"
                                             " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                             " ?, ?, ?)"),
            use(_org), use(_instance), use(_s.tenantId), use(_s.resellerMpnId), use(_s.id),
            use(_s.offerId), use(_s.offerName), use(_s.friendlyName), use(_s.productTypeId),
            use(_s.kind), use(_s.quantity), use(_s.unitType), use(_s.pcStatus),
            use(_s.billingCycle), use(_s.termDuration), use(_s.creationDate),
            use(_s.effectiveStartDate), use(_s.commitmentEndDate), use(_s.autoRenew),
            use(_s.parentSubscriptionId), use(_s.entitlementId), use(_s.importStatus),
            use(_s.reason), use(_s.reasonText), use(_s.position);
        _reseller << forDialect(dialect, "INSERT INTO ict_resellers VALUES (?, ?, ?, ?, ?, ?)"),
            use(_org), use(_instance), use(_r.mpnId), use(_r.tenantId), use(_r.name),
            use(_r.nameSource);
    }

    void tenant(const TenantRow& row) {
        _t.tenantId = row.tenantId;
        _t.resellerMpnId = row.resellerMpnId;
        _t.placement = tenantPlacementName(row.placement);
        _t.companyName = row.companyName;
        _t.companyNameKey = asciiLower(row.companyName);
        _t.primaryDomain = row.primaryDomain;
        _t.status = tenantStatusName(row.status);
        _t.related = relatedAccountsToJson(row.relatedAccounts);
        _t.needsConfirmation = row.needsConfirmation ? 1 : 0;
        _t.confirmationReason = row.confirmationReason;
        _t.idMatched = row.idMatchedAccountId;
        _t.pcCount = row.partnerCenterSubscriptionCount;
        _t.bssCount = row.bssSubscriptionCount;
        _t.importable = row.importable ? 1 : 0;
        _t.notImportableReason = row.notImportableReason;
        _t.kinds = kindsOf(row);
        _t.fetchError.clear();
        _tenant.execute();
        int position = 0;
        for (const SubscriptionRow& sub : row.subscriptions)
            subscription(row, sub, position++);
    }

    void failure(const TenantFetchError& failure) {
        _t = TenantRecord{};
        _t.tenantId = failure.tenantId;
        _t.placement = tenantPlacementName(TenantPlacement::Unset);
        _t.companyName = failure.companyName;
        _t.companyNameKey = asciiLower(failure.companyName);
        _t.primaryDomain = failure.primaryDomain;
        _t.status = tenantStatusName(TenantStatus::Unset);
        _t.related = "[]";
        _t.notImportableReason = "Partner Center could not be read for this tenant.";
        _t.kinds = ",";
        _t.fetchError = failure.message;
        _tenant.execute();
    }

    void reseller(const ResellerRow& row) {
        _r.mpnId = row.mpnId;
        _r.tenantId = row.tenantId;
        _r.name = row.name;
        _r.nameSource = resellerNameSourceName(row.nameSource);
        _reseller.execute();
    }

private:
    void subscription(const TenantRow& row, const SubscriptionRow& sub, int position) {
        const Subscription& s = sub.subscription;
        _s.tenantId = row.tenantId;
        _s.resellerMpnId = row.resellerMpnId;
        _s.id = s.id;
        _s.offerId = s.offerId;
        _s.offerName = s.offerName;
        _s.friendlyName = s.friendlyName;
        _s.productTypeId = s.productTypeId;
        _s.kind = subscriptionKindName(s.kind);
        _s.quantity = s.quantity;
        _s.unitType = s.unitType;
        _s.pcStatus = s.status;
        _s.billingCycle = s.billingCycle;
        _s.termDuration = s.termDuration;
        _s.creationDate = s.creationDate;
        _s.effectiveStartDate = s.effectiveStartDate;
        _s.commitmentEndDate = s.commitmentEndDate;
        _s.autoRenew = s.autoRenewEnabled ? 1 : 0;
        _s.parentSubscriptionId = s.parentSubscriptionId;
        _s.entitlementId = s.entitlementId;
        _s.importStatus = subscriptionStatusName(sub.status);
        _s.reason = notImportableReasonName(sub.reason);
        _s.reasonText = sub.reasonText;
        _s.position = position;
        _subscription.execute();
    }

    struct TenantRecord {
        std::string tenantId, resellerMpnId, placement, companyName, companyNameKey, primaryDomain,
            status, related;
        int needsConfirmation = 0;
        std::string confirmationReason;
        Poco::Int64 idMatched = 0, pcCount = 0, bssCount = 0;
        int importable = 0;
        std::string notImportableReason, kinds, fetchError;
    };
    struct SubscriptionRecord {
        std::string tenantId, resellerMpnId, id, offerId, offerName, friendlyName, productTypeId,
            kind;
        Poco::Int64 quantity = 0;
        std::string unitType, pcStatus, billingCycle, termDuration, creationDate,
            effectiveStartDate, commitmentEndDate;
        int autoRenew = 0;
        std::string parentSubscriptionId, entitlementId, importStatus, reason, reasonText;
        int position = 0;
    };
    struct ResellerRecord {
        std::string mpnId, tenantId, name, nameSource;
    };

    Poco::Int64 _org;
    Poco::Int64 _instance;
    TenantRecord _t;
    SubscriptionRecord _s;
    ResellerRecord _r;
    Poco::Data::Statement _tenant;
    Poco::Data::Statement _subscription;
    Poco::Data::Statement _reseller;
};

void writeHierarchy(RowWriter& writer, const Hierarchy& hierarchy,
                    const std::vector<TenantFetchError>& failures) {
    for (const TenantRow& row : hierarchy.directTenants)
        writer.tenant(row);
    for (const TenantRow& row : hierarchy.unassignedTenants)
        writer.tenant(row);
    for (const ResellerRow& reseller : hierarchy.resellers)
        for (const TenantRow& row : reseller.endCustomers)
            writer.tenant(row);
    for (const TenantFetchError& failure : failures)
        writer.failure(failure);
}

void saveState(Poco::Data::Session& session, bss::sdk::SqlDialect dialect, const HierarchyKey& key,
               const SaveStamp& stamp) {
    Poco::Int64 org = key.organizationId, instance = key.instanceId;
    std::string run = stamp.runId, saved = stamp.savedAt;
    int existing = 0;
    session << forDialect(dialect, "SELECT COUNT(*) FROM ict_instance_state"
                                   " WHERE organization_id = ? AND instance_id = ?"),
        into(existing), use(org), use(instance), now;
    if (existing == 0) {
        session << forDialect(dialect, "INSERT INTO ict_instance_state (organization_id,"
                                       " instance_id, saved_at, last_run_id) VALUES (?, ?, ?, ?)"),
            use(org), use(instance), use(saved), use(run), now;
    }
    session << forDialect(dialect, "UPDATE ict_instance_state SET saved_at = ?, last_run_id = ?"
                                   " WHERE organization_id = ? AND instance_id = ?"),
        use(saved), use(run), use(org), use(instance), now;
    if (stamp.massUpdateAt) {
        std::string mass = *stamp.massUpdateAt;
        session << forDialect(dialect, "UPDATE ict_instance_state SET last_mass_update_at = ?"
                                       " WHERE organization_id = ? AND instance_id = ?"),
            use(mass), use(org), use(instance), now;
    }
    if (stamp.changesCoveredUntil) {
        std::string covered = *stamp.changesCoveredUntil;
        session << forDialect(dialect, "UPDATE ict_instance_state SET changes_covered_until = ?"
                                       " WHERE organization_id = ? AND instance_id = ?"),
            use(covered), use(org), use(instance), now;
    }
}

std::string inList(std::size_t count) {
    std::string list = "(";
    for (std::size_t i = 0; i < count; ++i)
        list += i == 0 ? "?" : ", ?";
    return list + ")";
}

/// First statement of every transaction that rewrites an instance's saved hierarchy: locks its
/// state row, so two writers (two hosts, or an import's status refresh beside a Get Hierarchy)
/// take turns instead of both deleting and then both inserting the same rows (PostgreSQL: row
/// lock until commit; SQLite: the write lock is taken at once, never upgraded from a read lock).
void lockInstanceState(Poco::Data::Session& session, bss::sdk::SqlDialect dialect,
                       const HierarchyKey& key) {
    Poco::Int64 org = key.organizationId, instance = key.instanceId;
    session << forDialect(dialect, "UPDATE ict_instance_state SET last_run_id = last_run_id"
                                   " WHERE organization_id = ? AND instance_id = ?"),
        use(org), use(instance), now;
}

} // namespace

HierarchyRepository::HierarchyRepository(bss::sdk::Database& database) : _database(database) {}

void HierarchyRepository::replaceAll(const HierarchyKey& key, const Hierarchy& hierarchy,
                                     const std::vector<TenantFetchError>& failures,
                                     const SaveStamp& stamp) {
    const auto dialect = _database.dialect();
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    lockInstanceState(session, dialect, key);
    Poco::Int64 org = key.organizationId, instance = key.instanceId;
    for (const char* table : {"ict_subscriptions", "ict_tenants", "ict_resellers"})
        session << forDialect(dialect, std::string("DELETE FROM ") + table +
                                           " WHERE organization_id = ? AND instance_id = ?"),
            use(org), use(instance), now;
    RowWriter writer(session, dialect, key);
    for (const ResellerRow& reseller : hierarchy.resellers)
        writer.reseller(reseller);
    writeHierarchy(writer, hierarchy, failures);
    saveState(session, dialect, key, stamp);
    transaction.commit();
}

void HierarchyRepository::replaceTenants(const HierarchyKey& key,
                                         const std::vector<std::string>& tenantIds,
                                         const Hierarchy& hierarchy,
                                         const std::vector<TenantFetchError>& failures,
                                         const SaveStamp& stamp) {
    const auto dialect = _database.dialect();
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    lockInstanceState(session, dialect, key);
    Poco::Int64 org = key.organizationId, instance = key.instanceId;
    for (std::string tenantId : tenantIds) {
        for (const char* table : {"ict_subscriptions", "ict_tenants"})
            session << forDialect(dialect, std::string("DELETE FROM ") + table +
                                               " WHERE organization_id = ? AND instance_id = ?"
                                               " AND tenant_id = ?"),
                use(org), use(instance), use(tenantId), now;
    }
    for (const ResellerRow& reseller : hierarchy.resellers) {
        std::string mpnId = reseller.mpnId;
        session << forDialect(dialect, "DELETE FROM ict_resellers WHERE organization_id = ? AND"
                                       " instance_id = ? AND mpn_id = ?"),
            use(org), use(instance), use(mpnId), now;
    }
    RowWriter writer(session, dialect, key);
    for (const ResellerRow& reseller : hierarchy.resellers)
        writer.reseller(reseller);
    writeHierarchy(writer, hierarchy, failures);
    saveState(session, dialect, key, stamp);
    transaction.commit();
}

namespace {

Hierarchy readHierarchy(Poco::Data::Session& session, bss::sdk::SqlDialect dialect,
                        const HierarchyKey& key, const std::vector<std::string>& tenantIds,
                        bool onlyTenants) {
    Poco::Int64 org = key.organizationId, instance = key.instanceId;
    std::vector<std::string> ids = tenantIds;
    const std::string tenantFilter =
        onlyTenants ? " AND tenant_id IN " + inList(ids.size()) : std::string();
    Hierarchy hierarchy;
    if (onlyTenants && ids.empty())
        return hierarchy;

    std::map<std::pair<std::string, std::string>, std::vector<SubscriptionRow>> subscriptions;
    {
        Poco::Data::Statement select(session);
        select << forDialect(dialect, "SELECT tenant_id, reseller_mpn_id, subscription_id,"
                                      " offer_id, offer_name, friendly_name, product_type_id, kind,"
                                      " quantity, unit_type, pc_status, billing_cycle,"
                                      " term_duration, creation_date, effective_start_date,"
                                      " commitment_end_date, auto_renew, parent_subscription_id,"
                                      " entitlement_id, import_status, reason, reason_text"
                                      " FROM ict_subscriptions WHERE organization_id = ? AND"
                                      " instance_id = ?" +
                                          tenantFilter +
                                          " ORDER BY tenant_id, reseller_mpn_id, position"),
            use(org), use(instance);
        for (std::string& id : ids)
            select, use(id);
        select.execute();
        Poco::Data::RecordSet rows(select);
        for (std::size_t r = 0; r < rows.rowCount(); ++r) {
            SubscriptionRow row;
            Subscription& s = row.subscription;
            s.customerTenantId = rows.value(0, r).convert<std::string>();
            const std::string mpn = rows.value(1, r).convert<std::string>();
            s.id = rows.value(2, r).convert<std::string>();
            s.offerId = rows.value(3, r).convert<std::string>();
            s.offerName = rows.value(4, r).convert<std::string>();
            s.friendlyName = rows.value(5, r).convert<std::string>();
            s.productTypeId = rows.value(6, r).convert<std::string>();
            s.kind = parseSubscriptionKind(rows.value(7, r).convert<std::string>());
            s.quantity = rows.value(8, r).convert<Poco::Int64>();
            s.unitType = rows.value(9, r).convert<std::string>();
            s.status = rows.value(10, r).convert<std::string>();
            s.billingCycle = rows.value(11, r).convert<std::string>();
            s.termDuration = rows.value(12, r).convert<std::string>();
            s.creationDate = rows.value(13, r).convert<std::string>();
            s.effectiveStartDate = rows.value(14, r).convert<std::string>();
            s.commitmentEndDate = rows.value(15, r).convert<std::string>();
            s.autoRenewEnabled = rows.value(16, r).convert<int>() != 0;
            s.parentSubscriptionId = rows.value(17, r).convert<std::string>();
            s.entitlementId = rows.value(18, r).convert<std::string>();
            s.partnerId = mpn;
            row.status = parseSubscriptionStatus(rows.value(19, r).convert<std::string>());
            row.reason = parseNotImportableReason(rows.value(20, r).convert<std::string>());
            row.reasonText = rows.value(21, r).convert<std::string>();
            subscriptions[{s.customerTenantId, mpn}].push_back(std::move(row));
        }
    }

    std::map<std::string, ResellerRow> resellers;
    {
        Poco::Data::Statement select(session);
        select << forDialect(dialect, "SELECT mpn_id, tenant_id, name, name_source FROM"
                                      " ict_resellers WHERE organization_id = ? AND"
                                      " instance_id = ?"),
            use(org), use(instance), now;
        Poco::Data::RecordSet rows(select);
        for (std::size_t r = 0; r < rows.rowCount(); ++r) {
            ResellerRow reseller;
            reseller.mpnId = rows.value(0, r).convert<std::string>();
            reseller.tenantId = rows.value(1, r).convert<std::string>();
            reseller.name = rows.value(2, r).convert<std::string>();
            reseller.nameSource = parseResellerNameSource(rows.value(3, r).convert<std::string>());
            resellers.emplace(reseller.mpnId, std::move(reseller));
        }
    }

    Poco::Data::Statement select(session);
    select << forDialect(dialect, "SELECT tenant_id, reseller_mpn_id, placement, company_name,"
                                  " primary_domain, status, related_accounts, needs_confirmation,"
                                  " confirmation_reason, id_matched_account_id,"
                                  " pc_subscription_count, bss_subscription_count, importable,"
                                  " not_importable_reason FROM ict_tenants WHERE"
                                  " organization_id = ? AND instance_id = ? AND fetch_error = ''" +
                                      tenantFilter),
        use(org), use(instance);
    for (std::string& id : ids)
        select, use(id);
    select.execute();
    Poco::Data::RecordSet rows(select);
    std::set<std::string> usedResellers;
    for (std::size_t r = 0; r < rows.rowCount(); ++r) {
        TenantRow row;
        row.tenantId = rows.value(0, r).convert<std::string>();
        row.resellerMpnId = rows.value(1, r).convert<std::string>();
        row.placement = parseTenantPlacement(rows.value(2, r).convert<std::string>());
        row.companyName = rows.value(3, r).convert<std::string>();
        row.primaryDomain = rows.value(4, r).convert<std::string>();
        row.status = parseTenantStatus(rows.value(5, r).convert<std::string>());
        row.relatedAccounts = relatedAccountsFromJson(rows.value(6, r).convert<std::string>());
        row.needsConfirmation = rows.value(7, r).convert<int>() != 0;
        row.confirmationReason = rows.value(8, r).convert<std::string>();
        row.idMatchedAccountId = rows.value(9, r).convert<Poco::Int64>();
        row.partnerCenterSubscriptionCount = rows.value(10, r).convert<Poco::Int64>();
        row.bssSubscriptionCount = rows.value(11, r).convert<Poco::Int64>();
        row.importable = rows.value(12, r).convert<int>() != 0;
        row.notImportableReason = rows.value(13, r).convert<std::string>();
        auto found = subscriptions.find({row.tenantId, row.resellerMpnId});
        if (found != subscriptions.end())
            row.subscriptions = std::move(found->second);
        switch (row.placement) {
        case TenantPlacement::EndCustomer: {
            ResellerRow& reseller = resellers[row.resellerMpnId];
            reseller.mpnId = row.resellerMpnId;
            usedResellers.insert(row.resellerMpnId);
            reseller.endCustomers.push_back(std::move(row));
            break;
        }
        case TenantPlacement::Unassigned:
            hierarchy.unassignedTenants.push_back(std::move(row));
            break;
        default:
            hierarchy.directTenants.push_back(std::move(row));
        }
    }
    for (auto& [mpnId, reseller] : resellers)
        if (!onlyTenants || usedResellers.count(mpnId))
            hierarchy.resellers.push_back(std::move(reseller));
    sortHierarchy(hierarchy);
    return hierarchy;
}

} // namespace

Hierarchy HierarchyRepository::load(const HierarchyKey& key) const {
    Poco::Data::Session session = _database.session();
    return readHierarchy(session, _database.dialect(), key, {}, false);
}

Hierarchy HierarchyRepository::loadTenants(const HierarchyKey& key,
                                           const std::vector<std::string>& tenantIds) const {
    Poco::Data::Session session = _database.session();
    return readHierarchy(session, _database.dialect(), key, tenantIds, true);
}

std::optional<InstanceState> HierarchyRepository::state(const HierarchyKey& key) const {
    Poco::Data::Session session = _database.session();
    Poco::Int64 org = key.organizationId, instance = key.instanceId;
    Poco::Data::Statement select(session);
    select << forDialect(_database.dialect(),
                         "SELECT last_mass_update_at, saved_at, last_run_id,"
                         " changes_covered_until FROM"
                         " ict_instance_state WHERE organization_id = ? AND instance_id = ?"),
        use(org), use(instance), now;
    Poco::Data::RecordSet rows(select);
    if (rows.rowCount() == 0)
        return std::nullopt;
    InstanceState state;
    if (!rows.value(0, 0).isEmpty())
        state.lastMassUpdateAt = rows.value(0, 0).convert<std::string>();
    state.savedAt = rows.value(1, 0).convert<std::string>();
    state.lastRunId = rows.value(2, 0).convert<std::string>();
    if (!rows.value(3, 0).isEmpty())
        state.changesCoveredUntil = rows.value(3, 0).convert<std::string>();
    return state;
}

std::vector<TenantFetchError> HierarchyRepository::fetchErrors(const HierarchyKey& key) const {
    Poco::Data::Session session = _database.session();
    Poco::Int64 org = key.organizationId, instance = key.instanceId;
    Poco::Data::Statement select(session);
    select << forDialect(_database.dialect(),
                         "SELECT tenant_id, company_name, primary_domain, fetch_error FROM"
                         " ict_tenants WHERE organization_id = ? AND instance_id = ? AND"
                         " fetch_error <> '' ORDER BY company_name_key, tenant_id"),
        use(org), use(instance), now;
    Poco::Data::RecordSet rows(select);
    std::vector<TenantFetchError> errors;
    for (std::size_t r = 0; r < rows.rowCount(); ++r)
        errors.push_back(
            {rows.value(0, r).convert<std::string>(), rows.value(1, r).convert<std::string>(),
             rows.value(2, r).convert<std::string>(), rows.value(3, r).convert<std::string>()});
    return errors;
}

} // namespace ict::storage
