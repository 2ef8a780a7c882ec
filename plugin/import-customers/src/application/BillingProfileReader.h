#pragma once
/// Reads the billing profiles of an import's new tenants from Partner Center on threads of its
/// own, `parallelism` requests side by side, ahead of the writing: the import appends tenants a
/// batch at a time and takes them back, read, in the order it appended them, so it writes its
/// first batches while later profiles are still being read and never holds more than the
/// tenants it appended ahead. A tenant with a related BSS account is not read (its account keeps
/// its own contact).
///
/// Threading: one owner thread calls append(), close(), take() and stop(); the reading threads
/// touch only tenants appended and not yet taken.

#include "domain/importing/TenantSelection.h"
#include "gateway/PartnerCenterClient.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ict::application {

/// A tenant taken back from the reader.
struct ReadTenant {
    domain::TenantSelection tenant; ///< With its billingProfile when it was read.
    std::string failure; ///< Why its profile could not be read; empty when read or not needed.
};

class BillingProfileReader {
public:
    /// `context` says when the caller cancels (its check is thread-safe).
    BillingProfileReader(std::shared_ptr<gateway::PartnerCenterClient> client,
                         gateway::RequestContext context, int parallelism);
    /// Stops the reading (requests in flight are cancelled) and waits for its threads.
    ~BillingProfileReader();

    BillingProfileReader(const BillingProfileReader&) = delete;
    BillingProfileReader& operator=(const BillingProfileReader&) = delete;

    /// Starts the reading threads.
    void start();

    /// Queues `tenants` after those appended before.
    void append(std::vector<domain::TenantSelection> tenants);

    /// Tenants appended and not yet taken.
    std::size_t pending() const;

    /// Blocks until the first `count` pending tenants are read (or failed, or needed no read),
    /// then moves them out, in order. Throws the GatewayError that stopped the reading: not
    /// authenticated, TLS failure, or cancelled.
    std::vector<ReadTenant> take(std::size_t count);

    /// Stops reading and joins the threads; idempotent.
    void stop();

private:
    struct Item {
        ReadTenant read;
        bool claimed = false;
        bool done = false;
    };
    void readLoop();
    void readOne(Item& item);

    std::shared_ptr<gateway::PartnerCenterClient> _client;
    gateway::RequestContext _context;
    int _parallelism;
    std::atomic<bool> _stop{false};
    std::vector<std::thread> _threads;

    mutable std::mutex _mutex;
    std::condition_variable _changed; ///< An item was appended, read, or the reading stopped.
    std::deque<Item> _items;          ///< Appended, not yet taken; references stay valid.
    std::size_t _nextToClaim = 0;     ///< Index into _items of the first unclaimed item.
    std::exception_ptr _error;        ///< What stopped the reading early.
};

} // namespace ict::application
