#include "domain/billing/TermDuration.h"

#include <cctype>

namespace ict::domain {

std::optional<int> parseTermMonths(const std::string& text) {
    if (text.size() < 3 || (text[0] != 'P' && text[0] != 'p'))
        return std::nullopt;
    int count = 0;
    std::size_t pos = 1;
    for (; pos + 1 < text.size(); ++pos) {
        if (!std::isdigit(static_cast<unsigned char>(text[pos])) || count > 100)
            return std::nullopt;
        count = count * 10 + (text[pos] - '0');
    }
    if (count < 1 || count > 100)
        return std::nullopt;
    const char unit = static_cast<char>(std::toupper(static_cast<unsigned char>(text[pos])));
    if (unit == 'M')
        return count;
    if (unit == 'Y')
        return count * 12;
    return std::nullopt;
}

} // namespace ict::domain
