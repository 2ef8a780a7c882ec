#include "services/InstanceStore.h"

#include "support/Sql.h"

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
    Poco::Data::Session session = _database.session();
    session << sqlFor(_database.dialect(),
                      "INSERT INTO microsoft_instances (owner_organization_id, name, csp_model,"
                      " partner_center_url, login_url, ca_bundle_path, partner_tenant_id, app_id,"
                      " app_secret, refresh_token, refresh_token_expires_at, updated_at)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        use(owner), use(r.name), use(r.cspModel), use(r.partnerCenterUrl), use(r.loginUrl),
        use(r.caBundlePath), use(r.partnerTenantId), use(r.appId), use(r.appSecret),
        use(r.refreshToken), use(expires), use(at), now;
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
    Poco::Data::Session session = _database.session();
    session << sqlFor(_database.dialect(),
                      "UPDATE microsoft_instances SET csp_model = ?, partner_center_url = ?,"
                      " login_url = ?, ca_bundle_path = ?, partner_tenant_id = ?, app_id = ?,"
                      " app_secret = ?, refresh_token = ?, refresh_token_expires_at = ?,"
                      " updated_at = ? WHERE id = ?"),
        use(r.cspModel), use(r.partnerCenterUrl), use(r.loginUrl), use(r.caBundlePath),
        use(r.partnerTenantId), use(r.appId), use(r.appSecret), use(r.refreshToken), use(expires),
        use(at), use(key), now;
}

} // namespace mockhost
