#pragma once
/// Holds an organization's instance for one run, across every host on the database
/// (storage::RunLeaseRepository): the lease is taken at construction, renewed by a thread of the
/// keeper's own every `renewEvery`, and given back at destruction. A run started while another
/// live run holds the instance is refused with the same Conflict a second start on one host
/// gets: what runs, since when, by whom, on which host. A lease found expired (its host died) is
/// taken over and the run it covered is marked interrupted, saying when its lease expired.
///
/// If renewals stop succeeding until the lease expires (this host stalled for longer than `ttl`),
/// lost() turns true and fence() throws: the run must stop and save nothing, since another host
/// may hold the instance by then. Thread-safe; not copyable.

#include "storage/RunLeaseRepository.h"

#include <bss/sdk/Database.h>

#include <Poco/Data/Session.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace ict::application {

struct LeaseTiming {
    std::chrono::milliseconds ttl{30000};       ///< A lease not renewed for this long expires.
    std::chrono::milliseconds renewEvery{5000}; ///< Heartbeat period (well under ttl).
};

/// Marks the run an expired lease covered as interrupted, in the tool's own run records: `expired`
/// is that lease, `message` says when and why (interruptedMessage()), `nowIso` is the time it was
/// noticed. May throw Poco::Exception.
using MarkInterrupted = std::function<void(const storage::RunLease& expired,
                                           const std::string& message, const std::string& nowIso)>;

/// Where a tool keeps its leases and how it records a run taken over.
struct LeaseTable {
    std::string table;               ///< The tool's lease table (storage::runLeaseTableSql()).
    MarkInterrupted markInterrupted; ///< Called when a lease is taken over from a dead host.
};

/// ICT_LEASE_TTL_MS from the environment when set (tests kill hosts and want short leases), the
/// defaults otherwise; the heartbeat is a fifth of the ttl.
LeaseTiming leaseTimingFromEnvironment();

class RunLeaseKeeper {
public:
    /// Takes the lease (see the file comment). `lease.holder` names this host (the tool's
    /// holder name). Throws bss::sdk::ToolError(Conflict) when another live run holds it,
    /// Poco::Exception on a database failure.
    RunLeaseKeeper(bss::sdk::Database& database, const LeaseTable& table, storage::RunLease lease,
                   LeaseTiming timing, const std::string& nowIso);
    /// Stops the heartbeat and releases the lease (if still held). Never throws.
    ~RunLeaseKeeper();
    RunLeaseKeeper(const RunLeaseKeeper&) = delete;
    RunLeaseKeeper& operator=(const RunLeaseKeeper&) = delete;

    /// True once a renewal found the lease gone.
    bool lost() const { return _lost.load(); }

    /// Inside the caller's transaction: throws bss::sdk::ToolError(Conflict) unless this keeper
    /// still holds the lease.
    void fence(Poco::Data::Session& session);

    const storage::RunLease& lease() const { return _lease; }

private:
    void heartbeat();

    storage::RunLeaseRepository _leases;
    storage::RunLease _lease;
    LeaseTiming _timing;
    std::atomic<bool> _lost{false};
    std::mutex _mutex;
    std::condition_variable _wake;
    bool _stopping = false;
    std::thread _thread;
};

/// The message of a run that was interrupted because its host stopped: its holder, when its
/// lease expired, and who noticed when.
std::string interruptedMessage(const storage::RunLease& expired, const std::string& noticedBy,
                               const std::string& noticedAt);

} // namespace ict::application
