#pragma once
/// The organization's BSS accounts indexed by the three match keys ([S11], [B7]), built once per
/// audit so relating N tenants costs O(N log M), not O(N * M).
///
/// Owns a copy of the accounts. Immutable after construction, so safe to share between threads
/// for reading.

#include "domain/audit/BssAccount.h"
#include "domain/audit/RelatedAccount.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ict::domain {

class BssAccountIndex {
public:
    explicit BssAccountIndex(std::vector<BssAccount> accounts);

    /// Every account related to a tenant, once each with its strongest key, ordered by key
    /// (microsoft_id, primary_domain, company_name) then account id:
    ///  - microsoft_id: externalTenantId equals `tenantId` (case-insensitive, trimmed);
    ///  - primary_domain: primaryDomain equals `primaryDomain` (case-insensitive, trimmed, a
    ///    trailing '.' ignored);
    ///  - company_name: normalizeCompanyName() of both are equal and not empty.
    /// Empty values never match.
    std::vector<RelatedAccount> related(const std::string& tenantId,
                                        const std::string& primaryDomain,
                                        const std::string& companyName) const;

    /// The account with this id, or nullptr.
    const BssAccount* find(std::int64_t accountId) const;

    /// The account holding a subscription with this external id (case-insensitive, trimmed), the
    /// first in construction order when several do; nullptr when none.
    const BssAccount* holderOfSubscription(const std::string& subscriptionId) const;

private:
    std::vector<BssAccount> _accounts;
    std::map<std::int64_t, std::size_t> _byId;
    std::multimap<std::string, std::size_t> _byTenantId;
    std::multimap<std::string, std::size_t> _byDomain;
    std::multimap<std::string, std::size_t> _byName;
    std::map<std::string, std::size_t> _bySubscriptionId;
};

} // namespace ict::domain
