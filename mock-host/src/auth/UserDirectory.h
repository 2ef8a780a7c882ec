#pragma once
/// Users, roles and permissions (users, roles, role_permissions, user_roles). Thread-safe.
#include "db/HostDatabase.h"

#include <bss/sdk/CallContext.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace mockhost {

struct UserRecord {
    bss::sdk::User user;
    std::int64_t organizationId = 0;
};

class UserDirectory {
public:
    explicit UserDirectory(HostDatabase& database) : _database(database) {}

    /// The user when login and password match; empty otherwise (the caller does not learn which).
    std::optional<UserRecord> authenticate(const std::string& login, const std::string& password);
    std::optional<UserRecord> byLogin(const std::string& login);
    std::optional<UserRecord> byId(std::int64_t id);
    /// Union of the permissions of the user's roles.
    std::set<std::string> permissionsOf(std::int64_t userId);

    /// Inserts a user with a salted hash of `password`; returns the id. Throws Poco::Exception on
    /// a duplicate login.
    std::int64_t addUser(std::int64_t organizationId, const std::string& login,
                         const std::string& displayName, const std::string& password);
    /// Like addUser with a salt and hash made by PasswordHasher already (the demo seed hashes
    /// its one published password once for all its users).
    std::int64_t addUserWithHash(std::int64_t organizationId, const std::string& login,
                                 const std::string& displayName, const std::string& salt,
                                 const std::string& hash);
    /// Role by name, created (with `permissions`) when missing; returns the id.
    std::int64_t ensureRole(const std::string& name, const std::vector<std::string>& permissions);
    /// Throws std::invalid_argument naming --role when the role does not exist.
    void grantRole(std::int64_t userId, const std::string& roleName);

private:
    HostDatabase& _database;
};

} // namespace mockhost
