#include "auth/UserDirectory.h"

#include "auth/PasswordHasher.h"
#include "support/Sql.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>

#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace mockhost {
namespace {

struct UserRow {
    UserRecord record;
    std::string salt;
    std::string hash;
};

std::optional<UserRow> readUser(HostDatabase& database, const std::string& where,
                                Poco::Data::AbstractBinding::Ptr binding) {
    Poco::Data::Session session = database.session();
    Poco::Data::Statement statement(session);
    statement << sqlFor(database.dialect(), "SELECT id, organization_id, login, display_name,"
                                            " password_salt, password_hash FROM users WHERE " +
                                                where),
        binding;
    statement.execute();
    Poco::Data::RecordSet rows(statement);
    if (rows.rowCount() == 0)
        return std::nullopt;
    UserRow row;
    row.record.user.id = rows.value(0, 0).convert<Poco::Int64>();
    row.record.organizationId = rows.value(1, 0).convert<Poco::Int64>();
    row.record.user.login = rows.value(2, 0).convert<std::string>();
    row.record.user.displayName = rows.value(3, 0).convert<std::string>();
    row.salt = rows.value(4, 0).convert<std::string>();
    row.hash = rows.value(5, 0).convert<std::string>();
    return row;
}

} // namespace

std::optional<UserRecord> UserDirectory::authenticate(const std::string& login,
                                                      const std::string& password) {
    auto row = readUser(_database, "login = ?", bind(login));
    if (!row) {
        // Hash anyway so an unknown login takes as long as a wrong password.
        PasswordHasher::hash(password, "0000000000000000");
        return std::nullopt;
    }
    if (!PasswordHasher::verify(password, row->salt, row->hash))
        return std::nullopt;
    if (PasswordHasher::needsRehash(row->hash)) {
        // The password is known only now: the stored hash moves to the current scheme, with a
        // new salt. Only the hash read above is replaced (another log-in may have done it).
        Poco::Data::Session session = _database.session();
        std::string salt = PasswordHasher::newSalt();
        std::string hash = PasswordHasher::hash(password, salt);
        Poco::Int64 id = row->record.user.id;
        std::string old = row->hash;
        session << sqlFor(_database.dialect(),
                          "UPDATE users SET password_salt = ?, password_hash = ? WHERE id = ? AND"
                          " password_hash = ?"),
            use(salt), use(hash), use(id), use(old), now;
    }
    return row->record;
}

std::optional<UserRecord> UserDirectory::byLogin(const std::string& login) {
    auto row = readUser(_database, "login = ?", bind(login));
    if (!row)
        return std::nullopt;
    return row->record;
}

std::optional<UserRecord> UserDirectory::byId(std::int64_t id) {
    auto row = readUser(_database, "id = ?", bind(static_cast<Poco::Int64>(id)));
    if (!row)
        return std::nullopt;
    return row->record;
}

std::set<std::string> UserDirectory::permissionsOf(std::int64_t userId) {
    Poco::Data::Session session = _database.session();
    Poco::Int64 id = userId;
    std::vector<std::string> permissions;
    session << sqlFor(_database.dialect(),
                      "SELECT DISTINCT rp.permission FROM user_roles ur"
                      " JOIN role_permissions rp ON rp.role_id = ur.role_id WHERE ur.user_id = ?"),
        use(id), into(permissions), now;
    return {permissions.begin(), permissions.end()};
}

std::int64_t UserDirectory::addUser(std::int64_t organizationId, const std::string& login,
                                    const std::string& displayName, const std::string& password) {
    if (login.empty())
        throw std::invalid_argument("--login: must not be empty");
    if (password.size() < 8)
        throw std::invalid_argument("--password: must have at least 8 characters");
    const std::string salt = PasswordHasher::newSalt();
    return addUserWithHash(organizationId, login, displayName, salt,
                           PasswordHasher::hash(password, salt));
}

std::int64_t UserDirectory::addUserWithHash(std::int64_t organizationId, const std::string& login,
                                            const std::string& displayName, const std::string& salt,
                                            const std::string& hash) {
    if (login.empty())
        throw std::invalid_argument("--login: must not be empty");
    Poco::Data::Session session = _database.session();
    Poco::Int64 org = organizationId;
    std::string l = login;
    std::string d = displayName.empty() ? login : displayName;
    std::string s = salt;
    std::string h = hash;
    session << sqlFor(_database.dialect(),
                      "INSERT INTO users (organization_id, login, display_name, password_salt,"
                      " password_hash) VALUES (?, ?, ?, ?, ?)"),
        use(org), use(l), use(d), use(s), use(h), now;
    return byLogin(login)->user.id;
}

std::int64_t UserDirectory::ensureRole(const std::string& name,
                                       const std::vector<std::string>& permissions) {
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    std::string n = name;
    // The write first (see ToolEnablement::set): an existing role is left as it is.
    Poco::Data::Statement insert(session);
    insert << sqlFor(_database.dialect(),
                     "INSERT INTO roles (name) VALUES (?) ON CONFLICT DO NOTHING"),
        use(n);
    const bool created = insert.execute() == 1;
    std::vector<Poco::Int64> ids;
    session << sqlFor(_database.dialect(), "SELECT id FROM roles WHERE name = ?"), use(n),
        into(ids), now;
    if (created) {
        Poco::Int64 id = ids.front();
        for (std::string permission : permissions)
            session << sqlFor(_database.dialect(),
                              "INSERT INTO role_permissions (role_id, permission) VALUES (?, ?)"),
                use(id), use(permission), now;
    }
    transaction.commit();
    return ids.front();
}

void UserDirectory::grantRole(std::int64_t userId, const std::string& roleName) {
    Poco::Data::Session session = _database.session();
    std::string n = roleName;
    std::vector<Poco::Int64> ids;
    session << sqlFor(_database.dialect(), "SELECT id FROM roles WHERE name = ?"), use(n),
        into(ids), now;
    if (ids.empty())
        throw std::invalid_argument("--role: no role named '" + roleName + "'");
    Poco::Int64 user = userId;
    Poco::Int64 role = ids.front();
    // Two hosts seeding at once may both grant it: the second insert is a no-op.
    session << sqlFor(
        _database.dialect(),
        "INSERT INTO user_roles (user_id, role_id) VALUES (?, ?) ON CONFLICT DO NOTHING"),
        use(user), use(role), now;
}

} // namespace mockhost
