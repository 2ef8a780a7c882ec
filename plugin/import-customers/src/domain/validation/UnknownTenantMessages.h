#pragma once
/// The answers of the single update when Partner Center does not know the tenant ([S7]).

#include <string>

namespace ict::domain {

/// "The Microsoft Tenant with ID '<tenantId>' does not exist."
std::string unknownTenantIdMessage(const std::string& tenantId);

/// "The Microsoft Tenant with Primary Domain '<domain>' does not exist."
std::string unknownPrimaryDomainMessage(const std::string& domain);

} // namespace ict::domain
