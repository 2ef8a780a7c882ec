#pragma once
/// The baseline of the save benchmark: the rows HierarchyRepository::replaceAll writes for a
/// hierarchy (one per tenant row, one per subscription row, same columns and values), inserted
/// through two prepared statements in one transaction into scratch copies of ict_tenants and
/// ict_subscriptions (no indexes, no keys). Nothing else: no delete, no state, no audit.
#include "domain/hierarchy/Hierarchy.h"

#include <bss/sdk/Database.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ict::bench {

class BareHierarchyInsert {
public:
    /// Converts `hierarchy` to column values now, so insert() times the database only.
    BareHierarchyInsert(bss::sdk::Database& database, const domain::Hierarchy& hierarchy);

    /// (Re)creates the scratch tables bench_tenants and bench_subscriptions, empty.
    void prepareTables();
    /// Inserts every row in one transaction; returns rows written (tenants + subscriptions).
    std::size_t insert(std::int64_t organizationId, std::int64_t instanceId);

private:
    struct TenantValues {
        std::string tenantId, resellerMpnId, placement, companyName, companyNameKey, primaryDomain,
            status, related;
        int needsConfirmation = 0;
        std::string confirmationReason;
        std::int64_t idMatched = 0, pcCount = 0, bssCount = 0;
        int importable = 0;
        std::string notImportableReason, kinds, fetchError;
    };
    struct SubscriptionValues {
        std::string tenantId, resellerMpnId, id, offerId, offerName, friendlyName, productTypeId,
            kind;
        std::int64_t quantity = 0;
        std::string unitType, pcStatus, billingCycle, termDuration, creationDate,
            effectiveStartDate, commitmentEndDate;
        int autoRenew = 0;
        std::string parentSubscriptionId, entitlementId, importStatus, reason, reasonText;
        int position = 0;
    };

    void add(const domain::TenantRow& row);

    bss::sdk::Database& _database;
    std::vector<TenantValues> _tenants;
    std::vector<SubscriptionValues> _subscriptions;
};

} // namespace ict::bench
