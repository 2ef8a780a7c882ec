#include "domain/validation/TenantIdValidator.h"

#include "domain/validation/AsciiText.h"

#include <cctype>

namespace ict::domain {

bool isGuid(const std::string& text) {
    if (text.size() != 36)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != '-' : !std::isxdigit(static_cast<unsigned char>(text[i])))
            return false;
    }
    return true;
}

ValidatedInput validateTenantId(const std::string& input) {
    const std::string trimmed = trimAscii(input);
    if (!isGuid(trimmed))
        return {"", "Tenant ID '" + quotedForMessage(trimmed) + "' is not a valid GUID."};
    return {asciiLower(trimmed), ""};
}

} // namespace ict::domain
