#include "application/HierarchyCrawler.h"

#include "application/ParallelFor.h"

#include "domain/hierarchy/ResellerLookup.h"
#include "gateway/GatewayError.h"

#include <algorithm>
#include <unordered_set>

namespace ict::application {

using gateway::GatewayError;
using gateway::GatewayErrorKind;

namespace {

/// Errors after which no other customer can be read either: the run stops.
bool dooms(const GatewayError& error) {
    return error.kind() == GatewayErrorKind::NotAuthenticated ||
           error.kind() == GatewayErrorKind::TlsFailure ||
           error.kind() == GatewayErrorKind::Cancelled;
}

} // namespace

HierarchyCrawler::HierarchyCrawler(gateway::PartnerCenterClient& client,
                                   gateway::RequestContext context, int parallelism,
                                   ProgressSink onProgress)
    : _client(client), _context(std::move(context)), _parallelism(std::max(1, parallelism)),
      _onProgress(std::move(onProgress)), _started(std::chrono::steady_clock::now()) {}

std::int64_t HierarchyCrawler::callsMade() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _progress.requestsMade;
}

void HierarchyCrawler::countCall() {
    std::lock_guard<std::mutex> lock(_mutex);
    ++_progress.requestsMade;
}

void HierarchyCrawler::report() {
    domain::HierarchyProgress snapshot;
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _progress.elapsedSeconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - _started).count();
        _progress.remainingSecondsEstimate = domain::estimateRemainingSeconds(_progress);
        snapshot = _progress;
    }
    if (_onProgress)
        _onProgress(snapshot);
}

CrawlResult HierarchyCrawler::crawlAll(bool directCapable, bool indirectCapable) {
    CrawlResult result;
    result.input.directCapable = directCapable;
    readRelationships(result, indirectCapable);
    _client.forEachCustomerPage(_context, [&](const std::vector<domain::Customer>& page) {
        countCall();
        result.input.customers.insert(result.input.customers.end(), page.begin(), page.end());
        report();
    });
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _progress.tenantsTotal = static_cast<std::int64_t>(result.input.customers.size());
    }
    readSubscriptions(result);
    lookUpResellers(result, {});
    report();
    return result;
}

CrawlResult HierarchyCrawler::crawlCustomers(std::vector<domain::Customer> customers,
                                             bool directCapable, bool indirectCapable,
                                             const std::vector<domain::Reseller>& knownResellers) {
    CrawlResult result;
    result.input.directCapable = directCapable;
    result.input.customers = std::move(customers);
    // No tenant to read (an incremental refresh with no changes): the relationships list would
    // be a request the data does not need ([B3]).
    if (result.input.customers.empty()) {
        report();
        return result;
    }
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _progress.tenantsTotal = static_cast<std::int64_t>(result.input.customers.size());
    }
    readRelationships(result, indirectCapable);
    readSubscriptions(result);
    lookUpResellers(result, knownResellers);
    report();
    return result;
}

void HierarchyCrawler::readRelationships(CrawlResult& result, bool indirectCapable) {
    if (!indirectCapable) {
        std::lock_guard<std::mutex> lock(_mutex);
        _progress.resellersTotal = 0;
        return;
    }
    countCall();
    result.input.relationships = _client.indirectResellers(_context);
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _progress.resellersTotal = static_cast<std::int64_t>(result.input.relationships.size());
        _progress.resellersFetched = _progress.resellersTotal.value_or(0);
    }
    report();
}

void HierarchyCrawler::readSubscriptions(CrawlResult& result) {
    const std::vector<domain::Customer>& customers = result.input.customers;
    std::mutex resultMutex;
    parallelFor(customers.size(), _parallelism, [&](std::size_t index) {
        const domain::Customer& customer = customers[index];
        if (_context.cancelled())
            throw GatewayError::cancelled("reading subscriptions");
        try {
            countCall();
            std::vector<domain::Subscription> subscriptions =
                _client.subscriptions(_context, customer.tenantId);
            std::lock_guard<std::mutex> lock(resultMutex);
            {
                std::lock_guard<std::mutex> progressLock(_mutex);
                ++_progress.tenantsFetched;
                _progress.subscriptionsFetched += static_cast<std::int64_t>(subscriptions.size());
            }
            for (domain::Subscription& subscription : subscriptions) {
                if (subscription.customerTenantId.empty())
                    subscription.customerTenantId = customer.tenantId;
                result.input.subscriptions.push_back(std::move(subscription));
            }
        } catch (const GatewayError& error) {
            if (dooms(error))
                throw;
            std::lock_guard<std::mutex> lock(resultMutex);
            result.failures.push_back(
                {customer.tenantId, customer.companyName, customer.primaryDomain, error.what()});
            std::lock_guard<std::mutex> progressLock(_mutex);
            ++_progress.tenantsFetched;
        }
        report();
    });

    // Failed customers are listed with their error, not placed in the hierarchy.
    std::unordered_set<std::string> failed;
    for (const storage::TenantFetchError& failure : result.failures)
        failed.insert(failure.tenantId);
    std::vector<domain::Customer> placed;
    for (const domain::Customer& customer : customers)
        if (!failed.count(customer.tenantId))
            placed.push_back(customer);
    result.input.customers = std::move(placed);
}

void HierarchyCrawler::lookUpResellers(CrawlResult& result,
                                       const std::vector<domain::Reseller>& knownResellers) {
    std::vector<domain::Reseller> known = result.input.relationships;
    known.insert(known.end(), knownResellers.begin(), knownResellers.end());
    for (const std::string& mpnId :
         domain::resellerIdsNeedingLookup(result.input.subscriptions, known)) {
        if (_context.cancelled())
            throw GatewayError::cancelled("looking up resellers");
        countCall();
        try {
            if (std::optional<domain::Reseller> profile = _client.resellerByMpnId(_context, mpnId))
                result.input.mpnProfiles.push_back(*profile);
        } catch (const GatewayError& error) {
            if (dooms(error))
                throw;
            // The reseller keeps its placeholder name; the tenants under it are still listed.
        }
    }
    for (const domain::Reseller& reseller : knownResellers)
        result.input.mpnProfiles.push_back(reseller);
}

} // namespace ict::application
