#pragma once
/// How often Partner Center bills a subscription (its `billingCycle`), and the cycle's length.

#include <optional>
#include <string>

namespace ict::domain {

enum class BillingCycle {
    Unset = 0,
    Monthly,
    Annual,
    Biennial,
    Triennial,
    None,    ///< Not billed by cycle (usage, perpetual software).
    OneTime, ///< Billed once (e.g. the Azure plan); not billed by cycle.
};

/// Stable names, as Partner Center spells them: "monthly", "annual", "biennial", "triennial",
/// "none", "one_time"; "unset" for Unset.
const char* billingCycleName(BillingCycle cycle);

/// Case-insensitive inverse of billingCycleName(); also accepts "onetime". Empty for "",
/// "unknown" and anything else.
std::optional<BillingCycle> parseBillingCycle(const std::string& text);

/// Length of one billing period in months: 1, 12, 24, 36; 0 for None, OneTime and Unset.
int billingCycleMonths(BillingCycle cycle);

} // namespace ict::domain
