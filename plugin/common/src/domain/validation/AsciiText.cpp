#include "domain/validation/AsciiText.h"

#include <algorithm>

namespace ict::domain {
namespace {

bool isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

} // namespace

std::string asciiLower(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return text;
}

std::string trimAscii(const std::string& text) {
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && isAsciiSpace(text[begin]))
        ++begin;
    while (end > begin && isAsciiSpace(text[end - 1]))
        --end;
    return text.substr(begin, end - begin);
}

bool equalsIgnoreCase(const std::string& left, const std::string& right) {
    return left.size() == right.size() && asciiLower(left) == asciiLower(right);
}

std::string quotedForMessage(const std::string& text) {
    constexpr std::size_t limit = 100;
    if (text.size() <= limit)
        return text;
    std::size_t cut = limit;
    // Do not cut a UTF-8 sequence in half: back up to the start of the character.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return text.substr(0, cut) + "...";
}

} // namespace ict::domain
