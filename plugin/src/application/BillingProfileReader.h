#pragma once
/// Reads the billing profiles of an import's new tenants from Partner Center on a thread of its
/// own, `parallelism` requests side by side and in the tenants' order, so the import can write
/// its first tenants while later profiles are still being read. A tenant with a related BSS
/// account is not read (its account keeps its own contact).
///
/// Threading: one owner thread calls start(), waitFor(), failure() and stop(); the reading
/// threads write only tenants the owner has not waited for. After waitFor(end) returned, the
/// tenants below `end` (their billingProfile) and their failure() are the owner's to read.

#include "domain/importing/TenantSelection.h"
#include "gateway/PartnerCenterClient.h"

#include <atomic>
#include <condition_variable>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ict::application {

class BillingProfileReader {
public:
    /// `tenants` must outlive the reader and keep its size; `context` says when the caller
    /// cancels (its check is thread-safe).
    BillingProfileReader(std::shared_ptr<gateway::PartnerCenterClient> client,
                         gateway::RequestContext context, int parallelism,
                         std::vector<domain::TenantSelection>& tenants);
    /// Stops the reading (requests in flight are cancelled) and waits for its thread.
    ~BillingProfileReader();

    BillingProfileReader(const BillingProfileReader&) = delete;
    BillingProfileReader& operator=(const BillingProfileReader&) = delete;

    void start();

    /// Blocks until the profiles of tenants [0, end) are read or failed. Throws the
    /// GatewayError that stopped the reading: not authenticated, TLS failure, or cancelled.
    void waitFor(std::size_t end);

    /// Why the profile of tenant `index` (below a waitFor() bound) could not be read; empty
    /// when it was read or not needed.
    std::string failure(std::size_t index) const;

    /// Stops reading and joins the thread; idempotent.
    void stop();

private:
    void readOne(std::size_t index);

    std::shared_ptr<gateway::PartnerCenterClient> _client;
    gateway::RequestContext _context;
    int _parallelism;
    std::vector<domain::TenantSelection>& _tenants;
    std::atomic<bool> _stop{false};
    std::thread _thread;

    mutable std::mutex _mutex;
    std::condition_variable _changed;
    std::vector<char> _done;   ///< Per tenant: read, failed or not needed.
    std::size_t _doneUpTo = 0; ///< Every tenant below is done.
    bool _finished = false;    ///< The reading ended (all done, or stopped by an error).
    std::exception_ptr _error; ///< What stopped the reading early.
    std::map<std::size_t, std::string> _failures;
};

} // namespace ict::application
