#include "domain/validation/UnknownTenantMessages.h"

#include "domain/validation/AsciiText.h"

namespace ict::domain {

std::string unknownTenantIdMessage(const std::string& tenantId) {
    return "The Microsoft Tenant with ID '" + quotedForMessage(tenantId) + "' does not exist.";
}

std::string unknownPrimaryDomainMessage(const std::string& domain) {
    return "The Microsoft Tenant with Primary Domain '" + quotedForMessage(domain) +
           "' does not exist.";
}

} // namespace ict::domain
