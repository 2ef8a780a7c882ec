#pragma once
/// A BSS product as the import sees it: its Microsoft offer ids (table product_offers) and its
/// billing plans (table product_billing_plans). Plain data.

#include <cstdint>
#include <string>
#include <vector>

namespace ict::domain {

struct CatalogBillingPlan {
    std::int64_t id = 0;      ///< product_billing_plans.id
    std::string billingCycle; ///< "monthly", "annual", "triennial", "none", ...
    std::string termDuration; ///< "P1M", "P1Y", "P3Y"; "" for none.
};

struct CatalogProduct {
    std::int64_t id = 0; ///< products.id
    std::string name;
    std::string sku;
    /// product_offers.microsoft_offer_id: a legacy offer id (GUID, MS-AZR-0145P), an NCE product id
    /// ("CFQ7TTC0LH18"), "productId:skuId" ("CFQ7TTC0LH18:0001") or a full offer id.
    std::vector<std::string> offerIds;
    std::vector<CatalogBillingPlan> billingPlans;
};

} // namespace ict::domain
