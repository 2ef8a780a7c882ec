#pragma once
/// Reads the BSS accounts of an organization from the host schema (accounts, subscriptions) as
/// the audit needs them. Thread-safe; throws Poco::Exception on a database failure.

#include "domain/audit/BssAccount.h"

#include <bss/sdk/Database.h>

#include <cstdint>
#include <vector>

namespace ict::storage {

class BssAccountRepository {
public:
    explicit BssAccountRepository(bss::sdk::Database& database);

    /// Every customer account of the organization, each with the external Microsoft ids of the
    /// subscriptions it holds. Reseller accounts are not tenants and are left out.
    std::vector<domain::BssAccount> customerAccounts(std::int64_t organizationId) const;

private:
    bss::sdk::Database& _database;
};

} // namespace ict::storage
