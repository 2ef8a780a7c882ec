#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <string>

namespace mockhost::emulator {

/// A non-paged collection envelope {totalCount, items, links.self?, attributes}.
class CollectionJson {
public:
    /// `selfUri` empty: no links member (as the relationships example shows).
    static Poco::JSON::Object::Ptr make(const Poco::JSON::Array::Ptr& items,
                                        const std::string& selfUri);
};

} // namespace mockhost::emulator
