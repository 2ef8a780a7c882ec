#pragma once
/// Products with the Microsoft offers they sell and their billing plans (products,
/// product_offers, product_billing_plans).
#include "db/HostDatabase.h"

#include <optional>
#include <string>
#include <vector>

namespace mockhost {

struct BillingPlan {
    std::string billingCycle; ///< "monthly", "annual", "triennial", "none".
    std::string termDuration; ///< "P1M", "P1Y", "P3Y", "" for none.
    std::int64_t priceMinor = 0;
    std::string currency; ///< ISO 4217, e.g. "EUR".
    /// "fixed" (a price per period) or "usage_in_arrears" (consumption, charged after the
    /// period; Azure plans). Host schema version 3.
    std::string chargeModel = "fixed";

    /// Parses "<cycle>:<term>:<priceMinor>:<currency>[:<chargeModel>]"; throws
    /// std::invalid_argument naming --plan and the value.
    static BillingPlan parse(const std::string& text);
};

struct ProductRecord {
    std::int64_t organizationId = 0;
    std::string name;
    std::string sku;
    std::vector<std::string> offerIds;
    std::vector<BillingPlan> plans;
};

class ProductCatalog {
public:
    explicit ProductCatalog(HostDatabase& database) : _database(database) {}
    std::optional<std::int64_t> find(std::int64_t organizationId, const std::string& sku);
    /// Inserts the product, its offers and plans in one transaction; returns the id. Throws
    /// std::invalid_argument naming the field, Poco::Exception on a duplicate sku.
    std::int64_t add(const ProductRecord& product);

private:
    HostDatabase& _database;
};

} // namespace mockhost
