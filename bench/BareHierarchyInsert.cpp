#include "BareHierarchyInsert.h"

#include "domain/audit/NotImportableReason.h"
#include "domain/audit/SubscriptionStatus.h"
#include "domain/audit/TenantStatus.h"
#include "domain/partner/SubscriptionKind.h"
#include "domain/validation/AsciiText.h"
#include "storage/RelatedAccountsJson.h"
#include "storage/SqlText.h"

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <set>

using namespace Poco::Data::Keywords;

namespace ict::bench {

BareHierarchyInsert::BareHierarchyInsert(bss::sdk::Database& database,
                                         const domain::Hierarchy& hierarchy)
    : _database(database) {
    for (const domain::TenantRow& row : hierarchy.directTenants)
        add(row);
    for (const domain::TenantRow& row : hierarchy.unassignedTenants)
        add(row);
    for (const domain::ResellerRow& reseller : hierarchy.resellers)
        for (const domain::TenantRow& row : reseller.endCustomers)
            add(row);
}

void BareHierarchyInsert::add(const domain::TenantRow& row) {
    TenantValues t;
    t.tenantId = row.tenantId;
    t.resellerMpnId = row.resellerMpnId;
    t.placement = domain::tenantPlacementName(row.placement);
    t.companyName = row.companyName;
    t.companyNameKey = domain::asciiLower(row.companyName);
    t.primaryDomain = row.primaryDomain;
    t.status = domain::tenantStatusName(row.status);
    t.related = storage::relatedAccountsToJson(row.relatedAccounts);
    t.needsConfirmation = row.needsConfirmation ? 1 : 0;
    t.confirmationReason = row.confirmationReason;
    t.idMatched = row.idMatchedAccountId;
    t.pcCount = row.partnerCenterSubscriptionCount;
    t.bssCount = row.bssSubscriptionCount;
    t.importable = row.importable ? 1 : 0;
    t.notImportableReason = row.notImportableReason;
    std::set<std::string> kinds;
    for (const domain::SubscriptionRow& sub : row.subscriptions)
        kinds.insert(domain::subscriptionKindName(sub.subscription.kind));
    t.kinds = ",";
    for (const std::string& kind : kinds)
        t.kinds += kind + ",";
    _tenants.push_back(std::move(t));
    int position = 0;
    for (const domain::SubscriptionRow& sub : row.subscriptions) {
        const domain::Subscription& s = sub.subscription;
        SubscriptionValues v;
        v.tenantId = row.tenantId;
        v.resellerMpnId = row.resellerMpnId;
        v.id = s.id;
        v.offerId = s.offerId;
        v.offerName = s.offerName;
        v.friendlyName = s.friendlyName;
        v.productTypeId = s.productTypeId;
        v.kind = domain::subscriptionKindName(s.kind);
        v.quantity = s.quantity;
        v.unitType = s.unitType;
        v.pcStatus = s.status;
        v.billingCycle = s.billingCycle;
        v.termDuration = s.termDuration;
        v.creationDate = s.creationDate;
        v.effectiveStartDate = s.effectiveStartDate;
        v.commitmentEndDate = s.commitmentEndDate;
        v.autoRenew = s.autoRenewEnabled ? 1 : 0;
        v.parentSubscriptionId = s.parentSubscriptionId;
        v.entitlementId = s.entitlementId;
        v.importStatus = domain::subscriptionStatusName(sub.status);
        v.reason = domain::notImportableReasonName(sub.reason);
        v.reasonText = sub.reasonText;
        v.position = position++;
        _subscriptions.push_back(std::move(v));
    }
}

void BareHierarchyInsert::prepareTables() {
    Poco::Data::Session session = _database.session();
    session << "DROP TABLE IF EXISTS bench_tenants", now;
    session << "DROP TABLE IF EXISTS bench_subscriptions", now;
    session << "CREATE TABLE bench_tenants AS SELECT * FROM ict_tenants WHERE 1 = 0", now;
    session << "CREATE TABLE bench_subscriptions AS SELECT * FROM ict_subscriptions WHERE 1 = 0",
        now;
}

std::size_t BareHierarchyInsert::insert(std::int64_t organizationId, std::int64_t instanceId) {
    const bss::sdk::SqlDialect dialect = _database.dialect();
    Poco::Data::Session session = _database.session();
    (void)organizationId;
    Poco::Int64 snapshot = instanceId; // any id: the scratch tables hold one hierarchy
    TenantValues t;
    SubscriptionValues s;
    session.begin();
    Poco::Data::Statement tenant(session);
    tenant << storage::forDialect(dialect, "INSERT INTO bench_tenants VALUES (?, ?, ?, ?, ?, ?, ?,"
                                           " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        use(snapshot), use(t.tenantId), use(t.resellerMpnId), use(t.placement),
        use(t.companyName), use(t.companyNameKey), use(t.primaryDomain), use(t.status),
        use(t.related), use(t.needsConfirmation), use(t.confirmationReason), use(t.idMatched),
        use(t.pcCount), use(t.bssCount), use(t.importable), use(t.notImportableReason),
        use(t.kinds), use(t.fetchError);
    Poco::Data::Statement subscription(session);
    subscription << storage::forDialect(dialect, "INSERT INTO bench_subscriptions VALUES (?, ?, ?,"
                                                 " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                                 " ?, ?, ?, ?, ?)"),
        use(snapshot), use(s.tenantId), use(s.resellerMpnId), use(s.id), use(s.offerId),
        use(s.offerName), use(s.friendlyName), use(s.productTypeId), use(s.kind), use(s.quantity),
        use(s.unitType), use(s.pcStatus), use(s.billingCycle), use(s.termDuration),
        use(s.creationDate), use(s.effectiveStartDate), use(s.commitmentEndDate), use(s.autoRenew),
        use(s.parentSubscriptionId), use(s.entitlementId), use(s.importStatus), use(s.reason),
        use(s.reasonText), use(s.position);
    for (const TenantValues& values : _tenants) {
        t = values;
        tenant.execute();
    }
    for (const SubscriptionValues& values : _subscriptions) {
        s = values;
        subscription.execute();
    }
    session.commit();
    return _tenants.size() + _subscriptions.size();
}

} // namespace ict::bench
