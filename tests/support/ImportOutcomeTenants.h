#pragma once
/// Reading an import's results or dry-run answer in tests: the tenant objects of its direct group
/// and of every reseller group, in that order.

#include <Poco/JSON/Object.h>

#include <vector>

namespace ict::test {

inline std::vector<Poco::JSON::Object::Ptr> tenantsOf(const Poco::JSON::Object::Ptr& outcome) {
    std::vector<Poco::JSON::Object::Ptr> tenants;
    const auto direct = outcome->getArray("direct");
    for (std::size_t i = 0; i < direct->size(); ++i)
        tenants.push_back(direct->getObject(static_cast<unsigned>(i)));
    const auto resellers = outcome->getArray("resellers");
    for (std::size_t r = 0; r < resellers->size(); ++r) {
        const auto group = resellers->getObject(static_cast<unsigned>(r))->getArray("tenants");
        for (std::size_t i = 0; i < group->size(); ++i)
            tenants.push_back(group->getObject(static_cast<unsigned>(i)));
    }
    return tenants;
}

} // namespace ict::test
