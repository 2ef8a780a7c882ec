#pragma once

#include "data/Subscription.h"

#include <string>
#include <vector>

namespace mockhost::emulator {

struct Address {
    std::string country;
    std::string region;
    std::string city;
    std::string addressLine1;
    std::string postalCode;
    std::string firstName;
    std::string lastName;
    std::string phoneNumber;
};

struct BillingProfile {
    std::string id;
    std::string firstName;
    std::string lastName;
    std::string email;
    std::string culture;
    std::string language;
    std::string companyName;
    Address defaultAddress;
    std::string etag;
};

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

/// An indirect reseller (Tier 2) of the partner.
struct Reseller {
    std::string id; ///< reseller tenant id
    std::string name;
    std::string mpnId;
    std::string location; ///< country code
};

/// The partner the emulator plays (the caller's own organisation).
struct PartnerInfo {
    std::string tenantId;
    std::string name;
    std::string mpnId;
    std::string domain;
};

} // namespace mockhost::emulator
