#include "data/DataSetFile.h"

#include "common/JsonText.h"
#include "data/ResourceJson.h"

#include <Poco/Exception.h>
#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>

namespace mockhost::emulator {

namespace {

std::string requiredText(const Poco::JSON::Object::Ptr& json, const std::string& key,
                         const std::string& where) {
    if (!json || !json->has(key) || json->isNull(key))
        throw Poco::DataFormatException(where + " field missing", key);
    return json->getValue<std::string>(key);
}

Poco::JSON::Array::Ptr array(const Poco::JSON::Object::Ptr& json, const std::string& key) {
    auto found = json->getArray(key);
    return found ? found : Poco::JSON::Array::Ptr(new Poco::JSON::Array);
}

} // namespace

std::string DataSetFile::toJson(const DataSet& data) {
    auto root = JsonText::object();
    auto partner = JsonText::object();
    partner->set("tenantId", data.partner.tenantId);
    partner->set("name", data.partner.name);
    partner->set("mpnId", data.partner.mpnId);
    partner->set("domain", data.partner.domain);
    root->set("partner", partner);

    Poco::JSON::Array::Ptr resellers(new Poco::JSON::Array);
    for (const auto& reseller : data.resellers) {
        auto json = JsonText::object();
        json->set("id", reseller.id);
        json->set("name", reseller.name);
        json->set("mpnId", reseller.mpnId);
        json->set("location", reseller.location);
        resellers->add(json);
    }
    root->set("resellers", resellers);

    Poco::JSON::Array::Ptr customers(new Poco::JSON::Array);
    for (const auto& customer : data.customers) {
        auto json = JsonText::object();
        json->set("id", customer.id);
        json->set("commerceId", customer.commerceId);
        json->set("domain", customer.domain);
        json->set("companyName", customer.companyName);
        json->set("relationshipToPartner", customer.relationshipToPartner);
        json->set("allowDelegatedAccess", customer.allowDelegatedAccess);
        Poco::JSON::Array::Ptr resellerIds(new Poco::JSON::Array);
        for (const auto& id : customer.resellerIds)
            resellerIds->add(id);
        json->set("resellerIds", resellerIds);
        json->set("left", customer.left);
        json->set("billingProfile", ResourceJson::billingProfile(customer));
        Poco::JSON::Array::Ptr subscriptions(new Poco::JSON::Array);
        for (const auto& subscription : customer.subscriptions)
            subscriptions->add(ResourceJson::subscription(customer.id, subscription));
        json->set("subscriptions", subscriptions);
        customers->add(json);
    }
    root->set("customers", customers);
    return JsonText::write(root);
}

DataSet DataSetFile::fromJson(const std::string& text) {
    const auto root = JsonText::parseObject(text);
    DataSet data;
    const auto partner = root->getObject("partner");
    data.partner.tenantId = requiredText(partner, "tenantId", "partner");
    data.partner.name = JsonText::text(partner, "name");
    data.partner.mpnId = JsonText::text(partner, "mpnId");
    data.partner.domain = JsonText::text(partner, "domain");

    const auto resellers = array(root, "resellers");
    for (std::size_t i = 0; i < resellers->size(); ++i) {
        const auto json = resellers->getObject(static_cast<unsigned>(i));
        data.resellers.push_back(
            {requiredText(json, "id", "reseller"), JsonText::text(json, "name"),
             requiredText(json, "mpnId", "reseller"), JsonText::text(json, "location")});
    }

    const auto customers = array(root, "customers");
    for (std::size_t i = 0; i < customers->size(); ++i) {
        const auto json = customers->getObject(static_cast<unsigned>(i));
        Customer customer;
        customer.id = requiredText(json, "id", "customer");
        customer.commerceId = JsonText::text(json, "commerceId");
        customer.domain = requiredText(json, "domain", "customer");
        customer.companyName = requiredText(json, "companyName", "customer");
        customer.relationshipToPartner = JsonText::text(json, "relationshipToPartner", "reseller");
        customer.allowDelegatedAccess = json->optValue<bool>("allowDelegatedAccess", false);
        customer.left = json->optValue<bool>("left", false);
        const auto resellerIds = array(json, "resellerIds");
        for (std::size_t r = 0; r < resellerIds->size(); ++r)
            customer.resellerIds.push_back(
                resellerIds->getElement<std::string>(static_cast<unsigned>(r)));
        customer.billingProfile =
            ResourceJson::readBillingProfile(json->getObject("billingProfile"));
        const auto subscriptions = array(json, "subscriptions");
        for (std::size_t s = 0; s < subscriptions->size(); ++s)
            customer.subscriptions.push_back(
                ResourceJson::readSubscription(subscriptions->getObject(static_cast<unsigned>(s))));
        data.customers.push_back(customer);
    }
    return data;
}

DataSet DataSetFile::load(const std::string& path) {
    std::string text;
    try {
        Poco::FileInputStream in(path);
        Poco::StreamCopier::copyToString(in, text);
    } catch (const Poco::Exception& e) {
        throw Poco::OpenFileException("cannot read data file " + path, e.displayText());
    }
    try {
        return fromJson(text);
    } catch (const Poco::Exception& e) {
        throw Poco::DataFormatException("bad data file " + path, e.displayText());
    }
}

void DataSetFile::save(const DataSet& data, const std::string& path) {
    Poco::FileOutputStream out(path);
    out << toJson(data);
    out.close();
    if (!out.good())
        throw Poco::WriteFileException("cannot write data file", path);
}

} // namespace mockhost::emulator
