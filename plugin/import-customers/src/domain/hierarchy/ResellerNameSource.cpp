#include "domain/hierarchy/ResellerNameSource.h"

namespace ict::domain {

const char* resellerNameSourceName(ResellerNameSource value) {
    switch (value) {
    case ResellerNameSource::Relationship:
        return "relationship";
    case ResellerNameSource::MpnProfile:
        return "mpn_profile";
    case ResellerNameSource::Placeholder:
        return "placeholder";
    case ResellerNameSource::Unset:
        break;
    }
    return "unset";
}

ResellerNameSource parseResellerNameSource(const std::string& name) {
    if (name == "relationship")
        return ResellerNameSource::Relationship;
    if (name == "mpn_profile")
        return ResellerNameSource::MpnProfile;
    if (name == "placeholder")
        return ResellerNameSource::Placeholder;
    return ResellerNameSource::Unset;
}

} // namespace ict::domain
