#include "services/TokenLease.h"

#include "services/InstanceStore.h"
#include "support/Sql.h"

#include <bss/sdk/ToolError.h>

#include <Poco/Data/Session.h>
#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/Process.h>
#include <Poco/UUIDGenerator.h>

#include <algorithm>
#include <vector>

using namespace Poco::Data::Keywords;
using bss::sdk::ErrorCode;
using bss::sdk::ToolError;

namespace mockhost {
namespace {

Poco::Int64 epochMs(std::chrono::system_clock::time_point at) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
}

Poco::Int64 nowMs() {
    return epochMs(std::chrono::system_clock::now());
}

std::string newHolder() {
    return Poco::Environment::nodeName() + ":" + std::to_string(Poco::Process::id()) + ":" +
           Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
}

std::string failureText(const std::exception& e) {
    const auto* poco = dynamic_cast<const Poco::Exception*>(&e);
    return poco ? poco->displayText() : std::string(e.what());
}

} // namespace

TokenLease::TokenLease(HostDatabase& database, std::int64_t instanceId, TokenLeaseOptions options)
    : _database(database), _instanceId(instanceId), _options(options), _holder(newHolder()) {}

TokenLease::~TokenLease() {
    release();
}

bool TokenLease::tryTake() {
    Poco::Data::Session session = _database.session();
    Poco::Int64 id = _instanceId;
    std::string holder = _holder;
    Poco::Int64 at = nowMs();
    Poco::Int64 until = at + _options.ttl.count();
    session << sqlFor(_database.dialect(),
                      "UPDATE microsoft_instances SET token_lease_holder = ?,"
                      " token_lease_until_ms = ? WHERE id = ? AND (token_lease_holder IS NULL"
                      " OR token_lease_until_ms IS NULL OR token_lease_until_ms < ?)"),
        use(holder), use(until), use(id), use(at), now;
    // Read back rather than trust the driver's affected-row count: the lease is ours only if
    // the row now names us, and a live lease of another holder cannot be overwritten meanwhile.
    std::vector<Poco::Nullable<std::string>> holders;
    session << sqlFor(_database.dialect(),
                      "SELECT token_lease_holder FROM microsoft_instances WHERE id = ?"),
        use(id), into(holders), now;
    if (holders.empty())
        throw ToolError(ErrorCode::NotFound,
                        "Microsoft instance " + std::to_string(_instanceId) +
                            " does not exist any more.",
                        "instanceId");
    return !holders.front().isNull() && holders.front().value() == _holder;
}

void TokenLease::acquire() {
    const auto deadline = std::chrono::steady_clock::now() + _options.maxWait;
    std::chrono::milliseconds pause{10};
    std::string lastFailure;
    for (;;) {
        try {
            if (tryTake()) {
                _held = true;
                startRenewing();
                return;
            }
        } catch (const ToolError& e) {
            if (e.code() != ErrorCode::Unavailable)
                throw;
            lastFailure = e.what();
        } catch (const Poco::Exception& e) {
            // Busy or locked: the holder, or a store, writes the row; wait like for a lease.
            lastFailure = e.displayText();
        }
        if (std::chrono::steady_clock::now() + pause > deadline)
            throw ToolError(ErrorCode::Unavailable,
                            "The token of Microsoft instance " + std::to_string(_instanceId) +
                                " is being renewed by another process, which has not finished "
                                "within " +
                                std::to_string(_options.maxWait.count() / 1000) + " s" +
                                (lastFailure.empty() ? "" : " (" + lastFailure + ")") +
                                "; try again later.");
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds(200));
    }
}

void TokenLease::startRenewing() {
    _stopRenewing = false;
    _renewer = std::thread([this] {
        std::unique_lock<std::mutex> lock(_renewMutex);
        while (!_renewWake.wait_for(lock, _options.renewEvery, [this] { return _stopRenewing; })) {
            lock.unlock();
            renew();
            lock.lock();
        }
    });
}

void TokenLease::stopRenewing() {
    if (!_renewer.joinable())
        return;
    {
        std::lock_guard<std::mutex> lock(_renewMutex);
        _stopRenewing = true;
    }
    _renewWake.notify_all();
    _renewer.join();
}

void TokenLease::renew() {
    try {
        Poco::Data::Session session = _database.session();
        Poco::Int64 id = _instanceId;
        std::string holder = _holder;
        Poco::Int64 until = nowMs() + _options.ttl.count();
        session << sqlFor(_database.dialect(),
                          "UPDATE microsoft_instances SET token_lease_until_ms = ?"
                          " WHERE id = ? AND token_lease_holder = ?"),
            use(until), use(id), use(holder), now;
    } catch (const std::exception&) {
        // The next tick tries again; the lease lasts `ttl` past the last renewal that worked.
    }
}

void TokenLease::withShortLockWait(const std::function<void(Poco::Data::Session&)>& write) {
    Poco::Data::Session session = _database.session();
    const bool postgres = _database.dialect() == bss::sdk::SqlDialect::PostgreSQL;
    const std::string wait = std::to_string(_options.storeAttemptTimeout.count());
    // A short lock wait per attempt, so a locked database is retried by the caller (with a bound
    // the host chooses) instead of inside one statement. SQLite's busy timeout is per connection
    // and set again whenever the pool lends the session; PostgreSQL's lasts the transaction.
    if (postgres) {
        session.begin();
        session << "SET LOCAL lock_timeout = '" + wait + "ms'", now;
    } else {
        session << "PRAGMA busy_timeout = " + wait, now;
    }
    try {
        write(session);
        if (postgres)
            session.commit();
    } catch (...) {
        if (postgres) {
            try {
                session.rollback();
            } catch (const std::exception&) {
                // The pool rolls back a session returned with a transaction open.
            }
        }
        throw;
    }
}

void TokenLease::storeOnce(const std::string& refreshToken, const std::string& expiresAtIso,
                           const std::string& updatedAtIso) {
    withShortLockWait([&](Poco::Data::Session& session) {
        Poco::Int64 id = _instanceId;
        std::string token =
            _database.secrets().seal(refreshToken, InstanceStore::kRefreshTokenColumn);
        std::string expires = expiresAtIso;
        std::string updated = updatedAtIso;
        std::string holder = _holder;
        std::string holderAgain = _holder;
        session << sqlFor(_database.dialect(),
                          "UPDATE microsoft_instances SET refresh_token = ?,"
                          " refresh_token_expires_at = ?, updated_at = ?,"
                          " token_lease_until_ms = CASE WHEN token_lease_holder = ? THEN NULL"
                          " ELSE token_lease_until_ms END,"
                          " token_lease_holder = CASE WHEN token_lease_holder = ? THEN NULL"
                          " ELSE token_lease_holder END WHERE id = ?"),
            use(token), use(expires), use(updated), use(holder), use(holderAgain), use(id), now;
    });
}

void TokenLease::storeAndRelease(const std::string& refreshToken, const std::string& expiresAtIso,
                                 const std::string& updatedAtIso,
                                 const std::function<void(const std::string&)>& onRetry) {
    stopRenewing();
    const auto deadline = std::chrono::steady_clock::now() + _options.storeRetryFor;
    std::chrono::milliseconds pause{20};
    int attempts = 0;
    for (;;) {
        std::string failure;
        ++attempts;
        try {
            storeOnce(refreshToken, expiresAtIso, updatedAtIso);
            _held = false;
            return;
        } catch (const std::exception& e) {
            failure = failureText(e);
        }
        if (std::chrono::steady_clock::now() + pause > deadline) {
            release();
            throw ToolError(ErrorCode::Unavailable,
                            "The renewed refresh token of Microsoft instance " +
                                std::to_string(_instanceId) + " could not be saved after " +
                                std::to_string(attempts) + " attempts: " + failure);
        }
        if (onRetry)
            onRetry(failure);
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds(500));
    }
}

void TokenLease::release() {
    stopRenewing();
    for (int attempt = 0; attempt < 3 && _held; ++attempt) {
        try {
            withShortLockWait([&](Poco::Data::Session& session) {
                Poco::Int64 id = _instanceId;
                std::string holder = _holder;
                session << sqlFor(_database.dialect(),
                                  "UPDATE microsoft_instances SET token_lease_holder = NULL,"
                                  " token_lease_until_ms = NULL WHERE id = ? AND"
                                  " token_lease_holder = ?"),
                    use(id), use(holder), now;
            });
            _held = false;
        } catch (const std::exception&) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
    _held = false; // if the lease is still written, it ends at its time
}

} // namespace mockhost
