#pragma once

#include <string>

namespace mockhost::emulator {

/// One subscription as Partner Center describes it; members carry the JSON field names. Dates are
/// ISO-8601 UTC text. Empty strings mean "absent" except partnerId, which is "" for direct sales.
struct Subscription {
    std::string id;
    std::string offerId;
    std::string offerName;
    std::string friendlyName;
    std::string productTypeId;   ///< "OnlineServicesNCE", "Azure", or "" (legacy: no productType)
    std::string productTypeName; ///< productType.displayName
    int quantity = 1;
    std::string unitType;     ///< "Licenses", "Usage-based"
    std::string status;       ///< active, suspended, expired, deleted, ...
    std::string billingCycle; ///< monthly, annual, triennial, one_time, none
    std::string billingType;  ///< license, usage
    std::string termDuration; ///< P1M, P1Y, P3Y or ""
    std::string creationDate;
    std::string effectiveStartDate;
    std::string commitmentEndDate;
    bool autoRenewEnabled = false;
    std::string partnerId; ///< reseller MPN id of record, "" for direct
    std::string parentSubscriptionId;
    std::string entitlementId; ///< Azure subscription id (Azure offers)
    std::string orderId;
    std::string migratedFromSubscriptionId;
    bool isTrial = false;
    /// Azure plans: Azure subscriptions the customer added after the data set was generated
    /// (EmulatorState::addAzureEntitlement); azureEntitlementsOf() lists them after the others.
    int addedAzureEntitlements = 0;
};

} // namespace mockhost::emulator
