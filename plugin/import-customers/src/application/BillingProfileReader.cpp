#include "application/BillingProfileReader.h"

#include "gateway/GatewayError.h"

#include <algorithm>

namespace ict::application {

using gateway::GatewayError;
using gateway::GatewayErrorKind;

BillingProfileReader::BillingProfileReader(std::shared_ptr<gateway::PartnerCenterClient> client,
                                           gateway::RequestContext context, int parallelism)
    : _client(std::move(client)), _context(std::move(context)),
      _parallelism(std::max(1, parallelism)) {
    // Requests in flight end as soon as the caller cancels or the reader is stopped.
    std::function<bool()> outer = _context.isCancelled;
    _context.isCancelled = [this, outer] { return _stop.load() || (outer && outer()); };
}

BillingProfileReader::~BillingProfileReader() {
    stop();
}

void BillingProfileReader::start() {
    for (int i = 0; i < _parallelism; ++i)
        _threads.emplace_back([this] { readLoop(); });
}

void BillingProfileReader::append(std::vector<domain::TenantSelection> tenants) {
    {
        std::lock_guard<std::mutex> lock(_mutex);
        for (domain::TenantSelection& tenant : tenants)
            _items.push_back({{std::move(tenant), ""}, false, false});
    }
    _changed.notify_all();
}

std::size_t BillingProfileReader::pending() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _items.size();
}

void BillingProfileReader::readLoop() {
    for (;;) {
        Item* item = nullptr;
        {
            std::unique_lock<std::mutex> lock(_mutex);
            _changed.wait(lock, [&] { return _stop || _error || _nextToClaim < _items.size(); });
            if (_stop || _error)
                return;
            item = &_items[_nextToClaim++];
            item->claimed = true;
        }
        try {
            readOne(*item);
        } catch (...) {
            std::lock_guard<std::mutex> lock(_mutex);
            if (!_error)
                _error = std::current_exception();
            _changed.notify_all();
            return;
        }
    }
}

void BillingProfileReader::readOne(Item& item) {
    domain::TenantSelection& tenant = item.read.tenant;
    std::string failure;
    if (!tenant.relatedAccountId) { // an existing account keeps its own contact
        try {
            domain::BillingProfile profile =
                _client->billingProfile(_context, tenant.customer.tenantId);
            tenant.billingProfile = std::move(profile);
        } catch (const GatewayError& error) {
            if (error.endsTheRun())
                throw;
            failure = std::string("The billing profile could not be read: ") + error.what();
        }
    }
    {
        std::lock_guard<std::mutex> lock(_mutex);
        item.read.failure = std::move(failure);
        item.done = true;
    }
    _changed.notify_all();
}

std::vector<ReadTenant> BillingProfileReader::take(std::size_t count) {
    std::unique_lock<std::mutex> lock(_mutex);
    count = std::min(count, _items.size());
    const auto ready = [&] {
        for (std::size_t i = 0; i < count; ++i)
            if (!_items[i].done)
                return false;
        return true;
    };
    _changed.wait(lock, [&] { return ready() || _error || _stop; });
    if (!ready()) {
        if (_error)
            std::rethrow_exception(_error);
        throw GatewayError(GatewayErrorKind::Cancelled, "billing profiles",
                           "the reading was stopped");
    }
    std::vector<ReadTenant> taken;
    taken.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        taken.push_back(std::move(_items.front().read));
        _items.pop_front();
    }
    _nextToClaim -= count;
    return taken;
}

void BillingProfileReader::stop() {
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _stop = true;
    }
    _changed.notify_all();
    for (std::thread& thread : _threads)
        if (thread.joinable())
            thread.join();
    _threads.clear();
}

} // namespace ict::application
