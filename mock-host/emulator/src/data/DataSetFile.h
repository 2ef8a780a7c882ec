#pragma once

#include "data/DataSet.h"

#include <string>

namespace mockhost::emulator {

/// Reads and writes a DataSet as one JSON document:
/// {"partner":{tenantId,name,mpnId,domain}, "resellers":[{id,name,mpnId,location}],
///  "customers":[{id,commerceId,domain,companyName,relationshipToPartner,allowDelegatedAccess,
///    resellerIds:[..], left, billingProfile:{..}, subscriptions:[<Partner Center Subscription>]}]}
/// Subscriptions and billing profiles use the Partner Center field names. The activity log is not
/// stored. Errors throw Poco::Exception naming the file or the missing field.
class DataSetFile {
public:
    static DataSet load(const std::string& path);
    static void save(const DataSet& data, const std::string& path);
    static std::string toJson(const DataSet& data);
    static DataSet fromJson(const std::string& text);
};

} // namespace mockhost::emulator
