#pragma once
/// What an import (or its pre-flight or dry run) is asked to cover ([S1], [S12], [B9]).

#include "domain/billing/BillingPolicy.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ict::application {

/// One tenant row of the saved hierarchy: a tenant as seen by one seller.
struct SelectedRow {
    std::string tenantId;      ///< Lower case.
    std::string resellerMpnId; ///< "" for the direct row.
};

struct ImportSelection {
    std::int64_t instanceId = 0;
    bool all = false;              ///< Every importable row of the saved hierarchy.
    std::vector<SelectedRow> rows; ///< When not `all`.
    domain::BillingPolicy policy = domain::BillingPolicy::FullCurrentPeriod;

    /// "all importable" or "<n> tenant(s): <id>, ..." (ids cut after 20), for the audit trail.
    std::string describe() const;
};

} // namespace ict::application
