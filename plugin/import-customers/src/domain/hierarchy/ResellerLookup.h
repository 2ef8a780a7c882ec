#pragma once
/// Which reseller MPN ids need the MPN-profile fallback look-up (GET /v1/profiles/mpn?mpnId=),
/// so Get Hierarchy makes no more requests than needed.

#include "domain/partner/Reseller.h"
#include "domain/partner/Subscription.h"

#include <string>
#include <vector>

namespace ict::domain {

/// The distinct non-empty partnerIds (trimmed) of `subscriptions` that no entry of
/// `knownResellers` with a non-empty name has as its mpnId; sorted. Pass as known the reseller
/// relationships plus any profiles already looked up (e.g. from the previous hierarchy).
std::vector<std::string> resellerIdsNeedingLookup(const std::vector<Subscription>& subscriptions,
                                                  const std::vector<Reseller>& knownResellers);

/// The same from the distinct trimmed partner ids already collected (HierarchyAssembler).
std::vector<std::string> resellerIdsNeedingLookup(const std::vector<std::string>& partnerIds,
                                                  const std::vector<Reseller>& knownResellers);

} // namespace ict::domain
