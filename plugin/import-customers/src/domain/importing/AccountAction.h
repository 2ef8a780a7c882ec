#pragma once
/// What an import does about a tenant's BSS account. Plain data.

#include <cstdint>
#include <string>

namespace ict::domain {

enum class AccountActionKind {
    Unset = 0,
    CreateAccount, ///< Insert `account` (accounts.kind 'customer').
    UseExisting,   ///< Add subscriptions to `existingAccountId`.
};

/// Stable names: "create_account", "use_existing"; "unset".
const char* accountActionKindName(AccountActionKind kind);

/// The columns of a new row in the accounts table (host schema). Empty text means NULL.
struct NewAccount {
    std::string name; ///< Never empty (see planImport()).
    std::string externalMsTenantId;
    std::string primaryDomain;
    std::string contactFirstName;
    std::string contactLastName;
    std::string contactEmail;
    std::string contactPhone;
    std::string addressLine1;
    std::string addressLine2;
    std::string addressLine3;
    std::string city;
    std::string state; ///< Partner Center's state, or its region where state is empty.
    std::string postalCode;
    std::string country;
};

struct AccountAction {
    AccountActionKind kind = AccountActionKind::Unset;
    NewAccount account;                 ///< For CreateAccount.
    std::int64_t existingAccountId = 0; ///< For UseExisting.
};

} // namespace ict::domain
