#pragma once
/// Reads the BSS accounts of an organization from the host schema (accounts, subscriptions) as
/// the audit needs them. Thread-safe; throws Poco::Exception on a database failure.

#include "domain/audit/BssAccount.h"

#include <bss/sdk/Database.h>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace ict::storage {

class BssAccountRepository {
public:
    explicit BssAccountRepository(bss::sdk::Database& database);

    /// Every customer account of the organization, each with the external Microsoft ids of the
    /// subscriptions it holds. Reseller accounts are not tenants and are left out.
    /// Holds every account and subscription id at once: for small organizations and tests;
    /// an audit of a large hierarchy uses forEachAccount() and relatedAccounts() instead.
    std::vector<domain::BssAccount> customerAccounts(std::int64_t organizationId) const;

    /// Calls `onAccount` with each customer account of the organization (its id, name, external
    /// tenant id and primary domain; subscriptions left empty), reading 5,000 at a time in id
    /// order, so a pass over 100,000 accounts holds one page.
    void forEachAccount(std::int64_t organizationId,
                        const std::function<void(const domain::BssAccount&)>& onAccount) const;

    /// The customer accounts of the organization that have one of `accountIds`, whose external
    /// tenant id is one of `tenantIds`, or that hold a subscription whose external id is one of
    /// `subscriptionIds` (ids trimmed, stored in lower or upper case); each with every
    /// subscription id it holds, ordered by id.
    std::vector<domain::BssAccount>
    relatedAccounts(std::int64_t organizationId, const std::vector<std::int64_t>& accountIds,
                    const std::vector<std::string>& tenantIds,
                    const std::vector<std::string>& subscriptionIds) const;

    /// Of `tenantIds`, those another organization sharing the instances of
    /// `ownerOrganizationId` holds a customer account of -- the owner itself or one of its
    /// country tenants (the organizations that see its instances), `organizationId` left out --,
    /// as lower-cased tenant id -> that organization's name. Reads the host's organizations.
    std::map<std::string, std::string>
    tenantsHeldElsewhere(std::int64_t organizationId, std::int64_t ownerOrganizationId,
                         const std::vector<std::string>& tenantIds) const;

private:
    bss::sdk::Database& _database;
};

} // namespace ict::storage
