#pragma once
/// Writes microsoft_instances rows (the host's admin side; tools read through InstanceDirectory).
/// The app secret and refresh token are stored sealed (HostSecrets): the columns hold
/// "enc:v1:..." text, never the secret.
#include "db/HostDatabase.h"

#include <bss/sdk/Instances.h>

#include <optional>
#include <string>

namespace mockhost {

struct InstanceRecord {
    std::int64_t ownerOrganizationId = 0;
    std::string name;
    std::string cspModel; ///< "direct", "indirect" or "both".
    std::string partnerCenterUrl;
    std::string loginUrl;
    std::string caBundlePath;
    std::string partnerTenantId;
    std::string appId;
    std::string appSecret;    ///< Secret: never logged or printed.
    std::string refreshToken; ///< Secret: never logged or printed.
    std::optional<std::string> refreshTokenExpiresAtIso;
};

class InstanceStore {
public:
    explicit InstanceStore(HostDatabase& database) : _database(database) {}
    /// Id of the owner's instance of that name, if any.
    std::optional<std::int64_t> find(std::int64_t ownerOrganizationId, const std::string& name);
    /// Inserts; returns the id. Throws std::invalid_argument naming the bad field (csp model,
    /// empty name or URL), Poco::Exception on a duplicate name.
    std::int64_t add(const InstanceRecord& record, const std::string& nowIso);
    /// Replaces every field of the named instance of the owner; throws std::invalid_argument when
    /// there is none.
    void update(const InstanceRecord& record, const std::string& nowIso);

    /// Seals every app secret and refresh token still stored in plain text (rows written before
    /// the host sealed them), in one transaction; returns how many rows changed. A value another
    /// host changed meanwhile is left to it.
    std::size_t sealPlainSecrets();
    /// Opens every row's secrets and seals them again with the sealing key, in one transaction
    /// (after the key file gained a new first key); returns the rows. Throws std::runtime_error
    /// naming the instance whose secret does not open, with nothing changed.
    std::size_t resealAll();

    static constexpr const char* kAppSecretColumn = "microsoft_instances.app_secret";
    static constexpr const char* kRefreshTokenColumn = "microsoft_instances.refresh_token";

private:
    static void validate(const InstanceRecord& record);
    /// Seals each row's secrets again when `needsSealing(stored)`; the shared part of the two.
    std::size_t reseal(bool everyRow);
    HostDatabase& _database;
};

} // namespace mockhost
