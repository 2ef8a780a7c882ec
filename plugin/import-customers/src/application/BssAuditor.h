#pragma once
/// The audit of tenant rows against the BSS ([S10], [S11], [S15], [B7]) a batch at a time, for
/// hierarchies of any size: at construction it reads the organization's account keys once
/// (domain::AccountKeyIndex, 16 bytes a key); for each batch it reads only the accounts the
/// batch's tenants may relate to and those that hold the batch's subscriptions, and audits the
/// rows (domain::auditTenant) against an index of those. The verdicts are those of an audit
/// against every account: related accounts are found by the same keys, and an account the key
/// index does not know yet (created since) is still found by Microsoft tenant id.
///
/// Thread-safe after construction (the key index is immutable; each call takes its own pooled
/// sessions). Throws Poco::Exception on a database failure.

#include "domain/audit/AccountKeyIndex.h"
#include "domain/audit/BssAccountIndex.h"
#include "domain/hierarchy/Hierarchy.h"
#include "domain/hierarchy/TenantRow.h"

#include <bss/sdk/Database.h>

#include <cstdint>
#include <vector>

namespace ict::application {

class BssAuditor {
public:
    BssAuditor(bss::sdk::Database& database, std::int64_t organizationId);

    /// Every account a row of `rows` may relate to or that holds one of their subscriptions.
    domain::BssAccountIndex indexFor(const std::vector<const domain::TenantRow*>& rows) const;
    domain::BssAccountIndex indexFor(const std::vector<domain::TenantRow>& rows) const;

    /// `rows` with every audit field set, as domain::auditTenant() sets it.
    void audit(std::vector<domain::TenantRow>& rows) const;
    /// Every row of `hierarchy` audited (domain::auditHierarchy()).
    domain::Hierarchy audit(domain::Hierarchy hierarchy) const;

    /// Keys the account index holds (for logs and benchmarks).
    std::size_t accountKeys() const { return _keys.keys(); }

private:
    bss::sdk::Database& _database;
    std::int64_t _organizationId;
    domain::AccountKeyIndex _keys;
};

} // namespace ict::application
