#pragma once
/// Resolves a Partner Center subscription to exactly one BSS product and billing plan ([B5],
/// peers.md 1.5). Pure and thread-safe.

#include "domain/importing/CatalogProduct.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ict::domain {

enum class MappingOutcome {
    Unset = 0,
    Mapped,
    NoProduct,
    AmbiguousProduct,
    NoBillingPlan,
};

/// Stable names: "mapped", "no_product", "ambiguous_product", "no_billing_plan"; "unset".
const char* mappingOutcomeName(MappingOutcome outcome);

struct ProductMapping {
    MappingOutcome outcome = MappingOutcome::Unset;
    std::int64_t productId = 0;     ///< Set for Mapped and NoBillingPlan.
    std::int64_t billingPlanId = 0; ///< Set for Mapped.
    std::string productName;        ///< Set for Mapped and NoBillingPlan.
    std::string matchedKey;         ///< The key that matched (see offerMappingKeys()).
    std::string message;            ///< Empty for Mapped; otherwise names the offer or product.

    bool mapped() const { return outcome == MappingOutcome::Mapped; }
};

/// The keys an offer id is looked up by, most specific first. An offer id with colons is a catalog
/// id "productId:skuId:availabilityId" (NCE and other catalog items): keys are the id itself, then
/// "productId:skuId", then "productId" ("CFQ7TTC0LH18:0001:CFQ7TTC0K971" -> that,
/// "CFQ7TTC0LH18:0001", "CFQ7TTC0LH18"). Any other id (legacy GUID, MS-AZR-0145P) is its own only
/// key. Keys are kept as given; matching is case-insensitive.
std::vector<std::string> offerMappingKeys(const std::string& offerId);

/// Looks the keys up in turn; the first key that some product lists decides: exactly one product
/// -> that product, several -> AmbiguousProduct (a less specific key is then not tried, so a
/// one-to-one mapping is never guessed from a looser one). No key listed -> NoProduct. The
/// product's plan must have the subscription's billing cycle and term (case-insensitive, "" matches
/// ""). Messages:
///   "Offer '<offerId>' is mapped to no BSS product."
///   "Offer '<offerId>' is mapped to <N> BSS products: <name>, <name>."  (catalog order)
///   "Product '<name>' has no billing plan for billing cycle '<cycle>' and term '<term>'."
ProductMapping mapProduct(const std::vector<CatalogProduct>& products, const std::string& offerId,
                          const std::string& billingCycle, const std::string& termDuration);

} // namespace ict::domain
