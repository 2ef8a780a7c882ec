#pragma once
/// SQL text written once with `?` placeholders, turned into the dialect's placeholders.
#include <bss/sdk/Database.h>

#include <string>

namespace mockhost {

/// For PostgreSQL, replaces each `?` by `$1..$n` in order; SQLite text is returned as is. The
/// statements of the mock host never contain a `?` inside a literal.
std::string sqlFor(bss::sdk::SqlDialect dialect, const std::string& text);

} // namespace mockhost
