#pragma once
/// A Microsoft customer (tenant) as Partner Center describes it. Plain data; no Poco, no HTTP.

#include <string>

namespace ict::domain {

struct Customer {
    std::string tenantId;              ///< Customer id = Microsoft tenant id (GUID, lower case).
    std::string companyName;           ///< companyProfile.companyName; may be empty or unicode.
    std::string primaryDomain;         ///< companyProfile.domain, e.g. contoso.onmicrosoft.com.
    std::string relationshipToPartner; ///< "reseller", "advisor", ...; unknown values kept as sent.
    std::string associatedPartnerId;   ///< Indirect reseller's tenant id when set; often empty.
};

} // namespace ict::domain
