#include "http/CollectionJson.h"

#include "common/JsonText.h"

namespace mockhost::emulator {

Poco::JSON::Object::Ptr CollectionJson::make(const Poco::JSON::Array::Ptr& items,
                                             const std::string& selfUri) {
    auto body = JsonText::object();
    body->set("totalCount", static_cast<int>(items->size()));
    body->set("items", items);
    if (!selfUri.empty()) {
        auto links = JsonText::object();
        links->set("self", JsonText::link(selfUri));
        body->set("links", links);
    }
    auto attributes = JsonText::object();
    attributes->set("objectType", "Collection");
    body->set("attributes", attributes);
    return body;
}

} // namespace mockhost::emulator
