#include "domain/audit/AccountKeys.h"

#include "domain/audit/CompanyNameNormalizer.h"
#include "domain/validation/AsciiText.h"

namespace ict::domain {

std::string idMatchKey(const std::string& id) {
    return asciiLower(trimAscii(id));
}

std::string domainMatchKey(const std::string& domain) {
    std::string key = asciiLower(trimAscii(domain));
    if (!key.empty() && key.back() == '.')
        key.pop_back();
    return key;
}

std::string nameMatchKey(const std::string& companyName) {
    return normalizeCompanyName(companyName);
}

} // namespace ict::domain
