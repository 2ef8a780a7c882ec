#pragma once
/// The three keys that relate a tenant to a BSS account ([S11], [B7]), normalised once for every
/// user of them (BssAccountIndex, AccountKeyIndex), so both compare the same way. Pure.

#include <string>

namespace ict::domain {

/// A tenant or subscription id (GUID) trimmed and lower-cased.
std::string idMatchKey(const std::string& id);

/// A primary domain trimmed, lower-cased, a trailing '.' dropped.
std::string domainMatchKey(const std::string& domain);

/// normalizeCompanyName() (see CompanyNameNormalizer.h).
std::string nameMatchKey(const std::string& companyName);

} // namespace ict::domain
