#pragma once
/// The Related BSS Account list of a tenant row as stored in ict_tenants.related_accounts:
/// [{"accountId":1,"name":"...","key":"microsoft_id"}, ...].

#include "domain/audit/RelatedAccount.h"

#include <string>
#include <vector>

namespace ict::storage {

std::string relatedAccountsToJson(const std::vector<domain::RelatedAccount>& related);

/// Throws Poco::Exception when `json` is not such an array.
std::vector<domain::RelatedAccount> relatedAccountsFromJson(const std::string& json);

} // namespace ict::storage
