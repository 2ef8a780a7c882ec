#pragma once

#include "data/Subscription.h"

#include <string>
#include <vector>

namespace mockhost::emulator {

/// One Azure subscription under an Azure plan, as GET .../azureEntitlements lists it.
struct AzureEntitlement {
    std::string id; ///< The Azure subscription id.
    std::string friendlyName;
    std::string status; ///< "active" or "disabled".
};

/// True for a subscription of the Azure plan offer (productType "Azure", the plan's offer id).
bool isAzurePlan(const Subscription& subscription);

/// The Azure subscriptions of an Azure plan: one to four, about one in four disabled, drawn from
/// a generator seeded by the plan's id, so the same plan always has the same ones and generating
/// them never disturbs the data set's own random sequence; then the plan's
/// addedAzureEntitlements, active, drawn on from the same generator. Empty for any other
/// subscription.
std::vector<AzureEntitlement> azureEntitlementsOf(const Subscription& plan);

} // namespace mockhost::emulator
