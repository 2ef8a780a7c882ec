#pragma once
/// The lease on one microsoft_instances row that makes a refresh-token redemption exclusive among
/// all processes sharing the host database (columns token_lease_holder and token_lease_until_ms,
/// host schema 002). It is taken by a conditional UPDATE (the row's lease is free or past its
/// time), renewed by a background thread while held, and cleared by the UPDATE that stores the
/// rotated token, or by release(). No transaction or database lock is held in between, so the
/// token request may take as long as it takes, on SQLite too.
///
/// Lease times are real time (std::chrono::system_clock), never the host's settable clock:
/// processes started with different --clock values must agree on when a lease ends. A process
/// that dies holding a lease stops renewing it, and the lease is free again `ttl` later.
///
/// One object per redemption, used by one thread (its renewal thread aside). Secrets: the token
/// passed to storeAndRelease() is bound as a parameter and appears in no error text.
#include "db/HostDatabase.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace mockhost {

struct TokenLeaseOptions {
    /// A lease not renewed for this long is free again. Renewal keeps a live holder's lease.
    std::chrono::milliseconds ttl{30000};
    std::chrono::milliseconds renewEvery{10000};
    /// How long a redemption waits for another one's lease before it gives up.
    std::chrono::milliseconds maxWait{300000};
    /// How long a failing store of the rotated token is retried.
    std::chrono::milliseconds storeRetryFor{30000};
    /// How long one store attempt waits for a lock (SQLite busy timeout, PostgreSQL lock_timeout)
    /// before it fails and is retried.
    std::chrono::milliseconds storeAttemptTimeout{500};
};

class TokenLease {
public:
    TokenLease(HostDatabase& database, std::int64_t instanceId, TokenLeaseOptions options);
    /// Stops renewing and releases a lease still held (best effort).
    ~TokenLease();
    TokenLease(const TokenLease&) = delete;
    TokenLease& operator=(const TokenLease&) = delete;

    /// Waits until the row's lease is free or past its time, takes it and starts renewing it.
    /// Throws bss::sdk::ToolError(Unavailable) after options.maxWait, ToolError(NotFound) when
    /// the row is gone.
    void acquire();

    /// Writes the rotated token, its expiry and updated_at, and clears the lease, in one
    /// statement. A failure (database busy or locked, no free session) is retried for
    /// options.storeRetryFor; `onRetry` gets each failure's text. Throws ToolError(Unavailable)
    /// when no attempt succeeded; the lease is then released if possible, else it ends at its
    /// time. If the lease lapsed meanwhile and another holder took it, the token is still
    /// stored (it is the newest Microsoft issued) and the other holder's lease is kept.
    void storeAndRelease(const std::string& refreshToken, const std::string& expiresAtIso,
                         const std::string& updatedAtIso,
                         const std::function<void(const std::string&)>& onRetry);

    /// Clears the lease if this object holds it. Best effort: retried briefly, never throws.
    void release();

    /// "host:pid:uuid" of this lease's holder.
    const std::string& holder() const { return _holder; }

private:
    bool tryTake();
    void startRenewing();
    void stopRenewing();
    void renew();
    /// Runs `write` on a session whose lock waits last options.storeAttemptTimeout at most.
    void withShortLockWait(const std::function<void(Poco::Data::Session&)>& write);
    void storeOnce(const std::string& refreshToken, const std::string& expiresAtIso,
                   const std::string& updatedAtIso);

    HostDatabase& _database;
    const std::int64_t _instanceId;
    const TokenLeaseOptions _options;
    const std::string _holder;
    bool _held = false;
    std::mutex _renewMutex;
    std::condition_variable _renewWake;
    bool _stopRenewing = false;
    std::thread _renewer;
};

} // namespace mockhost
