// Fuzzes what a user types into the tool before any handler logic: the Tenant ID and Primary
// Domain validators (domain/validation) and the adapter's request-body reading (adapter/JsonIo).
// The first byte picks the piece; the rest is the input. Checked properties: a validator's accepted
// value passes the matching predicate, is lower-case and validates to itself; a rejection has an
// error that names the field and stays bounded; JsonIo throws nothing but ToolError(InvalidInput).
#include "adapter/JsonIo.h"
#include "domain/validation/AsciiText.h"
#include "domain/validation/DomainNameValidator.h"
#include "domain/validation/TenantIdValidator.h"

#include <bss/sdk/ToolError.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <typeinfo>

using namespace ict;

namespace {

[[noreturn]] void propertyBroken(const char* what, const std::string& input) {
    std::fprintf(stderr, "%s (input of %zu bytes)\n", what, input.size());
    std::abort();
}

// The message quotes the input cut at 100 bytes plus "...", inside a one-sentence template.
constexpr std::size_t kMaxMessage = 200;

void checkValidated(const domain::ValidatedInput& result, const std::string& input,
                    bool (*predicate)(const std::string&), const char* fieldName,
                    domain::ValidatedInput (*validate)(const std::string&)) {
    if (result.ok()) {
        if (!predicate(result.value))
            propertyBroken("accepted value fails the predicate", input);
        if (domain::asciiLower(result.value) != result.value)
            propertyBroken("accepted value is not lower-case", input);
        const domain::ValidatedInput again = validate(result.value);
        if (!again.ok() || again.value != result.value)
            propertyBroken("accepted value does not validate to itself", input);
    } else {
        if (!result.value.empty())
            propertyBroken("rejected input keeps a value", input);
        if (result.error.find(fieldName) == std::string::npos)
            propertyBroken("error does not name the field", input);
        if (result.error.size() > kMaxMessage)
            propertyBroken("error text is not bounded", input);
    }
}

void readBody(const std::string& input) {
    try {
        const Poco::JSON::Object::Ptr body = adapter::parseBody(input);
        if (!body)
            propertyBroken("parseBody returned null", input);
        std::vector<std::string> names;
        body->getNames(names);
        for (const std::string& name : names) {
            for (int reader = 0; reader < 2; ++reader) {
                try {
                    if (reader == 0)
                        adapter::optionalString(*body, name);
                    else
                        adapter::requiredInt(*body, name);
                } catch (const bss::sdk::ToolError& e) {
                    if (e.code() != bss::sdk::ErrorCode::InvalidInput || e.field() != name)
                        propertyBroken("field error without InvalidInput and the field", input);
                    if (std::string(e.what()).size() > kMaxMessage + name.size())
                        propertyBroken("field error text is not bounded", input);
                }
            }
        }
        adapter::toJson(*body);
    } catch (const bss::sdk::ToolError& e) {
        if (e.code() != bss::sdk::ErrorCode::InvalidInput)
            propertyBroken("body error is not InvalidInput", input);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
    try {
        switch (data[0] % 4) {
        case 0:
            checkValidated(domain::validateTenantId(input), input, domain::isGuid, "Tenant ID",
                           domain::validateTenantId);
            break;
        case 1:
            checkValidated(domain::validatePrimaryDomain(input), input, domain::isDomainName,
                           "Primary Domain", domain::validatePrimaryDomain);
            break;
        case 2:
            if (domain::quotedForMessage(input).size() > 103)
                propertyBroken("quotedForMessage longer than 103 bytes", input);
            if (domain::asciiLower(input).size() != input.size() ||
                domain::trimAscii(input).size() > input.size())
                propertyBroken("ASCII helpers changed the length", input);
            break;
        default:
            readBody(input);
            break;
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "threw %s: %s\n", typeid(e).name(), e.what());
        propertyBroken("unexpected exception", input);
    }
    return 0;
}
