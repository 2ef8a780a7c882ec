#include "http/CustomerEndpoint.h"

#include "data/ResourceJson.h"
#include "http/CollectionJson.h"

#include <Poco/JSON/Array.h>
#include <Poco/RegularExpression.h>

namespace mockhost::emulator {

namespace {

bool isGuid(const std::string& text) {
    static const Poco::RegularExpression guid(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    return guid.match(text);
}

} // namespace

Reply CustomerEndpoint::withCustomer(
    EmulatorState& state, const ApiRequest& request,
    const std::function<Reply(const DataSet&, const Customer&)>& render) {
    const CompatibilityOptions compatibility = state.compatibility();
    const std::string id = request.param("customerId");
    if (!isGuid(id))
        return Reply::partnerError(400, 2000, "Tenant Id must be a GUID.", compatibility);
    return state.withData([&](const DataSet& data) {
        const Customer* customer = data.findCustomer(id);
        if (!customer)
            return Reply::partnerError(404, 1000, "Customer " + id + " was not found.",
                                       compatibility);
        if (customer->left)
            return Reply::partnerError(403, 20002, "No relationship between caller and account.",
                                       compatibility);
        return render(data, *customer);
    });
}

Reply CustomerEndpoint::get(EmulatorState& state, const ApiRequest& request) {
    return withCustomer(state, request, [](const DataSet&, const Customer& customer) {
        return Reply::json(200, ResourceJson::customer(customer));
    });
}

Reply CustomerEndpoint::billingProfile(EmulatorState& state, const ApiRequest& request) {
    return withCustomer(state, request, [](const DataSet&, const Customer& customer) {
        return Reply::json(200, ResourceJson::billingProfile(customer));
    });
}

Reply CustomerEndpoint::companyProfile(EmulatorState& state, const ApiRequest& request) {
    return withCustomer(state, request, [](const DataSet&, const Customer& customer) {
        return Reply::json(200, ResourceJson::companyProfile(customer));
    });
}

Reply CustomerEndpoint::relationships(EmulatorState& state, const ApiRequest& request) {
    return withCustomer(state, request, [](const DataSet& data, const Customer& customer) {
        Poco::JSON::Array::Ptr items(new Poco::JSON::Array);
        for (const auto& resellerId : customer.resellerIds)
            if (const Reseller* reseller = data.findReseller(resellerId))
                items->add(ResourceJson::relationship(*reseller));
        return Reply::json(200, CollectionJson::make(items, ""));
    });
}

} // namespace mockhost::emulator
