#include "data/AzureEntitlements.h"

#include "common/SeededRandom.h"
#include "data/OfferCatalog.h"

namespace mockhost::emulator {
namespace {

// FNV-1a: a stable seed from the plan id on every platform (std::hash promises no such thing).
std::uint64_t seedOf(const std::string& text) {
    std::uint64_t hash = 1469598103934665603ULL;
    for (const unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return hash;
}

const char* const kNames[] = {"Production", "Development", "Test", "Analytics", "Backup"};

} // namespace

bool isAzurePlan(const Subscription& subscription) {
    if (subscription.productTypeId != "Azure")
        return false;
    for (const Offer* offer : OfferCatalog::byFamily(OfferFamily::AzurePlan, false))
        if (offer->offerId == subscription.offerId)
            return true;
    return false;
}

std::vector<AzureEntitlement> azureEntitlementsOf(const Subscription& plan) {
    std::vector<AzureEntitlement> entitlements;
    if (!isAzurePlan(plan))
        return entitlements;
    SeededRandom random(seedOf(plan.id));
    const int count = random.between(1, 4);
    for (int i = 0; i < count; ++i) {
        AzureEntitlement entitlement;
        entitlement.id = random.guid();
        entitlement.friendlyName =
            std::string(kNames[random.below(5)]) + " " + std::to_string(i + 1);
        entitlement.status = random.chance(0.25) ? "disabled" : "active";
        entitlements.push_back(entitlement);
    }
    for (int i = 0; i < plan.addedAzureEntitlements; ++i) {
        AzureEntitlement added;
        added.id = random.guid();
        added.friendlyName = "Added " + std::to_string(i + 1);
        added.status = "active";
        entitlements.push_back(added);
    }
    return entitlements;
}

} // namespace mockhost::emulator
