#include "support/Sql.h"

namespace mockhost {

std::string sqlFor(bss::sdk::SqlDialect dialect, const std::string& text) {
    if (dialect != bss::sdk::SqlDialect::PostgreSQL)
        return text;
    std::string out;
    out.reserve(text.size() + 16);
    int next = 1;
    for (char c : text) {
        if (c == '?')
            out += "$" + std::to_string(next++);
        else
            out += c;
    }
    return out;
}

} // namespace mockhost
