#pragma once

#include "data/DataSet.h"

#include <string>

namespace mockhost::emulator {

/// The customers search filter {"Field":..,"Value":..,"Operator":"starts_with"}: a
/// case-insensitive prefix match on Domain, CompanyName or IndirectReseller (a reseller tenant
/// id serving the customer). Parsing throws Poco::InvalidArgumentException naming the bad part.
class CustomerFilter {
public:
    static CustomerFilter parse(const std::string& json);

    bool matches(const Customer& customer) const;
    const std::string& field() const { return _field; }

private:
    std::string _field;
    std::string _value; ///< lower case
};

} // namespace mockhost::emulator
