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
#include <functional>
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

/// What a tool's redeem callback hands back to InstanceDirectory::redeemRefreshToken() (since ABI
/// 1.1). Holds a secret: see the file comment.
struct RotatedRefreshToken {
    /// The refresh token Microsoft sent with its answer; empty when it sent none, or when the
    /// request failed before any token was received (the row then keeps its token).
    std::string refreshToken;
    TimePoint expiresAt{}; ///< When the new token stops being accepted (its inactivity window).
};

/// A tool's token request (since ABI 1.1): sends one refresh-token grant with `credentials`, the
/// instance's current ones, and returns the rotated refresh token taken out of the answer first,
/// before anything else in the answer is checked. It should not throw: keep your own error and
/// raise it after redeemRefreshToken() returns (a host rethrows whatever escapes, unchanged).
using RefreshTokenRedeemer =
    std::function<RotatedRefreshToken(const InstanceCredentials& credentials)>;

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
    /// the instance (same rule as credentials()). It overwrites whatever the record holds: two
    /// processes that each loaded, redeemed and stored the same token may lose a rotation, so
    /// prefer redeemRefreshToken().
    virtual void storeRefreshToken(std::int64_t instanceId, const Organization& caller,
                                   const std::string& refreshToken, TimePoint expiresAt) = 0;

    /// Redeems the instance's refresh token once (since ABI 1.1). The host takes the owner's
    /// credential record for this redemption alone, against every thread and every process
    /// sharing the host database (the inherited record of a country tenant is its parent's, so
    /// the parent's and the child's runs redeem one after the other). It then reads the current
    /// credentials, calls `redeem` with them, stores the refresh token `redeem` returns (when not
    /// empty) on the owner's record, durably, and only then releases the record and returns. A
    /// second redemption of the same record waits for the first and is handed the record as the
    /// first left it, with the token the first stored: two token requests never present the same
    /// refresh token at once, and a rotated token is never presented after it was replaced.
    ///
    /// The host does not hold a database transaction or write lock while `redeem` runs (it may
    /// take as long as the token request takes); a host that dies holding the record frees it
    /// after a host-defined lease. Storing retries a busy database for a host-defined bound.
    /// `caller` must be allowed to use the instance (same rule as credentials()). Do not call
    /// redeemRefreshToken() from inside `redeem`: it would wait for itself.
    ///
    /// Throws ToolError(NotFound) as credentials() does, before `redeem` is called;
    /// ToolError(Unavailable) when the record stayed taken by another redemption longer than the
    /// host waits (`redeem` not called), or when the rotated token could not be stored (`redeem`
    /// was called: the tool holds the only copy of the new token and should present it at its
    /// next redemption while the record still holds the token it replaced). Whatever `redeem`
    /// throws is rethrown unchanged, after the record is released.
    virtual void redeemRefreshToken(std::int64_t instanceId, const Organization& caller,
                                    const RefreshTokenRedeemer& redeem) = 0;
};

} // namespace bss::sdk
