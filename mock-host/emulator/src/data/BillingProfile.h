#pragma once

#include <string>

namespace mockhost::emulator {

/// A postal address as Partner Center's billing profile carries it (defaultAddress).
struct Address {
    std::string country;
    std::string region;
    std::string city;
    std::string addressLine1;
    std::string postalCode;
    std::string firstName;
    std::string lastName;
    std::string phoneNumber;
};

/// A customer's billing profile (GET /v1/customers/{id}/profiles/billing).
struct BillingProfile {
    std::string id;
    std::string firstName;
    std::string lastName;
    std::string email;
    std::string culture;
    std::string language;
    std::string companyName;
    Address defaultAddress;
    std::string etag;
};

} // namespace mockhost::emulator
