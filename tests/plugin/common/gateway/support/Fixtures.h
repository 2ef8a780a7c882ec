#pragma once
// Reads canned Partner Center answers from tests/plugin/common/gateway/fixtures/ (Microsoft's documented
// example shapes, partner-center-api.md section 8).

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace ict::gateway::test {

inline std::string fixture(const std::string& name) {
    const std::string path = std::string(ICT_SOURCE_DIR) + "/tests/plugin/common/gateway/fixtures/" + name;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("missing fixture " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline std::string withBom(const std::string& text) {
    return "\xEF\xBB\xBF" + text;
}

/// Replaces the first occurrence of `from` by `to`; throws when absent (a broken test).
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    if (at == std::string::npos)
        throw std::runtime_error("fixture has no '" + from + "'");
    return text.replace(at, from.size(), to);
}

} // namespace ict::gateway::test
