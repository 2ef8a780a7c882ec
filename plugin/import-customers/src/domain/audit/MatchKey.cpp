#include "domain/audit/MatchKey.h"

namespace ict::domain {

const char* matchKeyName(MatchKey value) {
    switch (value) {
    case MatchKey::MicrosoftId:
        return "microsoft_id";
    case MatchKey::PrimaryDomain:
        return "primary_domain";
    case MatchKey::CompanyName:
        return "company_name";
    case MatchKey::Unset:
        break;
    }
    return "unset";
}

MatchKey parseMatchKey(const std::string& name) {
    if (name == "microsoft_id")
        return MatchKey::MicrosoftId;
    if (name == "primary_domain")
        return MatchKey::PrimaryDomain;
    if (name == "company_name")
        return MatchKey::CompanyName;
    return MatchKey::Unset;
}

} // namespace ict::domain
