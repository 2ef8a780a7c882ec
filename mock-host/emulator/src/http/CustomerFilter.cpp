#include "http/CustomerFilter.h"

#include "common/JsonText.h"

#include <Poco/Exception.h>
#include <Poco/UTF8String.h>

namespace mockhost::emulator {

namespace {

bool startsWith(const std::string& text, const std::string& lowerPrefix) {
    return Poco::UTF8::toLower(text).compare(0, lowerPrefix.size(), lowerPrefix) == 0;
}

} // namespace

CustomerFilter CustomerFilter::parse(const std::string& json) {
    Poco::JSON::Object::Ptr object;
    try {
        object = JsonText::parseObject(json);
    } catch (const Poco::Exception&) {
        throw Poco::InvalidArgumentException("filter is not a JSON object", json);
    }
    CustomerFilter filter;
    filter._field = JsonText::text(object, "Field");
    const std::string op = JsonText::text(object, "Operator");
    filter._value = Poco::UTF8::toLower(JsonText::text(object, "Value"));
    if (filter._field != "Domain" && filter._field != "CompanyName" &&
        filter._field != "IndirectReseller")
        throw Poco::InvalidArgumentException("filter Field must be Domain, CompanyName or "
                                             "IndirectReseller",
                                             filter._field);
    if (op != "starts_with")
        throw Poco::InvalidArgumentException("filter Operator must be starts_with", op);
    return filter;
}

bool CustomerFilter::matches(const Customer& customer) const {
    if (_field == "Domain")
        return startsWith(customer.domain, _value);
    if (_field == "CompanyName")
        return startsWith(customer.companyName, _value);
    for (const auto& resellerId : customer.resellerIds)
        if (startsWith(resellerId, _value))
            return true;
    return false;
}

} // namespace mockhost::emulator
