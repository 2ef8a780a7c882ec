#pragma once
/// Where a reseller's display name came from.
/// Names are stable snake_case: they are stored in the database and sent to the page.

#include <string>

namespace ict::domain {

enum class ResellerNameSource {
    Unset = 0,
    Relationship, ///< "relationship": the provider's reseller relationships list.
    MpnProfile,   ///< "mpn_profile": the MPN profile look-up by id (fallback).
    Placeholder,  ///< "placeholder": found in neither; "Unknown reseller (MPN <id>)".
};

/// The stable name; "unset" for Unset.
const char* resellerNameSourceName(ResellerNameSource value);

/// The value of a stable name; Unset for any other text.
ResellerNameSource parseResellerNameSource(const std::string& name);

} // namespace ict::domain
