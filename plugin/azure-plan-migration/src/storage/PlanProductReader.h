#pragma once
/// The BSS product an organization sells Azure plans as: the product whose product_offers name the
/// Azure plan's offer id (whole, e.g. "DZH318Z0BPS6:0001:DZH318Z0BML6", or its product:sku part
/// "DZH318Z0BPS6:0001"), and its monthly usage-in-arrears billing plan (host schema version 3).
/// Read-only; throws Poco::Exception on a database failure.

#include <bss/sdk/Database.h>

#include <cstdint>
#include <optional>
#include <string>

namespace apm::storage {

struct PlanProduct {
    std::int64_t productId = 0;
    std::string productName;
    std::string sku;
    /// The product's billing plan with charge model usage_in_arrears and cycle monthly; 0 when the
    /// product has none (pre-flight refuses the import then).
    std::int64_t usageBillingPlanId = 0;
};

class PlanProductReader {
public:
    explicit PlanProductReader(bss::sdk::Database& database);

    /// The product of `offerId` in the organization; nullopt when no product names it.
    std::optional<PlanProduct> productFor(std::int64_t organizationId, const std::string& offerId);

private:
    bss::sdk::Database& _database;
};

/// "DZH318Z0BPS6:0001" of "DZH318Z0BPS6:0001:DZH318Z0BML6"; the text itself when it has fewer
/// than three parts.
std::string productSkuPart(const std::string& offerId);

} // namespace apm::storage
