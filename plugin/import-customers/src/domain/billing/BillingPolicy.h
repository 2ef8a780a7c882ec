#pragma once
/// When an imported subscription starts being billed ([B9]); chosen per import.

#include <optional>
#include <string>

namespace ict::domain {

enum class BillingPolicy {
    Unset = 0,
    FullCurrentPeriod,  ///< Bill the current period in full from its start (reference product).
    ProratedFromImport, ///< Bill [import date, period end], prorated by days.
    NextRenewal,        ///< Bill nothing now; billing starts when the next period starts.
};

/// Stable names: "full_current_period", "prorated_from_import", "next_renewal"; "unset".
const char* billingPolicyName(BillingPolicy policy);

/// Inverse of billingPolicyName() (exact, lower case). Empty for anything else, "unset" included.
std::optional<BillingPolicy> parseBillingPolicy(const std::string& text);

} // namespace ict::domain
