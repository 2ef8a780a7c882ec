#include "http/CustomersEndpoint.h"

#include "data/ResourceJson.h"
#include "http/CustomerFilter.h"
#include "http/SeekPager.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <optional>

namespace mockhost::emulator {

Reply CustomersEndpoint::list(EmulatorState& state, const ApiRequest& request) {
    const CompatibilityOptions compatibility = state.compatibility();
    Reply error;
    const auto cursor = SeekPager::cursorFor(request, "customers", request.queryValue("filter"),
                                             compatibility, error);
    if (!cursor)
        return error;
    std::optional<CustomerFilter> filter;
    if (!cursor->query.empty()) {
        try {
            filter = CustomerFilter::parse(cursor->query);
        } catch (const Poco::InvalidArgumentException& e) {
            return Reply::partnerError(400, 2000, "Invalid filter: " + e.message(), compatibility);
        }
        if (request.appOnly && filter->field() == "IndirectReseller")
            return Reply::partnerError(403, 900329,
                                       "This API doesn't support application-only authentication.",
                                       compatibility);
    }
    std::size_t total = 0;
    const auto items = state.withData([&](const DataSet& data) {
        std::vector<const Customer*> matching;
        for (const auto& customer : data.customers)
            if (!customer.left && (!filter || filter->matches(customer)))
                matching.push_back(&customer);
        total = matching.size();
        std::vector<Poco::JSON::Object::Ptr> page;
        const auto range = SeekPager::range(*cursor, total);
        for (std::size_t i = range.first; i < range.second; ++i)
            page.push_back(ResourceJson::customerSummary(*matching[i]));
        return page;
    });
    if (cursor->offset > 0 && cursor->offset >= total && compatibility.hostilePaging != "endless")
        return Reply::partnerError(400, 2000, "No more records to fetch.", compatibility);
    std::string extraQuery;
    if (filter) {
        std::string encoded;
        Poco::URI::encode(cursor->query, "!#$&'()*+,/:;=?@[]\"{}", encoded);
        extraQuery = "filter=" + encoded;
    }
    return Reply::json(
        200, SeekPager::page(items, total, *cursor, "/customers", extraQuery, compatibility));
}

} // namespace mockhost::emulator
