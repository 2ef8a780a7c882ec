#pragma once
/// A customer's subscription as Partner Center describes it. Dates are kept as Partner Center sent
/// them (ISO-8601 UTC, up to 7 fractional digits); empty when absent.

#include "domain/partner/SubscriptionKind.h"

#include <cstdint>
#include <string>

namespace ict::domain {

struct Subscription {
    std::string id;
    std::string customerTenantId;
    std::string offerId;
    std::string offerName;
    std::string friendlyName;
    std::string productTypeId; ///< productType.id, e.g. "OnlineServicesNCE"; empty when absent.
    std::int64_t quantity = 0;
    std::string unitType;
    std::string status;       ///< active, suspended, expired, deleted, pending, disabled, none, ...
    std::string billingCycle; ///< monthly, annual, triennial, none, one_time, ...
    std::string termDuration; ///< P1M, P1Y, P3Y, or empty.
    std::string creationDate;
    std::string effectiveStartDate;
    std::string commitmentEndDate;
    bool autoRenewEnabled = false;
    std::string partnerId;            ///< Reseller MPN id of record; empty for direct business.
    std::string parentSubscriptionId; ///< Set on add-ons.
    std::string entitlementId;
    SubscriptionKind kind = SubscriptionKind::Unset; ///< classifySubscription() of the above.

    bool isAddOn() const { return !parentSubscriptionId.empty(); }
    bool isDirect() const { return partnerId.empty(); }
};

} // namespace ict::domain
