#pragma once
/// Reads the collection envelope {totalCount, items, continuationToken, links.next} shared by all
/// Partner Center list answers, leaving items to a per-model function. Pure; throws GatewayError
/// (MalformedResponse) naming the call and field.

#include "gateway/CollectionPage.h"
#include "gateway/JsonFields.h"

#include <functional>

namespace ict::gateway {

/// Fills `page`'s paging fields from `root` and returns its "items" array (required).
Poco::JSON::Array::Ptr parseEnvelope(const Poco::JSON::Object::Ptr& root, const std::string& call,
                                     std::string& continuationToken, bool& hasNextLink,
                                     NextLink& next);

template <typename T>
CollectionPage<T> parseCollection(
    const std::string& body, const std::string& call,
    const std::function<T(const Poco::JSON::Object::Ptr&, const std::string&, const std::string&)>&
        parseItem) {
    CollectionPage<T> page;
    const Poco::JSON::Object::Ptr root = json::parseObject(body, call);
    const Poco::JSON::Array::Ptr items =
        parseEnvelope(root, call, page.continuationToken, page.hasNextLink, page.next);
    page.items.reserve(items->size());
    for (std::size_t i = 0; i < items->size(); ++i) {
        const std::string where = "items[" + std::to_string(i) + "]";
        page.items.push_back(parseItem(json::objectAt(items, i, call, "items"), call, where));
    }
    return page;
}

} // namespace ict::gateway
