#pragma once

#include <string>

namespace mockhost::emulator {

/// What a new tenant looks like; empty members are generated.
struct NewCustomer {
    std::string companyName; ///< required
    std::string domain;      ///< default: derived from the name + ".onmicrosoft.com"
    std::string resellerId;  ///< tenant id of an existing reseller, or "" for direct
    std::string id;          ///< default: a generated GUID
};

/// A new subscription; unset members get defaults (NCE monthly, 1 licence, active, today).
struct NewSubscription {
    std::string offerId = "CFQ7TTC0LH18:0001:CFQ7TTC0K971";
    std::string offerName; ///< default: the catalog name of offerId, else the id
    int quantity = 1;
    std::string partnerId; ///< reseller MPN id, "" for direct
    std::string parentSubscriptionId;
    std::string termDuration = "P1M";
    std::string billingCycle = "monthly";
    std::string id; ///< default: a generated GUID
};

} // namespace mockhost::emulator
