#include "domain/billing/BillingPolicy.h"

namespace ict::domain {

const char* billingPolicyName(BillingPolicy policy) {
    switch (policy) {
    case BillingPolicy::FullCurrentPeriod:
        return "full_current_period";
    case BillingPolicy::ProratedFromImport:
        return "prorated_from_import";
    case BillingPolicy::NextRenewal:
        return "next_renewal";
    case BillingPolicy::Unset:
        break;
    }
    return "unset";
}

std::optional<BillingPolicy> parseBillingPolicy(const std::string& text) {
    for (BillingPolicy policy : {BillingPolicy::FullCurrentPeriod,
                                 BillingPolicy::ProratedFromImport, BillingPolicy::NextRenewal}) {
        if (text == billingPolicyName(policy))
            return policy;
    }
    return std::nullopt;
}

} // namespace ict::domain
