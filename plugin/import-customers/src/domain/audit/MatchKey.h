#pragma once
/// Why a BSS account relates to a tenant ([S11], [B7]), strongest first.
/// Names are stable snake_case: they are stored in the database and sent to the page.

#include <string>

namespace ict::domain {

enum class MatchKey {
    Unset = 0,
    MicrosoftId,   ///< "microsoft_id": same external Microsoft tenant id.
    PrimaryDomain, ///< "primary_domain": same primary domain, case-insensitive.
    CompanyName,   ///< "company_name": same normalizeCompanyName() result.
};

/// The stable name; "unset" for Unset.
const char* matchKeyName(MatchKey value);

/// The value of a stable name; Unset for any other text.
MatchKey parseMatchKey(const std::string& name);

} // namespace ict::domain
