#include "data/DataSet.h"

#include "common/JsonText.h"
#include "common/SeededRandom.h"
#include "data/ResourceJson.h"

#include <Poco/Exception.h>
#include <Poco/String.h>

namespace mockhost::emulator {

namespace {

bool sameId(const std::string& a, const std::string& b) {
    return Poco::icompare(a, b) == 0;
}

} // namespace

const Customer* DataSet::findCustomer(const std::string& id) const {
    for (const auto& customer : customers)
        if (sameId(customer.id, id))
            return &customer;
    return nullptr;
}

Customer* DataSet::findCustomer(const std::string& id) {
    return const_cast<Customer*>(static_cast<const DataSet*>(this)->findCustomer(id));
}

const Reseller* DataSet::findReseller(const std::string& tenantId) const {
    for (const auto& reseller : resellers)
        if (sameId(reseller.id, tenantId))
            return &reseller;
    return nullptr;
}

const Reseller* DataSet::findResellerByMpnId(const std::string& mpnId) const {
    for (const auto& reseller : resellers)
        if (reseller.mpnId == mpnId)
            return &reseller;
    return nullptr;
}

const Subscription* DataSet::findSubscription(const Customer& customer,
                                              const std::string& id) const {
    for (const auto& subscription : customer.subscriptions)
        if (sameId(subscription.id, id))
            return &subscription;
    return nullptr;
}

std::size_t DataSet::subscriptionCount() const {
    std::size_t count = 0;
    for (const auto& customer : customers)
        count += customer.subscriptions.size();
    return count;
}

Customer& DataSet::requireCustomer(const std::string& id) {
    Customer* customer = findCustomer(id);
    if (!customer)
        throw Poco::NotFoundException("customer", id);
    return *customer;
}

void DataSet::addCustomer(const Customer& customer, const Poco::Timestamp& when) {
    if (customer.id.empty())
        throw Poco::InvalidArgumentException("customer id is empty");
    if (findCustomer(customer.id))
        throw Poco::ExistsException("customer", customer.id);
    for (const auto& resellerId : customer.resellerIds)
        if (!findReseller(resellerId))
            throw Poco::NotFoundException("reseller", resellerId);
    customers.push_back(customer);
    record(customer, "add_customer", "customer", customer.companyName,
           JsonText::write(ResourceJson::customer(customer)), when);
}

void DataSet::addSubscription(const std::string& customerId, const Subscription& subscription,
                              const Poco::Timestamp& when) {
    Customer& customer = requireCustomer(customerId);
    if (subscription.id.empty())
        throw Poco::InvalidArgumentException("subscription id is empty");
    if (findSubscription(customer, subscription.id))
        throw Poco::ExistsException("subscription", subscription.id);
    customer.subscriptions.push_back(subscription);
    record(customer, "create_order", "order", subscription.offerName,
           JsonText::write(ResourceJson::subscription(customer.id, subscription)), when,
           {{"OrderId", subscription.orderId}, {"SubscriptionId", subscription.id}});
}

const Subscription& DataSet::changeSubscription(const std::string& customerId,
                                                const std::string& subscriptionId,
                                                const SubscriptionChange& change,
                                                const Poco::Timestamp& when) {
    Customer& customer = requireCustomer(customerId);
    auto* found = const_cast<Subscription*>(findSubscription(customer, subscriptionId));
    if (!found)
        throw Poco::NotFoundException("subscription", subscriptionId);
    if (change.quantity) {
        if (*change.quantity < 0)
            throw Poco::InvalidArgumentException("quantity must not be negative",
                                                 std::to_string(*change.quantity));
        found->quantity = *change.quantity;
    }
    if (change.status)
        found->status = *change.status;
    if (change.autoRenewEnabled)
        found->autoRenewEnabled = *change.autoRenewEnabled;
    if (change.friendlyName)
        found->friendlyName = *change.friendlyName;
    record(customer, "update_subscription", "subscription", found->offerName,
           JsonText::write(ResourceJson::subscription(customer.id, *found)), when,
           {{"SubscriptionId", found->id}});
    return *found;
}

void DataSet::markCustomerLeft(const std::string& customerId, const Poco::Timestamp& when) {
    Customer& customer = requireCustomer(customerId);
    customer.left = true;
    record(customer, "remove_partner_customer_relationship", "customer", customer.companyName, "",
           when);
}

void DataSet::record(const Customer& customer, const std::string& operationType,
                     const std::string& resourceType, const std::string& resourceName,
                     const std::string& newValue, const Poco::Timestamp& when,
                     std::vector<std::pair<std::string, std::string>> customizedData) {
    AuditRecord entry;
    // Derived from the log position so the same changes yield the same ids.
    SeededRandom idSource(0xA0D17ULL + auditRecords.size());
    entry.id = idSource.guid();
    entry.customerId = customer.id;
    entry.customerName = customer.companyName;
    entry.resourceType = resourceType;
    entry.resourceName = resourceName;
    entry.resourceNewValue = newValue;
    entry.customizedData = std::move(customizedData);
    entry.operationType = operationType;
    entry.operationDate = when;
    entry.userPrincipalName = "admin@" + partner.domain;
    auditRecords.push_back(entry);
}

} // namespace mockhost::emulator
