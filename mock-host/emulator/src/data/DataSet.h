#pragma once

#include "data/AuditRecord.h"
#include "data/Customer.h"
#include "data/SubscriptionChange.h"

#include <Poco/Timestamp.h>

#include <string>
#include <vector>

namespace mockhost::emulator {

/// Everything the emulated Partner Center knows: the partner, its resellers, its customers with
/// their subscriptions, and the activity log. Customers keep insertion order (the listing order).
/// Not thread-safe: the emulator serialises access. Unknown ids throw Poco::NotFoundException
/// naming the id; duplicate ids throw Poco::ExistsException.
class DataSet {
public:
    PartnerInfo partner;
    std::vector<Reseller> resellers;
    std::vector<Customer> customers;
    std::vector<AuditRecord> auditRecords;

    /// Null when unknown. Ids compare case-insensitively.
    const Customer* findCustomer(const std::string& id) const;
    Customer* findCustomer(const std::string& id);
    const Reseller* findReseller(const std::string& tenantId) const;
    const Reseller* findResellerByMpnId(const std::string& mpnId) const;
    const Subscription* findSubscription(const Customer& customer, const std::string& id) const;
    std::size_t subscriptionCount() const;

    /// Changes over time; each appends an audit record dated `when`.
    void addCustomer(const Customer& customer, const Poco::Timestamp& when);
    void addSubscription(const std::string& customerId, const Subscription& subscription,
                         const Poco::Timestamp& when);
    const Subscription& changeSubscription(const std::string& customerId,
                                           const std::string& subscriptionId,
                                           const SubscriptionChange& change,
                                           const Poco::Timestamp& when);
    void markCustomerLeft(const std::string& customerId, const Poco::Timestamp& when);

private:
    Customer& requireCustomer(const std::string& id);
    void record(const Customer& customer, const std::string& operationType,
                const std::string& resourceType, const std::string& resourceName,
                const std::string& newValue, const Poco::Timestamp& when,
                std::vector<std::pair<std::string, std::string>> customizedData = {});
};

} // namespace mockhost::emulator
