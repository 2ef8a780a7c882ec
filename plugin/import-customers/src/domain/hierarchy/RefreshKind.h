#pragma once
/// How a Get Hierarchy refreshes an instance ([B4]).
/// Names are stable snake_case: they are stored in the database and sent to the page.

#include <string>

namespace ict::domain {

enum class RefreshKind {
    Unset = 0,
    Full,        ///< "full": every tenant is fetched again.
    Incremental, ///< "incremental": only the tenants named by audit records since Last Update.
};

/// The stable name; "unset" for Unset.
const char* refreshKindName(RefreshKind value);

/// The value of a stable name; Unset for any other text.
RefreshKind parseRefreshKind(const std::string& name);

} // namespace ict::domain
