#include "application/HierarchyCrawler.h"

#include "application/ParallelFor.h"

#include "domain/hierarchy/ResellerLookup.h"
#include "gateway/GatewayError.h"

#include <algorithm>
#include <atomic>

namespace ict::application {

using gateway::GatewayError;

namespace {

/// Spooled customers read back this many at a time.
constexpr std::size_t kSpoolSlice = 1000;

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

CrawlSummary HierarchyCrawler::crawlAll(bool directCapable, bool indirectCapable,
                                        storage::CustomerSpool& spool, TenantSink& sink) {
    const std::vector<domain::Reseller> relationships = readRelationships(indirectCapable);
    _client.forEachCustomerPage(_context, [&](const std::vector<domain::Customer>& page) {
        countCall();
        spool.append(page);
        report();
    });
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _progress.tenantsTotal = spool.size();
    }
    // Workers take customers one by one; a slice of the spool is read when the last one is taken.
    std::mutex sliceMutex;
    std::vector<domain::Customer> slice;
    std::size_t taken = 0;
    std::int64_t nextPosition = 0;
    const CustomerSource next = [&]() -> std::optional<domain::Customer> {
        std::lock_guard<std::mutex> lock(sliceMutex);
        if (taken == slice.size()) {
            slice = spool.read(nextPosition, kSpoolSlice);
            nextPosition += static_cast<std::int64_t>(slice.size());
            taken = 0;
            if (slice.empty())
                return std::nullopt;
        }
        return std::move(slice[taken++]);
    };
    return crawl(next, directCapable, relationships, {}, sink);
}

CrawlSummary HierarchyCrawler::crawlCustomers(const std::vector<domain::Customer>& customers,
                                              bool directCapable, bool indirectCapable,
                                              const std::vector<domain::Reseller>& knownResellers,
                                              TenantSink& sink) {
    // No tenant to read (an incremental refresh with no changes): the relationships list would
    // be a request the data does not need ([B3]).
    if (customers.empty()) {
        report();
        return {};
    }
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _progress.tenantsTotal = static_cast<std::int64_t>(customers.size());
    }
    const std::vector<domain::Reseller> relationships = readRelationships(indirectCapable);
    std::atomic<std::size_t> index{0};
    const CustomerSource next = [&]() -> std::optional<domain::Customer> {
        const std::size_t i = index++;
        if (i >= customers.size())
            return std::nullopt;
        return customers[i];
    };
    return crawl(next, directCapable, relationships, knownResellers, sink);
}

std::vector<domain::Reseller> HierarchyCrawler::readRelationships(bool indirectCapable) {
    if (!indirectCapable) {
        std::lock_guard<std::mutex> lock(_mutex);
        _progress.resellersTotal = 0;
        return {};
    }
    countCall();
    std::vector<domain::Reseller> relationships = _client.indirectResellers(_context);
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _progress.resellersTotal = static_cast<std::int64_t>(relationships.size());
        _progress.resellersFetched = _progress.resellersTotal.value_or(0);
    }
    report();
    return relationships;
}

CrawlSummary HierarchyCrawler::crawl(const CustomerSource& next, bool directCapable,
                                     const std::vector<domain::Reseller>& relationships,
                                     const std::vector<domain::Reseller>& knownResellers,
                                     TenantSink& sink) {
    domain::TenantPlacer placer(relationships, directCapable);
    std::mutex placerMutex;
    CrawlSummary summary;
    std::atomic<bool> stop{false};
    parallelFor(static_cast<std::size_t>(_parallelism), _parallelism, [&](std::size_t) {
        try {
            while (!stop) {
                std::optional<domain::Customer> customer = next();
                if (!customer)
                    return;
                if (_context.cancelled())
                    throw GatewayError::cancelled("reading subscriptions");
                readOne(*customer, placer, placerMutex, sink, summary);
            }
        } catch (...) {
            stop = true; // the other workers stop at their next customer
            throw;
        }
    });
    std::vector<std::string> partnerIds;
    {
        std::lock_guard<std::mutex> lock(placerMutex);
        partnerIds = placer.partnerIds();
    }
    std::vector<domain::Reseller> known = relationships;
    known.insert(known.end(), knownResellers.begin(), knownResellers.end());
    std::vector<domain::Reseller> profiles = lookUpResellers(partnerIds, known);
    profiles.insert(profiles.end(), knownResellers.begin(), knownResellers.end());
    summary.resellers = placer.resellers(profiles);
    report();
    return summary;
}

void HierarchyCrawler::readOne(const domain::Customer& customer, domain::TenantPlacer& placer,
                               std::mutex& placerMutex, TenantSink& sink, CrawlSummary& summary) {
    try {
        countCall();
        std::vector<domain::Subscription> subscriptions =
            _client.subscriptions(_context, customer.tenantId);
        for (domain::Subscription& subscription : subscriptions)
            if (subscription.customerTenantId.empty())
                subscription.customerTenantId = customer.tenantId;
        const auto count = static_cast<std::int64_t>(subscriptions.size());
        std::vector<domain::TenantRow> rows;
        {
            std::lock_guard<std::mutex> lock(placerMutex);
            rows = placer.place(customer, std::move(subscriptions));
            ++summary.customers;
        }
        sink.add(std::move(rows));
        std::lock_guard<std::mutex> progressLock(_mutex);
        ++_progress.tenantsFetched;
        _progress.subscriptionsFetched += count;
    } catch (const GatewayError& error) {
        if (error.endsTheRun())
            throw;
        // Listed with its error instead of its rows; the crawl goes on.
        sink.fail({customer.tenantId, customer.companyName, customer.primaryDomain, error.what()});
        {
            std::lock_guard<std::mutex> lock(placerMutex);
            ++summary.failures;
        }
        std::lock_guard<std::mutex> progressLock(_mutex);
        ++_progress.tenantsFetched;
    }
    report();
}

std::vector<domain::Reseller>
HierarchyCrawler::lookUpResellers(const std::vector<std::string>& partnerIds,
                                  const std::vector<domain::Reseller>& known) {
    std::vector<domain::Reseller> profiles;
    for (const std::string& mpnId : domain::resellerIdsNeedingLookup(partnerIds, known)) {
        if (_context.cancelled())
            throw GatewayError::cancelled("looking up resellers");
        countCall();
        try {
            if (std::optional<domain::Reseller> profile = _client.resellerByMpnId(_context, mpnId))
                profiles.push_back(*profile);
        } catch (const GatewayError& error) {
            if (error.endsTheRun())
                throw;
            // The reseller keeps its placeholder name; the tenants under it are still listed.
        }
    }
    return profiles;
}

} // namespace ict::application
