#include "application/BillingProfileReader.h"

#include "application/ParallelFor.h"
#include "gateway/GatewayError.h"

namespace ict::application {

using gateway::GatewayError;
using gateway::GatewayErrorKind;

BillingProfileReader::BillingProfileReader(std::shared_ptr<gateway::PartnerCenterClient> client,
                                           gateway::RequestContext context, int parallelism,
                                           std::vector<domain::TenantSelection>& tenants)
    : _client(std::move(client)), _context(std::move(context)), _parallelism(parallelism),
      _tenants(tenants), _done(tenants.size(), 0) {
    // Requests in flight end as soon as the caller cancels or the reader is stopped.
    std::function<bool()> outer = _context.isCancelled;
    _context.isCancelled = [this, outer] { return _stop.load() || (outer && outer()); };
}

BillingProfileReader::~BillingProfileReader() {
    stop();
}

void BillingProfileReader::start() {
    _thread = std::thread([this] {
        std::exception_ptr error;
        try {
            parallelFor(_tenants.size(), _parallelism, [this](std::size_t i) { readOne(i); });
        } catch (...) {
            error = std::current_exception();
        }
        std::lock_guard<std::mutex> lock(_mutex);
        _error = error;
        _finished = true;
        _changed.notify_all();
    });
}

void BillingProfileReader::readOne(std::size_t index) {
    if (_stop)
        return;
    domain::TenantSelection& tenant = _tenants[index];
    std::string failure;
    if (!tenant.relatedAccountId) { // an existing account keeps its own contact
        try {
            domain::BillingProfile profile =
                _client->billingProfile(_context, tenant.customer.tenantId);
            std::lock_guard<std::mutex> lock(_mutex);
            tenant.billingProfile = std::move(profile);
        } catch (const GatewayError& error) {
            if (error.kind() == GatewayErrorKind::NotAuthenticated ||
                error.kind() == GatewayErrorKind::AnswerLost ||
                error.kind() == GatewayErrorKind::TlsFailure ||
                error.kind() == GatewayErrorKind::Cancelled)
                throw;
            failure = std::string("The billing profile could not be read: ") + error.what();
        }
    }
    std::lock_guard<std::mutex> lock(_mutex);
    if (!failure.empty())
        _failures[index] = failure;
    _done[index] = 1;
    const std::size_t before = _doneUpTo;
    while (_doneUpTo < _done.size() && _done[_doneUpTo])
        ++_doneUpTo;
    if (_doneUpTo != before)
        _changed.notify_all();
}

void BillingProfileReader::waitFor(std::size_t end) {
    std::unique_lock<std::mutex> lock(_mutex);
    _changed.wait(lock, [&] { return _doneUpTo >= end || _finished; });
    if (_doneUpTo >= end)
        return;
    if (_error)
        std::rethrow_exception(_error);
    throw GatewayError(GatewayErrorKind::Cancelled, "billing profiles", "the reading was stopped");
}

std::string BillingProfileReader::failure(std::size_t index) const {
    std::lock_guard<std::mutex> lock(_mutex);
    auto found = _failures.find(index);
    return found == _failures.end() ? std::string() : found->second;
}

void BillingProfileReader::stop() {
    _stop = true;
    if (_thread.joinable())
        _thread.join();
}

} // namespace ict::application
