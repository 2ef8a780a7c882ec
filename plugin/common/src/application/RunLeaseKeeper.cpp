#include "application/RunLeaseKeeper.h"

#include <bss/sdk/ToolError.h>

#include <Poco/Environment.h>
#include <Poco/NumberParser.h>

namespace ict::application {

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;

namespace {

std::string conflictMessage(const storage::RunLease& holder) {
    return "A '" + holder.kind + "' job for instance:" + std::to_string(holder.key.instanceId) +
           " is already running since " + holder.startedAt + ", started by " + holder.userLogin +
           " (run " + holder.runId + " on host " + holder.holder + ").";
}

} // namespace

LeaseTiming leaseTimingFromEnvironment() {
    LeaseTiming timing;
    Poco::Int64 ttl = 0;
    if (Poco::NumberParser::tryParse64(Poco::Environment::get("ICT_LEASE_TTL_MS", ""), ttl) &&
        ttl >= 500) {
        timing.ttl = std::chrono::milliseconds(ttl);
        timing.renewEvery = std::chrono::milliseconds(ttl / 5);
    }
    return timing;
}

std::string interruptedMessage(const storage::RunLease& expired, const std::string& noticedBy,
                               const std::string& noticedAt) {
    return "Interrupted: the host running it (" + expired.holder +
           ") stopped before the run ended; its last heartbeat was at " +
           storage::isoFromMillis(expired.heartbeatAtMs) + " and its lease expired at " +
           storage::isoFromMillis(expired.expiresAtMs) + ". Noticed by " + noticedBy + " at " +
           noticedAt + ".";
}

RunLeaseKeeper::RunLeaseKeeper(bss::sdk::Database& database, const LeaseTable& table,
                               storage::RunLease lease, LeaseTiming timing,
                               const std::string& nowIso)
    : _leases(database, table.table), _lease(std::move(lease)), _timing(timing) {
    storage::LeaseOutcome outcome = _leases.acquire(_lease, _timing.ttl);
    if (!outcome.acquired && !outcome.holder) // released between two statements: once more
        outcome = _leases.acquire(_lease, _timing.ttl);
    if (!outcome.acquired) {
        const std::string message =
            outcome.holder ? conflictMessage(*outcome.holder)
                           : "Another run of instance:" + std::to_string(_lease.key.instanceId) +
                                 " is starting; try again.";
        throw ToolError(ErrorCode::Conflict, message, "",
                        outcome.holder ? "{\"runId\":\"" + outcome.holder->runId + "\"}" : "");
    }
    if (outcome.expired && table.markInterrupted)
        table.markInterrupted(*outcome.expired,
                              interruptedMessage(*outcome.expired, "run " + _lease.runId, nowIso),
                              nowIso);
    _thread = std::thread([this] { heartbeat(); });
}

RunLeaseKeeper::~RunLeaseKeeper() {
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _stopping = true;
    }
    _wake.notify_all();
    if (_thread.joinable())
        _thread.join();
    try {
        _leases.release(_lease.key, _lease.holder, _lease.runId);
    } catch (...) {
        // The lease then expires on its own; the next run takes it over.
    }
}

void RunLeaseKeeper::heartbeat() {
    std::unique_lock<std::mutex> lock(_mutex);
    while (!_stopping && !_lost) {
        _wake.wait_for(lock, _timing.renewEvery, [this] { return _stopping; });
        if (_stopping)
            return;
        lock.unlock();
        try {
            if (!_leases.renew(_lease.key, _lease.holder, _lease.runId, _timing.ttl))
                _lost = true;
        } catch (...) {
            // A busy database: the next beat tries again; the lease is lost only when it expires.
        }
        lock.lock();
    }
}

void RunLeaseKeeper::fence(Poco::Data::Session& session) {
    if (_lost || !_leases.holds(session, _lease.key, _lease.holder, _lease.runId)) {
        _lost = true;
        throw ToolError(
            ErrorCode::Conflict,
            "This run lost its hold on instance:" + std::to_string(_lease.key.instanceId) +
                " (its host stalled longer than the lease lasts); nothing was saved.");
    }
}

} // namespace ict::application
