#include "domain/billing/BillingCycle.h"

#include <algorithm>
#include <cctype>

namespace ict::domain {

const char* billingCycleName(BillingCycle cycle) {
    switch (cycle) {
    case BillingCycle::Monthly:
        return "monthly";
    case BillingCycle::Annual:
        return "annual";
    case BillingCycle::Biennial:
        return "biennial";
    case BillingCycle::Triennial:
        return "triennial";
    case BillingCycle::None:
        return "none";
    case BillingCycle::OneTime:
        return "one_time";
    case BillingCycle::Unset:
        break;
    }
    return "unset";
}

std::optional<BillingCycle> parseBillingCycle(const std::string& text) {
    std::string lower = text;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (BillingCycle cycle :
         {BillingCycle::Monthly, BillingCycle::Annual, BillingCycle::Biennial,
          BillingCycle::Triennial, BillingCycle::None, BillingCycle::OneTime}) {
        if (lower == billingCycleName(cycle))
            return cycle;
    }
    // The SDK's enum converter writes OneTime as "onetime" in some samples.
    if (lower == "onetime")
        return BillingCycle::OneTime;
    return std::nullopt;
}

int billingCycleMonths(BillingCycle cycle) {
    switch (cycle) {
    case BillingCycle::Monthly:
        return 1;
    case BillingCycle::Annual:
        return 12;
    case BillingCycle::Biennial:
        return 24;
    case BillingCycle::Triennial:
        return 36;
    case BillingCycle::None:
    case BillingCycle::OneTime:
    case BillingCycle::Unset:
        break;
    }
    return 0;
}

} // namespace ict::domain
