#pragma once
/// A customer's billing profile (GET /v1/customers/{id}/profiles/billing): the contact and billing
/// address an imported BSS account is created with. Every field may be empty.

#include <string>

namespace ict::domain {

struct BillingAddress {
    std::string addressLine1;
    std::string addressLine2;
    std::string addressLine3;
    std::string city;
    std::string state;  ///< "state" in Partner Center.
    std::string region; ///< "region" in Partner Center; used where state is empty.
    std::string postalCode;
    std::string country; ///< ISO 3166 alpha-2, e.g. "US".
    std::string phoneNumber;
};

struct BillingProfile {
    std::string firstName;
    std::string lastName;
    std::string email;
    std::string companyName;
    std::string culture;
    std::string language;
    BillingAddress defaultAddress;
};

} // namespace ict::domain
