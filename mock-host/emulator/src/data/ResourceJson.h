#pragma once

#include "data/AuditRecord.h"
#include "data/AzureEntitlements.h"
#include "data/Customer.h"

#include <Poco/JSON/Object.h>

namespace mockhost::emulator {

/// Renders data as Partner Center JSON (field names and shapes as documented) and reads the same
/// shapes back (used by DataSetFile). Readers throw Poco::Exception naming a missing field.
class ResourceJson {
public:
    /// The reduced projection GET /v1/customers returns.
    static Poco::JSON::Object::Ptr customerSummary(const Customer& customer);
    /// The full resource GET /v1/customers/{id} returns.
    static Poco::JSON::Object::Ptr customer(const Customer& customer);
    static Poco::JSON::Object::Ptr companyProfile(const Customer& customer);
    static Poco::JSON::Object::Ptr billingProfile(const Customer& customer);
    static Poco::JSON::Object::Ptr subscription(const std::string& customerId,
                                                const Subscription& subscription);
    static Poco::JSON::Object::Ptr azureEntitlement(const std::string& planSubscriptionId,
                                                    const AzureEntitlement& entitlement);
    static Poco::JSON::Object::Ptr relationship(const Reseller& reseller);
    static Poco::JSON::Object::Ptr auditRecord(const AuditRecord& record,
                                               const std::string& partnerId);

    static Subscription readSubscription(const Poco::JSON::Object::Ptr& json);
    static BillingProfile readBillingProfile(const Poco::JSON::Object::Ptr& json);
};

} // namespace mockhost::emulator
