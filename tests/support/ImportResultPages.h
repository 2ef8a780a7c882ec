#pragma once
/// Reading a whole import or dry run's results in tests, a page at a time as the results action
/// serves them ({"runId","offset","limit"}): one answer like a page's, with every page's direct
/// tenants and reseller groups (merged by MPN id) in order.

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <functional>
#include <map>
#include <string>

namespace ict::test {

/// `fetch(body)` answers the results action for a body.
inline Poco::JSON::Object::Ptr
allResultPages(const std::string& runId,
               const std::function<Poco::JSON::Object::Ptr(const std::string&)>& fetch) {
    const std::size_t limit = 1000;
    Poco::JSON::Object::Ptr merged;
    Poco::JSON::Array::Ptr direct = new Poco::JSON::Array;
    Poco::JSON::Array::Ptr resellers = new Poco::JSON::Array;
    std::map<std::string, Poco::JSON::Array::Ptr> groups;
    for (std::size_t offset = 0;; offset += limit) {
        const Poco::JSON::Object::Ptr page =
            fetch("{\"runId\":\"" + runId + "\",\"offset\":" + std::to_string(offset) +
                  ",\"limit\":" + std::to_string(limit) + "}");
        if (!merged)
            merged = page;
        const auto pageDirect = page->getArray("direct");
        for (std::size_t i = 0; i < pageDirect->size(); ++i)
            direct->add(pageDirect->get(static_cast<unsigned>(i)));
        const auto pageResellers = page->getArray("resellers");
        for (std::size_t r = 0; r < pageResellers->size(); ++r) {
            const auto group = pageResellers->getObject(static_cast<unsigned>(r));
            Poco::JSON::Array::Ptr& tenants = groups[group->getValue<std::string>("mpnId")];
            if (!tenants) {
                tenants = group->getArray("tenants");
                resellers->add(group);
                continue;
            }
            const auto more = group->getArray("tenants");
            for (std::size_t i = 0; i < more->size(); ++i)
                tenants->add(more->get(static_cast<unsigned>(i)));
        }
        if (offset + limit >= page->getValue<std::size_t>("total"))
            break;
    }
    merged->set("direct", direct);
    merged->set("resellers", resellers);
    return merged;
}

} // namespace ict::test
