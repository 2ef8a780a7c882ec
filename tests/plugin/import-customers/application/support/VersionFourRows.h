#pragma once
// A saved hierarchy as the tool wrote it before migration 5 (snapshots): rows keyed by
// (organization_id, instance_id), written with plain INSERTs in that version's table shapes, so a
// test can migrate a database that holds what an earlier release saved.

#include "domain/hierarchy/Hierarchy.h"
#include "domain/validation/AsciiText.h"
#include "storage/HierarchyTypes.h"
#include "storage/RelatedAccountsJson.h"
#include "storage/SqlText.h"

#include <bss/sdk/Database.h>

#include <Poco/Data/Session.h>

#include <string>

namespace ict::application::test {

inline void saveVersionFourRows(bss::sdk::Database& database, const storage::HierarchyKey& key,
                                const domain::Hierarchy& hierarchy, const std::string& savedAt) {
    using namespace Poco::Data::Keywords;
    Poco::Data::Session session = database.session();
    const auto sql = [&](const std::string& text) {
        return storage::forDialect(database.dialect(), text);
    };
    Poco::Int64 org = key.organizationId, instance = key.instanceId;
    std::string at = savedAt, run = "run-v4";
    session << sql("INSERT INTO ict_instance_state (organization_id, instance_id, saved_at,"
                   " last_run_id) VALUES (?, ?, ?, ?)"),
        use(org), use(instance), use(at), use(run), now;
    const auto tenantRow = [&](const domain::TenantRow& row) {
        std::string id = row.tenantId, mpn = row.resellerMpnId,
                    placement = domain::tenantPlacementName(row.placement), name = row.companyName,
                    nameKey = domain::asciiLower(row.companyName), domainName = row.primaryDomain,
                    status = domain::tenantStatusName(row.status),
                    related = storage::relatedAccountsToJson(row.relatedAccounts),
                    reason = row.confirmationReason, notImportable = row.notImportableReason;
        int confirm = row.needsConfirmation ? 1 : 0, importable = row.importable ? 1 : 0;
        Poco::Int64 matched = row.idMatchedAccountId, pc = row.partnerCenterSubscriptionCount,
                    bss = row.bssSubscriptionCount;
        session << sql("INSERT INTO ict_tenants VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                       " ?, ?, ?, ?, ',', '')"),
            use(org), use(instance), use(id), use(mpn), use(placement), use(name), use(nameKey),
            use(domainName), use(status), use(related), use(confirm), use(reason), use(matched),
            use(pc), use(bss), use(importable), use(notImportable), now;
        int position = 0;
        for (const domain::SubscriptionRow& sub : row.subscriptions) {
            const domain::Subscription& s = sub.subscription;
            std::string sid = s.id, offer = s.offerId, offerName = s.offerName,
                        kind = domain::subscriptionKindName(s.kind), state = s.status,
                        cycle = s.billingCycle, term = s.termDuration,
                        importStatus = domain::subscriptionStatusName(sub.status);
            Poco::Int64 quantity = s.quantity;
            session << sql("INSERT INTO ict_subscriptions VALUES (?, ?, ?, ?, ?, ?, ?, '', '', ?,"
                           " ?, '', ?, ?, ?, '', '', '', 0, '', '', ?, 'unset', '', ?)"),
                use(org), use(instance), use(id), use(mpn), use(sid), use(offer), use(offerName),
                use(kind), use(quantity), use(state), use(cycle), use(term), use(importStatus),
                bind(position++), now;
        }
    };
    for (const domain::TenantRow& row : hierarchy.directTenants)
        tenantRow(row);
    for (const domain::TenantRow& row : hierarchy.unassignedTenants)
        tenantRow(row);
    for (const domain::ResellerRow& reseller : hierarchy.resellers) {
        std::string mpn = reseller.mpnId, tenant = reseller.tenantId, name = reseller.name,
                    source = domain::resellerNameSourceName(reseller.nameSource);
        session << sql("INSERT INTO ict_resellers VALUES (?, ?, ?, ?, ?, ?)"), use(org),
            use(instance), use(mpn), use(tenant), use(name), use(source), now;
        for (const domain::TenantRow& row : reseller.endCustomers)
            tenantRow(row);
    }
}

} // namespace ict::application::test
