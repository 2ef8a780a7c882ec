#pragma once

#include "EmulatorOptions.h"
#include "auth/TokenStore.h"
#include "common/SeededRandom.h"
#include "control/ChangeSpecs.h"
#include "control/RequestCounters.h"
#include "data/AzureEntitlements.h"
#include "data/DataSet.h"
#include "faults/FaultInjector.h"
#include "faults/RateLimiter.h"

#include <atomic>
#include <functional>
#include <mutex>
#include <string>

namespace mockhost::emulator {

/// The emulator's whole mutable state and its control operations (the C++ face of /_emulator).
/// Every method is thread-safe. Data methods throw Poco::NotFoundException for an unknown
/// customer/subscription/reseller id and Poco::InvalidArgumentException for bad values, naming
/// them.
class EmulatorState {
public:
    explicit EmulatorState(EmulatorOptions options);

    const EmulatorOptions& options() const { return _options; }

    /// Runs `action` with the data set locked (for handlers and inspection).
    template <typename Action> auto withData(Action&& action) const {
        std::lock_guard<std::mutex> lock(_mutex);
        return action(static_cast<const DataSet&>(_data));
    }
    DataSet snapshot() const;
    std::string partnerTenantId() const;

    // --- tokens
    std::string initialRefreshToken() const;
    std::string issueRefreshToken();
    /// Under strict rotation a retired token presented is a reuse (Retired) and, with
    /// revokeFamilyOnReuse, revokes its family.
    RefreshTokenState redeem(const std::string& refreshToken, TokenStore::Issued& issued);
    /// What presenting `refreshToken` would meet now, without redeeming it.
    RefreshTokenState refreshTokenState(const std::string& refreshToken) const;
    TokenStore::Issued issueAppOnlyToken();
    AccessTokenState checkAccess(const std::string& accessToken, bool* appOnly = nullptr) const;
    void expireRefreshTokens();
    void revokeRefreshTokens();
    void requireMfa();
    void expireAccessTokens();
    /// Every refresh and access token issued so far.
    std::vector<std::string> issuedTokens() const;

    // --- faults and switches
    void setFaults(const FaultSettings& settings);
    FaultSettings faults() const;
    FaultInjector& faultInjector() { return _faults; }
    RateLimiter& rateLimiter() { return _rateLimiter; }
    void setCompatibility(const CompatibilityOptions& compatibility);
    CompatibilityOptions compatibility() const;

    // --- counters
    RequestCounters& counters() { return _counters; }

    // --- changes over time (each appends an audit record dated now)
    Customer addCustomer(const NewCustomer& spec);
    Subscription addSubscription(const std::string& customerId, const NewSubscription& spec);
    Subscription changeSubscription(const std::string& customerId,
                                    const std::string& subscriptionId,
                                    const SubscriptionChange& change);
    void markCustomerLeft(const std::string& customerId);
    /// A new Azure subscription under the customer's Azure plan `planSubscriptionId` (what a
    /// customer does in the Azure portal; no audit record). Returns it. Throws
    /// Poco::NotFoundException when the customer or plan is unknown, InvalidArgumentException
    /// when the subscription is not an Azure plan.
    AzureEntitlement addAzureEntitlement(const std::string& customerId,
                                         const std::string& planSubscriptionId);
    /// `count` random changes drawn from the seeded change generator (deterministic per seed
    /// and call sequence): new tenants (direct or through a reseller), new subscriptions,
    /// quantity changes, suspensions and cancellations. Returns the audit records appended.
    std::vector<AuditRecord> simulateChanges(int count);
    /// Replaces the data set (the activity log starts empty).
    void replaceData(const DataSet& data);

    /// Back to the state at construction: data, tokens (same initial refresh token), faults,
    /// switches, counters, rate buckets.
    void reset();

    /// Set while the server shuts down, so injected hangs end early.
    std::atomic<bool>& stopping() { return _stopping; }

private:
    DataSet loadInitialData() const;

    EmulatorOptions _options;
    mutable std::mutex _mutex;
    DataSet _data;
    TokenStore _tokens;
    CompatibilityOptions _compatibility;
    SeededRandom _changeRandom;
    FaultInjector _faults;
    RateLimiter _rateLimiter;
    RequestCounters _counters;
    std::atomic<bool> _stopping{false};
};

} // namespace mockhost::emulator
