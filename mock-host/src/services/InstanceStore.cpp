#include "services/InstanceStore.h"

#include "support/Sql.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>

#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace mockhost {

void InstanceStore::validate(const InstanceRecord& r) {
    if (r.name.empty())
        throw std::invalid_argument("--name: must not be empty");
    if (r.cspModel != "direct" && r.cspModel != "indirect" && r.cspModel != "both")
        throw std::invalid_argument("--csp-model: '" + r.cspModel +
                                    "' is not one of direct, indirect, both");
    if (r.partnerCenterUrl.rfind("https://", 0) != 0)
        throw std::invalid_argument("--pc-url: '" + r.partnerCenterUrl + "' is not an https URL");
    if (r.loginUrl.rfind("https://", 0) != 0)
        throw std::invalid_argument("--login-url: '" + r.loginUrl + "' is not an https URL");
}

std::optional<std::int64_t> InstanceStore::find(std::int64_t ownerOrganizationId,
                                                const std::string& name) {
    Poco::Data::Session session = _database.session();
    Poco::Int64 owner = ownerOrganizationId;
    std::string n = name;
    std::vector<Poco::Int64> ids;
    session << sqlFor(_database.dialect(), "SELECT id FROM microsoft_instances"
                                           " WHERE owner_organization_id = ? AND name = ?"),
        use(owner), use(n), into(ids), now;
    if (ids.empty())
        return std::nullopt;
    return ids.front();
}

std::int64_t InstanceStore::add(const InstanceRecord& record, const std::string& nowIso) {
    validate(record);
    InstanceRecord r = record;
    Poco::Int64 owner = r.ownerOrganizationId;
    Poco::Nullable<std::string> expires;
    if (r.refreshTokenExpiresAtIso)
        expires = *r.refreshTokenExpiresAtIso;
    std::string at = nowIso;
    std::string secret = _database.secrets().seal(r.appSecret, kAppSecretColumn);
    std::string token = _database.secrets().seal(r.refreshToken, kRefreshTokenColumn);
    Poco::Data::Session session = _database.session();
    session << sqlFor(_database.dialect(),
                      "INSERT INTO microsoft_instances (owner_organization_id, name, csp_model,"
                      " partner_center_url, login_url, ca_bundle_path, partner_tenant_id, app_id,"
                      " app_secret, refresh_token, refresh_token_expires_at, updated_at)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        use(owner), use(r.name), use(r.cspModel), use(r.partnerCenterUrl), use(r.loginUrl),
        use(r.caBundlePath), use(r.partnerTenantId), use(r.appId), use(secret), use(token),
        use(expires), use(at), now;
    return *find(record.ownerOrganizationId, record.name);
}

void InstanceStore::update(const InstanceRecord& record, const std::string& nowIso) {
    validate(record);
    const auto id = find(record.ownerOrganizationId, record.name);
    if (!id)
        throw std::invalid_argument("--name: the organization has no instance named '" +
                                    record.name + "'");
    InstanceRecord r = record;
    Poco::Int64 key = *id;
    Poco::Nullable<std::string> expires;
    if (r.refreshTokenExpiresAtIso)
        expires = *r.refreshTokenExpiresAtIso;
    std::string at = nowIso;
    std::string secret = _database.secrets().seal(r.appSecret, kAppSecretColumn);
    std::string token = _database.secrets().seal(r.refreshToken, kRefreshTokenColumn);
    Poco::Data::Session session = _database.session();
    session << sqlFor(_database.dialect(),
                      "UPDATE microsoft_instances SET csp_model = ?, partner_center_url = ?,"
                      " login_url = ?, ca_bundle_path = ?, partner_tenant_id = ?, app_id = ?,"
                      " app_secret = ?, refresh_token = ?, refresh_token_expires_at = ?,"
                      " updated_at = ? WHERE id = ?"),
        use(r.cspModel), use(r.partnerCenterUrl), use(r.loginUrl), use(r.caBundlePath),
        use(r.partnerTenantId), use(r.appId), use(secret), use(token), use(expires), use(at),
        use(key), now;
}

std::size_t InstanceStore::sealPlainSecrets() {
    return reseal(false);
}

std::size_t InstanceStore::resealAll() {
    return reseal(true);
}

std::size_t InstanceStore::reseal(bool everyRow) {
    HostSecrets& secrets = _database.secrets();
    const std::string sealingKey = secrets.sealingKeyId();
    const auto needsSealing = [&](const std::string& stored) {
        return !stored.empty() && (!SecretBox::isSealed(stored) ||
                                   (everyRow && SecretBox::keyIdIn(stored) != sealingKey));
    };
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    Poco::Data::Statement select(session);
    select << "SELECT id, name, app_secret, refresh_token FROM microsoft_instances ORDER BY id",
        now;
    Poco::Data::RecordSet rows(select);
    std::size_t changed = 0;
    for (std::size_t r = 0; r < rows.rowCount(); ++r) {
        const std::string name = rows.value(1, r).convert<std::string>();
        std::string secret = rows.value(2, r).convert<std::string>();
        std::string token = rows.value(3, r).convert<std::string>();
        if (!needsSealing(secret) && !needsSealing(token))
            continue;
        std::string newSecret, newToken;
        try {
            newSecret = secrets.seal(secrets.open(secret, kAppSecretColumn), kAppSecretColumn);
            newToken = secrets.seal(secrets.open(token, kRefreshTokenColumn), kRefreshTokenColumn);
        } catch (const SecretError& e) {
            throw std::runtime_error("the secrets of Microsoft instance '" + name +
                                     "' do not open with the key file '" + secrets.keyFile() +
                                     "': " + e.what());
        }
        Poco::Int64 id = rows.value(0, r).convert<Poco::Int64>();
        Poco::Data::Statement update(session);
        // Only the values read: a token another host stored meanwhile is not overwritten.
        update << sqlFor(_database.dialect(),
                         "UPDATE microsoft_instances SET app_secret = ?, refresh_token = ? WHERE"
                         " id = ? AND app_secret = ? AND refresh_token = ?"),
            use(newSecret), use(newToken), use(id), use(secret), use(token);
        changed += update.execute();
    }
    transaction.commit();
    return changed;
}

} // namespace mockhost
