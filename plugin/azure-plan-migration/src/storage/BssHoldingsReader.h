#pragma once
/// What the BSS holds of some tenants, read from the host schema: each tenant's customer account
/// in the organization (matched by external_ms_tenant_id) and the external Microsoft subscription
/// ids of that account's subscriptions (plans and Azure subscriptions alike). Read-only;
/// thread-safe; throws Poco::Exception on a database failure.

#include "domain/AzurePlanSync.h"

#include <bss/sdk/Database.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace apm::storage {

class BssHoldingsReader {
public:
    explicit BssHoldingsReader(bss::sdk::Database& database);

    /// By tenant id as given (Partner Center's lower-case GUIDs); a tenant without an account
    /// maps to holdings with accountExists false.
    std::map<std::string, domain::BssHoldings> holdings(std::int64_t organizationId,
                                                        const std::vector<std::string>& tenantIds);

private:
    bss::sdk::Database& _database;
};

} // namespace apm::storage
