#include "domain/partner/SubscriptionKind.h"

#include <algorithm>
#include <cctype>

namespace ict::domain {
namespace {

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

bool isGuid(const std::string& text) {
    if (text.size() != 36)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != '-' : !std::isxdigit(static_cast<unsigned char>(text[i])))
            return false;
    }
    return true;
}

} // namespace

const char* subscriptionKindName(SubscriptionKind kind) {
    switch (kind) {
    case SubscriptionKind::LegacyLicense:
        return "legacy";
    case SubscriptionKind::Nce:
        return "nce";
    case SubscriptionKind::AzureLegacy:
        return "azure_legacy";
    case SubscriptionKind::AzurePlan:
        return "azure_plan";
    case SubscriptionKind::OtherCatalog:
        return "other";
    case SubscriptionKind::Unset:
        break;
    }
    return "unset";
}

SubscriptionKind parseSubscriptionKind(const std::string& name) {
    for (SubscriptionKind kind :
         {SubscriptionKind::LegacyLicense, SubscriptionKind::Nce, SubscriptionKind::AzureLegacy,
          SubscriptionKind::AzurePlan, SubscriptionKind::OtherCatalog})
        if (name == subscriptionKindName(kind))
            return kind;
    return SubscriptionKind::Unset;
}

SubscriptionKind classifySubscription(const std::string& productTypeId,
                                      const std::string& offerId) {
    const std::string offer = upper(offerId);
    // The Azure plan's product id is fixed whatever productType says of it, which the docs leave
    // unconfirmed; MS-AZR-0145P is the one legacy Azure offer.
    if (offer.rfind("DZH318Z0BPS6:", 0) == 0)
        return SubscriptionKind::AzurePlan;
    if (offer == "MS-AZR-0145P")
        return SubscriptionKind::AzureLegacy;
    const std::string type = upper(productTypeId);
    if (type == "ONLINESERVICESNCE")
        return SubscriptionKind::Nce;
    if (!type.empty())
        return isGuid(offer) ? SubscriptionKind::LegacyLicense : SubscriptionKind::OtherCatalog;
    if (isGuid(offer))
        return SubscriptionKind::LegacyLicense;
    // A catalog-shaped id with no productType is not NCE by shape alone (Microsoft's own rule).
    return SubscriptionKind::OtherCatalog;
}

} // namespace ict::domain
