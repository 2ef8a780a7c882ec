#include "storage/RelatedAccountsJson.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

namespace ict::storage {

std::string relatedAccountsToJson(const std::vector<domain::RelatedAccount>& related) {
    Poco::JSON::Array array;
    for (const domain::RelatedAccount& account : related) {
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
        item->set("accountId", account.accountId);
        item->set("name", account.name);
        item->set("key", std::string(domain::matchKeyName(account.key)));
        array.add(item);
    }
    std::ostringstream out;
    array.stringify(out);
    return out.str();
}

std::vector<domain::RelatedAccount> relatedAccountsFromJson(const std::string& json) {
    std::vector<domain::RelatedAccount> related;
    Poco::JSON::Parser parser;
    Poco::JSON::Array::Ptr array = parser.parse(json).extract<Poco::JSON::Array::Ptr>();
    for (std::size_t i = 0; i < array->size(); ++i) {
        Poco::JSON::Object::Ptr item = array->getObject(static_cast<unsigned>(i));
        related.push_back({item->getValue<Poco::Int64>("accountId"),
                           item->getValue<std::string>("name"),
                           domain::parseMatchKey(item->getValue<std::string>("key"))});
    }
    return related;
}

} // namespace ict::storage
