#include "support/LogText.h"

#include <cstdio>

namespace mockhost {

std::string printableForLog(const std::string& text, std::size_t maxBytes) {
    std::string out;
    for (std::size_t i = 0; i < text.size() && i < maxBytes; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7f || c == '\\') {
            char escaped[5];
            std::snprintf(escaped, sizeof escaped, "\\x%02x", c);
            out += escaped;
        } else {
            out += static_cast<char>(c);
        }
    }
    if (text.size() > maxBytes)
        out += "...";
    return out;
}

} // namespace mockhost
