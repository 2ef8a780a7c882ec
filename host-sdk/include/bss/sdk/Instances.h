#pragma once
/// Microsoft Cloud Services instances and their credentials.
///
/// An instance is owned by one organization. The host decides which instances an organization may
/// use: its own, and, for a country tenant, its parent's (origin InheritedFromParent). A simple
/// tenant is never offered its parent's instances. Credentials are always read from the owner's
/// record at the time of the call, never copied, so a token the owner renews works for a child at
/// once.
///
/// Threading: InstanceDirectory is thread-safe. Secrets: InstanceCredentials holds the app secret
/// and refresh token; a tool must not log them, show them or put them in an error text, and should
/// drop its copy as soon as the token request is made.

#include "bss/sdk/CallContext.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bss::sdk {

enum class CspModel {
    Unset = 0,
    Direct,   ///< "direct": Tier 1 only.
    Indirect, ///< "indirect": an indirect provider with resellers (Tier 2).
    Both,     ///< "both".
};

inline const char* cspModelName(CspModel model) {
    switch (model) {
    case CspModel::Direct:
        return "direct";
    case CspModel::Indirect:
        return "indirect";
    case CspModel::Both:
        return "both";
    case CspModel::Unset:
        break;
    }
    return "unset";
}

enum class InstanceOrigin {
    Unset = 0,
    Own,                 ///< Owned by the calling organization.
    InheritedFromParent, ///< Owned by the caller's parent; used with the parent's credentials.
};

using TimePoint = std::chrono::system_clock::time_point;

/// What may be shown about an instance. Never contains a secret.
struct InstanceInfo {
    std::int64_t id = 0;
    std::string name;
    std::int64_t ownerOrganizationId = 0;
    std::string ownerOrganizationName;
    InstanceOrigin origin = InstanceOrigin::Unset;
    CspModel cspModel = CspModel::Unset;
    std::string partnerCenterUrl; ///< e.g. https://api.partnercenter.microsoft.com
    std::string loginUrl;         ///< e.g. https://login.microsoftonline.com
    std::string partnerTenantId;
    bool hasRefreshToken = false;
    std::optional<TimePoint> refreshTokenExpiresAt;
};

/// Everything needed to call Partner Center for an instance. Holds secrets: see the file comment.
struct InstanceCredentials {
    std::int64_t instanceId = 0;
    std::string partnerCenterUrl;
    std::string loginUrl;
    std::string caBundlePath; ///< PEM file of trusted CAs; empty = the system's default CAs.
    std::string partnerTenantId;
    std::string appId;
    std::string appSecret;
    std::string refreshToken;
    std::optional<TimePoint> refreshTokenExpiresAt;
};

class InstanceDirectory {
public:
    virtual ~InstanceDirectory() = default;

    /// The instances `organization` may use, its own first, then inherited ones, each by name.
    virtual std::vector<InstanceInfo> instancesFor(const Organization& organization) = 0;

    /// The current credentials of `instanceId` for use by `caller`, read from the owner's record
    /// now. Throws ToolError(NotFound) when the instance does not exist or `caller` may not use it
    /// (the message does not reveal which).
    virtual InstanceCredentials credentials(std::int64_t instanceId,
                                            const Organization& caller) = 0;

    /// Stores a refresh token Microsoft rotated, on the owner's record, durably, before returning.
    /// Call it before using the access token that came with it. `caller` must be allowed to use
    /// the instance (same rule as credentials()).
    virtual void storeRefreshToken(std::int64_t instanceId, const Organization& caller,
                                   const std::string& refreshToken, TimePoint expiresAt) = 0;
};

} // namespace bss::sdk
