#include "domain/importing/ProductMapping.h"

#include <algorithm>
#include <cctype>

namespace ict::domain {
namespace {

bool equalsIgnoreCase(const std::string& a, const std::string& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

bool listsKey(const CatalogProduct& product, const std::string& key) {
    return std::any_of(product.offerIds.begin(), product.offerIds.end(),
                       [&](const std::string& offerId) { return equalsIgnoreCase(offerId, key); });
}

} // namespace

const char* mappingOutcomeName(MappingOutcome outcome) {
    switch (outcome) {
    case MappingOutcome::Mapped:
        return "mapped";
    case MappingOutcome::NoProduct:
        return "no_product";
    case MappingOutcome::AmbiguousProduct:
        return "ambiguous_product";
    case MappingOutcome::NoBillingPlan:
        return "no_billing_plan";
    case MappingOutcome::Unset:
        break;
    }
    return "unset";
}

std::vector<std::string> offerMappingKeys(const std::string& offerId) {
    std::vector<std::string> keys;
    if (offerId.empty())
        return keys;
    keys.push_back(offerId);
    const std::size_t first = offerId.find(':');
    if (first == std::string::npos || first == 0)
        return keys;
    const std::size_t second = offerId.find(':', first + 1);
    if (second != std::string::npos && second > first + 1)
        keys.push_back(offerId.substr(0, second));
    keys.push_back(offerId.substr(0, first));
    return keys;
}

ProductMapping mapProduct(const std::vector<CatalogProduct>& products, const std::string& offerId,
                          const std::string& billingCycle, const std::string& termDuration) {
    ProductMapping mapping;
    for (const std::string& key : offerMappingKeys(offerId)) {
        std::vector<const CatalogProduct*> matches;
        for (const CatalogProduct& product : products) {
            if (listsKey(product, key))
                matches.push_back(&product);
        }
        if (matches.empty())
            continue;
        mapping.matchedKey = key;
        if (matches.size() > 1) {
            mapping.outcome = MappingOutcome::AmbiguousProduct;
            mapping.message = "Offer '" + offerId + "' is mapped to " +
                              std::to_string(matches.size()) + " BSS products: ";
            for (std::size_t i = 0; i < matches.size(); ++i)
                mapping.message += (i ? ", " : "") + matches[i]->name;
            mapping.message += ".";
            return mapping;
        }
        const CatalogProduct& product = *matches.front();
        mapping.productId = product.id;
        mapping.productName = product.name;
        for (const CatalogBillingPlan& plan : product.billingPlans) {
            if (equalsIgnoreCase(plan.billingCycle, billingCycle) &&
                equalsIgnoreCase(plan.termDuration, termDuration)) {
                mapping.outcome = MappingOutcome::Mapped;
                mapping.billingPlanId = plan.id;
                return mapping;
            }
        }
        mapping.outcome = MappingOutcome::NoBillingPlan;
        mapping.message = "Product '" + product.name + "' has no billing plan for billing cycle '" +
                          billingCycle + "' and term '" + termDuration + "'.";
        return mapping;
    }
    mapping.outcome = MappingOutcome::NoProduct;
    mapping.message = "Offer '" + offerId + "' is mapped to no BSS product.";
    return mapping;
}

} // namespace ict::domain
