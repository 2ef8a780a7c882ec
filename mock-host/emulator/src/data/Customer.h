#pragma once

#include "data/BillingProfile.h"
#include "data/PartnerInfo.h"
#include "data/Reseller.h"
#include "data/Subscription.h"

#include <string>
#include <vector>

namespace mockhost::emulator {

/// A customer tenant of the partner, with its subscriptions.
struct Customer {
    std::string id; ///< tenant id (GUID, lower case)
    std::string commerceId;
    std::string domain; ///< e.g. "northwindlab.onmicrosoft.com"
    std::string companyName;
    std::string relationshipToPartner = "reseller";
    bool allowDelegatedAccess = false;
    /// Tenant ids of the indirect resellers that serve this customer; empty for direct-only.
    std::vector<std::string> resellerIds;
    BillingProfile billingProfile;
    /// The customer removed the partner relationship: hidden from lists, 403 code 20002 by id.
    bool left = false;
    std::vector<Subscription> subscriptions;
};

} // namespace mockhost::emulator
