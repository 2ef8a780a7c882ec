#include "gateway/CollectionParser.h"

#include "gateway/GatewayError.h"

namespace ict::gateway {

Poco::JSON::Array::Ptr parseEnvelope(const Poco::JSON::Object::Ptr& root, const std::string& call,
                                     std::string& continuationToken, bool& hasNextLink,
                                     NextLink& next) {
    const Poco::JSON::Array::Ptr items = json::requiredArray(root, "items", call, "");
    continuationToken = json::optionalString(root, "continuationToken", call, "");
    hasNextLink = false;
    const Poco::JSON::Object::Ptr links = json::optionalObject(root, "links", call, "");
    if (!links)
        return items;
    const Poco::JSON::Object::Ptr nextObject = json::optionalObject(links, "next", call, "links");
    if (!nextObject)
        return items;
    next.uri = json::requiredString(nextObject, "uri", call, "links.next");
    next.headers.clear();
    if (const auto headers = json::optionalArray(nextObject, "headers", call, "links.next")) {
        for (std::size_t i = 0; i < headers->size(); ++i) {
            const auto header = json::objectAt(headers, i, call, "links.next.headers");
            const std::string where = "links.next.headers[" + std::to_string(i) + "]";
            next.headers.emplace_back(json::requiredString(header, "key", call, where),
                                      json::optionalString(header, "value", call, where));
        }
    }
    hasNextLink = true;
    return items;
}

} // namespace ict::gateway
