#include "domain/validation/DomainNameValidator.h"

#include "domain/validation/AsciiText.h"

namespace ict::domain {
namespace {

bool isLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool isLabel(const std::string& label) {
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
        return false;
    for (char c : label)
        if (!isLetterOrDigit(c) && c != '-')
            return false;
    return true;
}

bool allDigits(const std::string& label) {
    for (char c : label)
        if (c < '0' || c > '9')
            return false;
    return true;
}

} // namespace

bool isDomainName(const std::string& text) {
    if (text.empty() || text.size() > 253)
        return false;
    std::size_t labels = 0;
    std::size_t start = 0;
    std::string last;
    while (true) {
        const std::size_t dot = text.find('.', start);
        last = text.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (!isLabel(last))
            return false;
        ++labels;
        if (dot == std::string::npos)
            break;
        start = dot + 1;
    }
    return labels >= 2 && !allDigits(last);
}

ValidatedInput validatePrimaryDomain(const std::string& input) {
    const std::string trimmed = trimAscii(input);
    std::string domain = asciiLower(trimmed);
    // "contoso.com." is the same name written fully qualified.
    if (!domain.empty() && domain.back() == '.')
        domain.pop_back();
    if (!isDomainName(domain))
        return {"",
                "Primary Domain '" + quotedForMessage(trimmed) + "' is not a valid domain name."};
    return {domain, ""};
}

} // namespace ict::domain
