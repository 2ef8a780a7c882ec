#include "services/HostInstanceDirectory.h"

#include "services/InstanceStore.h"
#include "support/IsoTime.h"
#include "support/Sql.h"

#include <bss/sdk/ToolError.h>

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <algorithm>

using namespace Poco::Data::Keywords;
using bss::sdk::ErrorCode;
using bss::sdk::InstanceInfo;
using bss::sdk::ToolError;

namespace mockhost {
namespace {

bss::sdk::CspModel parseCspModel(const std::string& text) {
    if (text == "direct")
        return bss::sdk::CspModel::Direct;
    if (text == "indirect")
        return bss::sdk::CspModel::Indirect;
    if (text == "both")
        return bss::sdk::CspModel::Both;
    return bss::sdk::CspModel::Unset;
}

std::optional<bss::sdk::TimePoint> optionalTime(const Poco::Dynamic::Var& value) {
    if (value.isEmpty() || value.convert<std::string>().empty())
        return std::nullopt;
    return parseIso(value.convert<std::string>(), "refresh_token_expires_at");
}

std::vector<InstanceInfo> ownedBy(HostDatabase& database, std::int64_t ownerId,
                                  bss::sdk::InstanceOrigin origin) {
    Poco::Data::Session session = database.session();
    Poco::Int64 owner = ownerId;
    Poco::Data::Statement statement(session);
    statement << sqlFor(
        database.dialect(),
        "SELECT i.id, i.name, i.owner_organization_id, o.name, i.csp_model,"
        " i.partner_center_url, i.login_url, i.partner_tenant_id,"
        " CASE WHEN i.refresh_token <> '' THEN 1 ELSE 0 END, i.refresh_token_expires_at"
        " FROM microsoft_instances i"
        " JOIN organizations o ON o.id = i.owner_organization_id"
        " WHERE i.owner_organization_id = ? ORDER BY i.name"),
        use(owner);
    statement.execute();
    Poco::Data::RecordSet rows(statement);
    std::vector<InstanceInfo> result;
    for (std::size_t i = 0; i < rows.rowCount(); ++i) {
        InstanceInfo info;
        info.id = rows.value(0, i).convert<Poco::Int64>();
        info.name = rows.value(1, i).convert<std::string>();
        info.ownerOrganizationId = rows.value(2, i).convert<Poco::Int64>();
        info.ownerOrganizationName = rows.value(3, i).convert<std::string>();
        info.origin = origin;
        info.cspModel = parseCspModel(rows.value(4, i).convert<std::string>());
        info.partnerCenterUrl = rows.value(5, i).convert<std::string>();
        info.loginUrl = rows.value(6, i).convert<std::string>();
        info.partnerTenantId = rows.value(7, i).convert<std::string>();
        info.hasRefreshToken = rows.value(8, i).convert<int>() != 0;
        info.refreshTokenExpiresAt = optionalTime(rows.value(9, i));
        result.push_back(info);
    }
    return result;
}

// Best effort: the strings may have been copied on the way.
void wipe(std::string& secret) {
    std::fill(secret.begin(), secret.end(), '\0');
    secret.clear();
}

ToolError notUsable(std::int64_t instanceId) {
    return ToolError(ErrorCode::NotFound,
                     "Microsoft instance " + std::to_string(instanceId) +
                         " does not exist or is not available to your organization.",
                     "instanceId");
}

} // namespace

bool HostInstanceDirectory::mayUse(const bss::sdk::Organization& caller,
                                   std::int64_t ownerOrganizationId) {
    if (caller.id == ownerOrganizationId)
        return true;
    return caller.kind == bss::sdk::OrganizationKind::CountryTenant && caller.parentId &&
           *caller.parentId == ownerOrganizationId;
}

std::vector<InstanceInfo>
HostInstanceDirectory::instancesFor(const bss::sdk::Organization& organization) {
    std::vector<InstanceInfo> result =
        ownedBy(_database, organization.id, bss::sdk::InstanceOrigin::Own);
    if (organization.kind == bss::sdk::OrganizationKind::CountryTenant && organization.parentId) {
        for (InstanceInfo& info : ownedBy(_database, *organization.parentId,
                                          bss::sdk::InstanceOrigin::InheritedFromParent))
            result.push_back(std::move(info));
    }
    return result;
}

std::int64_t HostInstanceDirectory::checkedOwner(std::int64_t instanceId,
                                                 const bss::sdk::Organization& caller) {
    Poco::Data::Session session = _database.session();
    Poco::Int64 id = instanceId;
    std::vector<Poco::Int64> owners;
    session << sqlFor(_database.dialect(),
                      "SELECT owner_organization_id FROM microsoft_instances WHERE id = ?"),
        use(id), into(owners), now;
    if (owners.empty() || !mayUse(caller, owners.front()))
        throw notUsable(instanceId);
    return owners.front();
}

bss::sdk::InstanceCredentials
HostInstanceDirectory::credentials(std::int64_t instanceId, const bss::sdk::Organization& caller) {
    checkedOwner(instanceId, caller);
    Poco::Data::Session session = _database.session();
    Poco::Int64 id = instanceId;
    Poco::Data::Statement statement(session);
    statement << sqlFor(_database.dialect(),
                        "SELECT partner_center_url, login_url, ca_bundle_path, partner_tenant_id,"
                        " app_id, app_secret, refresh_token, refresh_token_expires_at, name"
                        " FROM microsoft_instances WHERE id = ?"),
        use(id);
    statement.execute();
    Poco::Data::RecordSet rows(statement);
    if (rows.rowCount() == 0)
        throw notUsable(instanceId);
    bss::sdk::InstanceCredentials c;
    c.instanceId = instanceId;
    c.partnerCenterUrl = rows.value(0, 0).convert<std::string>();
    c.loginUrl = rows.value(1, 0).convert<std::string>();
    c.caBundlePath = rows.value(2, 0).convert<std::string>();
    c.partnerTenantId = rows.value(3, 0).convert<std::string>();
    c.appId = rows.value(4, 0).convert<std::string>();
    try {
        c.appSecret = _database.secrets().open(rows.value(5, 0).convert<std::string>(),
                                               InstanceStore::kAppSecretColumn);
        c.refreshToken = _database.secrets().open(rows.value(6, 0).convert<std::string>(),
                                                  InstanceStore::kRefreshTokenColumn);
    } catch (const SecretError& e) {
        wipe(c.appSecret);
        throw ToolError(ErrorCode::NotAuthenticatedUpstream,
                        "The stored secrets of Microsoft instance '" +
                            rows.value(8, 0).convert<std::string>() +
                            "' cannot be decrypted: " + e.what() +
                            ". Restore the host's key file (" + _database.secrets().keyFile() +
                            "), or set the app secret and refresh token again with mock-host "
                            "instance update.",
                        "instanceId");
    }
    c.refreshTokenExpiresAt = optionalTime(rows.value(7, 0));
    return c;
}

void HostInstanceDirectory::storeRefreshToken(std::int64_t instanceId,
                                              const bss::sdk::Organization& caller,
                                              const std::string& refreshToken,
                                              bss::sdk::TimePoint expiresAt) {
    if (refreshToken.empty())
        throw ToolError(ErrorCode::InvalidInput, "The refresh token to store is empty.",
                        "refreshToken");
    checkedOwner(instanceId, caller);
    Poco::Data::Session session = _database.session();
    Poco::Int64 id = instanceId;
    std::string token = _database.secrets().seal(refreshToken, InstanceStore::kRefreshTokenColumn);
    std::string expires = formatIso(expiresAt);
    std::string updated = formatIso(_clock.now());
    // Autocommit: the row is durable when this returns, as the contract asks.
    session << sqlFor(_database.dialect(),
                      "UPDATE microsoft_instances SET refresh_token = ?,"
                      " refresh_token_expires_at = ?, updated_at = ? WHERE id = ?"),
        use(token), use(expires), use(updated), use(id), now;
}

std::shared_ptr<std::timed_mutex> HostInstanceDirectory::rowMutex(std::int64_t instanceId) {
    std::lock_guard<std::mutex> lock(_rowsMutex);
    auto& mutex = _rows[instanceId];
    if (!mutex)
        mutex = std::make_shared<std::timed_mutex>();
    return mutex;
}

void HostInstanceDirectory::redeemRefreshToken(std::int64_t instanceId,
                                               const bss::sdk::Organization& caller,
                                               const bss::sdk::RefreshTokenRedeemer& redeem) {
    checkedOwner(instanceId, caller);
    // Threads of this process queue here rather than polling the database for the lease.
    const std::shared_ptr<std::timed_mutex> row = rowMutex(instanceId);
    std::unique_lock<std::timed_mutex> inProcess(*row, std::defer_lock);
    if (!inProcess.try_lock_for(_lease.maxWait))
        throw ToolError(ErrorCode::Unavailable,
                        "The token of Microsoft instance " + std::to_string(instanceId) +
                            " is being renewed by another request, which has not finished within " +
                            std::to_string(_lease.maxWait.count() / 1000) + " s; try again later.");
    TokenLease lease(_database, instanceId, _lease);
    lease.acquire();
    // Read only now: a redemption that held the lease before us has stored its rotated token.
    bss::sdk::InstanceCredentials current = credentials(instanceId, caller);
    bss::sdk::RotatedRefreshToken rotated;
    try {
        rotated = redeem(current);
    } catch (...) {
        wipe(current.appSecret);
        wipe(current.refreshToken);
        lease.release();
        throw;
    }
    wipe(current.appSecret);
    wipe(current.refreshToken);
    if (rotated.refreshToken.empty()) {
        lease.release();
        return;
    }
    int failures = 0;
    try {
        lease.storeAndRelease(rotated.refreshToken, formatIso(rotated.expiresAt),
                              formatIso(_clock.now()), [&](const std::string& failure) {
                                  ++failures;
                                  if (_logger)
                                      _logger->log(bss::sdk::LogLevel::Warning,
                                                   "instance " + std::to_string(instanceId) +
                                                       ": storing the rotated refresh token failed"
                                                       " (attempt " +
                                                       std::to_string(failures) + ": " + failure +
                                                       "), retrying");
                              });
    } catch (...) {
        wipe(rotated.refreshToken);
        throw;
    }
    wipe(rotated.refreshToken);
}

} // namespace mockhost
