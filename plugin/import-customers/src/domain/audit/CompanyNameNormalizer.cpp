#include "domain/audit/CompanyNameNormalizer.h"

#include <set>
#include <vector>

namespace ict::domain {
namespace {

// Length of the UTF-8 unicode space starting at `at`, or 0.
std::size_t unicodeSpaceLength(const std::string& text, std::size_t at) {
    const auto byte = [&](std::size_t i) {
        return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u;
    };
    if (byte(at) == 0xC2 && byte(at + 1) == 0xA0)
        return 2;
    if (byte(at) == 0xE2 && byte(at + 1) == 0x80 &&
        ((byte(at + 2) >= 0x80 && byte(at + 2) <= 0x8A) || byte(at + 2) == 0xAF))
        return 3;
    if (byte(at) == 0xE2 && byte(at + 1) == 0x81 && byte(at + 2) == 0x9F)
        return 3;
    if (byte(at) == 0xE3 && byte(at + 1) == 0x80 && byte(at + 2) == 0x80)
        return 3;
    return 0;
}

bool isRightSingleQuote(const std::string& text, std::size_t at) {
    return text.compare(at, 3, "\xE2\x80\x99") == 0;
}

bool isLegalSuffix(const std::string& word) {
    static const std::set<std::string> suffixes = {
        "inc",  "incorporated", "corp", "corporation", "co",  "company", "ltd", "limited", "llc",
        "llp",  "lp",           "plc",  "gmbh",        "mbh", "ag",      "kg",  "sa",      "sas",
        "sarl", "srl",          "spa",  "bv",          "nv",  "ab",      "as",  "aps",     "oy",
        "pty",  "pte",          "ae",   "epe",         "ike", "oe"};
    return suffixes.count(word) != 0;
}

} // namespace

std::string normalizeCompanyName(const std::string& name) {
    std::vector<std::string> words;
    std::string current;
    const auto endWord = [&]() {
        if (!current.empty())
            words.push_back(std::move(current));
        current.clear();
    };
    for (std::size_t i = 0; i < name.size();) {
        const unsigned char c = static_cast<unsigned char>(name[i]);
        if (c >= 0x80) {
            if (const std::size_t length = unicodeSpaceLength(name, i)) {
                endWord();
                i += length;
            } else if (isRightSingleQuote(name, i)) {
                i += 3;
            } else {
                current += name[i++];
            }
            continue;
        }
        ++i;
        if (c >= 'A' && c <= 'Z')
            current += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            current += static_cast<char>(c);
        else if (c == '.' || c == '\'')
            continue;
        else if (c == '&') {
            endWord();
            words.emplace_back("and");
        } else
            endWord();
    }
    endWord();

    bool dropped = false;
    while (words.size() > 1 &&
           (isLegalSuffix(words.back()) || (dropped && words.back() == "and"))) {
        words.pop_back();
        dropped = true;
    }
    std::string joined;
    for (const std::string& word : words) {
        if (!joined.empty())
            joined += ' ';
        joined += word;
    }
    return joined;
}

} // namespace ict::domain
