#include "data/ResourceJson.h"

#include "common/IsoTime.h"
#include "common/JsonText.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>

namespace mockhost::emulator {

namespace {

Poco::JSON::Object::Ptr attributes(const std::string& objectType, const std::string& etag = "") {
    auto attrs = JsonText::object();
    if (!etag.empty())
        attrs->set("etag", etag);
    attrs->set("objectType", objectType);
    return attrs;
}

Poco::JSON::Object::Ptr selfLinks(const std::string& uri) {
    auto links = JsonText::object();
    links->set("self", JsonText::link(uri));
    return links;
}

void setIfPresent(Poco::JSON::Object::Ptr& json, const std::string& key, const std::string& value) {
    if (!value.empty())
        json->set(key, value);
}

std::string required(const Poco::JSON::Object::Ptr& json, const std::string& key) {
    if (!json->has(key) || json->isNull(key))
        throw Poco::DataFormatException("subscription field missing", key);
    return json->getValue<std::string>(key);
}

} // namespace

Poco::JSON::Object::Ptr ResourceJson::companyProfile(const Customer& customer) {
    auto profile = JsonText::object();
    profile->set("tenantId", customer.id);
    profile->set("domain", customer.domain);
    profile->set("companyName", customer.companyName);
    profile->set("links", selfLinks("/customers/" + customer.id + "/profiles/company"));
    profile->set("attributes", attributes("CustomerCompanyProfile"));
    return profile;
}

Poco::JSON::Object::Ptr ResourceJson::customerSummary(const Customer& customer) {
    auto json = JsonText::object();
    json->set("id", customer.id);
    json->set("companyProfile", companyProfile(customer));
    json->set("relationshipToPartner", customer.relationshipToPartner);
    json->set("links", selfLinks("/customers/" + customer.id));
    json->set("attributes", attributes("Customer"));
    return json;
}

Poco::JSON::Object::Ptr ResourceJson::customer(const Customer& customer) {
    auto json = JsonText::object();
    json->set("id", customer.id);
    json->set("commerceId", customer.commerceId);
    json->set("companyProfile", companyProfile(customer));
    json->set("billingProfile", billingProfile(customer));
    json->set("relationshipToPartner", customer.relationshipToPartner);
    json->set("allowDelegatedAccess", customer.allowDelegatedAccess);
    if (!customer.resellerIds.empty())
        json->set("associatedPartnerId", customer.resellerIds.front());
    json->set("links", selfLinks("/customers/" + customer.id));
    json->set("attributes", attributes("Customer"));
    return json;
}

Poco::JSON::Object::Ptr ResourceJson::billingProfile(const Customer& customer) {
    const BillingProfile& b = customer.billingProfile;
    auto json = JsonText::object();
    json->set("id", b.id);
    json->set("firstName", b.firstName);
    json->set("lastName", b.lastName);
    json->set("email", b.email);
    json->set("culture", b.culture);
    json->set("language", b.language);
    json->set("companyName", b.companyName);
    auto address = JsonText::object();
    const Address& a = b.defaultAddress;
    address->set("country", a.country);
    address->set("city", a.city);
    address->set("region", a.region);
    address->set("addressLine1", a.addressLine1);
    address->set("postalCode", a.postalCode);
    address->set("firstName", a.firstName);
    address->set("lastName", a.lastName);
    address->set("phoneNumber", a.phoneNumber);
    json->set("defaultAddress", address);
    json->set("links", selfLinks("/customers/" + customer.id + "/profiles/billing"));
    json->set("attributes", attributes("CustomerBillingProfile", b.etag));
    return json;
}

Poco::JSON::Object::Ptr ResourceJson::subscription(const std::string& customerId,
                                                   const Subscription& s) {
    auto json = JsonText::object();
    json->set("id", s.id);
    setIfPresent(json, "entitlementId", s.entitlementId);
    json->set("offerId", s.offerId);
    json->set("offerName", s.offerName);
    json->set("friendlyName", s.friendlyName);
    if (!s.productTypeId.empty()) {
        auto productType = JsonText::object();
        productType->set("id", s.productTypeId);
        productType->set("displayName", s.productTypeName);
        json->set("productType", productType);
    }
    json->set("quantity", s.quantity);
    json->set("unitType", s.unitType);
    setIfPresent(json, "parentSubscriptionId", s.parentSubscriptionId);
    json->set("creationDate", s.creationDate);
    json->set("effectiveStartDate", s.effectiveStartDate);
    json->set("commitmentEndDate", s.commitmentEndDate);
    json->set("status", s.status);
    json->set("autoRenewEnabled", s.autoRenewEnabled);
    json->set("isTrial", s.isTrial);
    const bool catalog = s.offerId.find(':') != std::string::npos;
    if (catalog) {
        // Catalog (NCE / Azure plan) resources carry these; the demo offers are all Microsoft's.
        json->set("isMicrosoftProduct", true);
        json->set("publisherName", "Microsoft Corporation");
        json->set("hasPurchasableAddons",
                  s.parentSubscriptionId.empty() && s.productTypeId == "OnlineServicesNCE");
    }
    if (s.status == "suspended") {
        Poco::JSON::Array::Ptr reasons(new Poco::JSON::Array);
        reasons->add("CustomerCancellation");
        json->set("suspensionReasons", reasons);
    }
    json->set("billingType", s.billingType);
    json->set("billingCycle", s.billingCycle);
    setIfPresent(json, "termDuration", s.termDuration);
    json->set("partnerId", s.partnerId);
    setIfPresent(json, "migratedFromSubscriptionId", s.migratedFromSubscriptionId);
    json->set("contractType", "subscription");
    json->set("orderId", s.orderId);

    auto links = JsonText::object();
    const std::string base = "/customers/" + customerId + "/subscriptions/";
    links->set("self", JsonText::link(base + s.id));
    const auto firstColon = s.offerId.find(':');
    if (firstColon == std::string::npos) {
        links->set("offer", JsonText::link("/offers/" + s.offerId));
    } else {
        const std::string product = s.offerId.substr(0, firstColon);
        const auto secondColon = s.offerId.find(':', firstColon + 1);
        const std::string sku = s.offerId.substr(firstColon + 1, secondColon - firstColon - 1);
        links->set("product", JsonText::link("/products/" + product + "?country=US"));
        links->set("sku", JsonText::link("/products/" + product + "/skus/" + sku + "?country=US"));
        if (secondColon != std::string::npos)
            links->set("availability",
                       JsonText::link("/products/" + product + "/skus/" + sku + "/availabilities/" +
                                      s.offerId.substr(secondColon + 1) + "?country=US"));
    }
    if (!s.parentSubscriptionId.empty())
        links->set("parentSubscription", JsonText::link(base + s.parentSubscriptionId));
    json->set("links", links);
    json->set("attributes", attributes("Subscription"));
    return json;
}

Poco::JSON::Object::Ptr ResourceJson::azureEntitlement(const std::string& planSubscriptionId,
                                                       const AzureEntitlement& entitlement) {
    auto json = JsonText::object();
    json->set("id", entitlement.id);
    json->set("friendlyName", entitlement.friendlyName);
    json->set("status", entitlement.status);
    json->set("subscriptionId", planSubscriptionId);
    json->set("attributes", attributes("AzureEntitlement"));
    return json;
}

Poco::JSON::Object::Ptr ResourceJson::relationship(const Reseller& reseller) {
    auto json = JsonText::object();
    json->set("id", reseller.id);
    json->set("name", reseller.name);
    json->set("relationshipType", "is_indirect_cloud_solution_provider_of");
    json->set("state", "Active");
    json->set("mpnId", reseller.mpnId);
    json->set("location", reseller.location);
    json->set("attributes", attributes("PartnerRelationship"));
    return json;
}

Poco::JSON::Object::Ptr ResourceJson::auditRecord(const AuditRecord& r,
                                                  const std::string& partnerId) {
    auto json = JsonText::object();
    json->set("id", r.id);
    json->set("partnerId", partnerId);
    json->set("customerId", r.customerId);
    json->set("customerName", r.customerName);
    json->set("userPrincipalName", r.userPrincipalName);
    json->set("resourceType", r.resourceType);
    json->set("resourceName", r.resourceName);
    json->set("resourceNewValue", r.resourceNewValue);
    json->set("operationType", r.operationType);
    json->set("operationDate", IsoTime::withFraction(r.operationDate));
    json->set("operationStatus", r.operationStatus);
    Poco::JSON::Array::Ptr customized(new Poco::JSON::Array);
    for (const auto& entry : r.customizedData) {
        auto pair = JsonText::object();
        pair->set("key", entry.first);
        pair->set("value", entry.second);
        customized->add(pair);
    }
    json->set("customizedData", customized);
    json->set("attributes", attributes("AuditRecord"));
    return json;
}

Subscription ResourceJson::readSubscription(const Poco::JSON::Object::Ptr& json) {
    Subscription s;
    s.id = required(json, "id");
    s.offerId = required(json, "offerId");
    s.offerName = JsonText::text(json, "offerName");
    s.friendlyName = JsonText::text(json, "friendlyName");
    if (auto productType = json->getObject("productType")) {
        s.productTypeId = JsonText::text(productType, "id");
        s.productTypeName = JsonText::text(productType, "displayName");
    }
    s.quantity = json->optValue<int>("quantity", 1);
    s.unitType = JsonText::text(json, "unitType");
    s.status = required(json, "status");
    s.billingCycle = JsonText::text(json, "billingCycle");
    s.billingType = JsonText::text(json, "billingType");
    s.termDuration = JsonText::text(json, "termDuration");
    s.creationDate = JsonText::text(json, "creationDate");
    s.effectiveStartDate = JsonText::text(json, "effectiveStartDate");
    s.commitmentEndDate = JsonText::text(json, "commitmentEndDate");
    s.autoRenewEnabled = json->optValue<bool>("autoRenewEnabled", false);
    s.partnerId = JsonText::text(json, "partnerId");
    s.parentSubscriptionId = JsonText::text(json, "parentSubscriptionId");
    s.entitlementId = JsonText::text(json, "entitlementId");
    s.orderId = JsonText::text(json, "orderId");
    s.migratedFromSubscriptionId = JsonText::text(json, "migratedFromSubscriptionId");
    s.isTrial = json->optValue<bool>("isTrial", false);
    return s;
}

BillingProfile ResourceJson::readBillingProfile(const Poco::JSON::Object::Ptr& json) {
    BillingProfile b;
    if (!json)
        return b;
    b.id = JsonText::text(json, "id");
    b.firstName = JsonText::text(json, "firstName");
    b.lastName = JsonText::text(json, "lastName");
    b.email = JsonText::text(json, "email");
    b.culture = JsonText::text(json, "culture");
    b.language = JsonText::text(json, "language");
    b.companyName = JsonText::text(json, "companyName");
    if (auto a = json->getObject("defaultAddress")) {
        b.defaultAddress.country = JsonText::text(a, "country");
        b.defaultAddress.region = JsonText::text(a, "region");
        b.defaultAddress.city = JsonText::text(a, "city");
        b.defaultAddress.addressLine1 = JsonText::text(a, "addressLine1");
        b.defaultAddress.postalCode = JsonText::text(a, "postalCode");
        b.defaultAddress.firstName = JsonText::text(a, "firstName");
        b.defaultAddress.lastName = JsonText::text(a, "lastName");
        b.defaultAddress.phoneNumber = JsonText::text(a, "phoneNumber");
    }
    if (auto attrs = json->getObject("attributes"))
        b.etag = JsonText::text(attrs, "etag");
    return b;
}

} // namespace mockhost::emulator
