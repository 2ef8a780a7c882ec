#include "application/HierarchyCrawler.h"

#include "application/ParallelFor.h"

#include "domain/hierarchy/ResellerLookup.h"
#include "gateway/GatewayError.h"

#include <algorithm>

namespace ict::application {

using gateway::GatewayError;
using gateway::GatewayErrorKind;

namespace {

/// Errors after which no other customer can be read either: the run stops.
bool dooms(const GatewayError& error) {
    return error.kind() == GatewayErrorKind::NotAuthenticated ||
           error.kind() == GatewayErrorKind::AnswerLost ||
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
    const std::vector<domain::Reseller> relationships = readRelationships(indirectCapable);
    std::vector<domain::Customer> customers;
    _client.forEachCustomerPage(_context, [&](const std::vector<domain::Customer>& page) {
        countCall();
        customers.insert(customers.end(), page.begin(), page.end());
        report();
    });
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _progress.tenantsTotal = static_cast<std::int64_t>(customers.size());
    }
    domain::HierarchyAssembler assembler(relationships, directCapable);
    readSubscriptions(customers, assembler, result);
    lookUpResellers(assembler, relationships, {}, result);
    report();
    return result;
}

CrawlResult HierarchyCrawler::crawlCustomers(std::vector<domain::Customer> customers,
                                             bool directCapable, bool indirectCapable,
                                             const std::vector<domain::Reseller>& knownResellers) {
    CrawlResult result;
    // No tenant to read (an incremental refresh with no changes): the relationships list would
    // be a request the data does not need ([B3]).
    if (customers.empty()) {
        report();
        return result;
    }
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _progress.tenantsTotal = static_cast<std::int64_t>(customers.size());
    }
    const std::vector<domain::Reseller> relationships = readRelationships(indirectCapable);
    domain::HierarchyAssembler assembler(relationships, directCapable);
    readSubscriptions(customers, assembler, result);
    lookUpResellers(assembler, relationships, knownResellers, result);
    report();
    return result;
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

void HierarchyCrawler::readSubscriptions(const std::vector<domain::Customer>& customers,
                                         domain::HierarchyAssembler& assembler,
                                         CrawlResult& result) {
    std::mutex resultMutex;
    parallelFor(customers.size(), _parallelism, [&](std::size_t index) {
        const domain::Customer& customer = customers[index];
        if (_context.cancelled())
            throw GatewayError::cancelled("reading subscriptions");
        try {
            countCall();
            std::vector<domain::Subscription> subscriptions =
                _client.subscriptions(_context, customer.tenantId);
            for (domain::Subscription& subscription : subscriptions)
                if (subscription.customerTenantId.empty())
                    subscription.customerTenantId = customer.tenantId;
            const auto count = static_cast<std::int64_t>(subscriptions.size());
            {
                // Placed now, while other customers are still being read; a failed customer is
                // listed with its error instead, never placed.
                std::lock_guard<std::mutex> lock(resultMutex);
                assembler.add(customer, std::move(subscriptions));
            }
            std::lock_guard<std::mutex> progressLock(_mutex);
            ++_progress.tenantsFetched;
            _progress.subscriptionsFetched += count;
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
}

void HierarchyCrawler::lookUpResellers(domain::HierarchyAssembler& assembler,
                                       const std::vector<domain::Reseller>& relationships,
                                       const std::vector<domain::Reseller>& knownResellers,
                                       CrawlResult& result) {
    std::vector<domain::Reseller> known = relationships;
    known.insert(known.end(), knownResellers.begin(), knownResellers.end());
    std::vector<domain::Reseller> mpnProfiles;
    for (const std::string& mpnId :
         domain::resellerIdsNeedingLookup(assembler.partnerIds(), known)) {
        if (_context.cancelled())
            throw GatewayError::cancelled("looking up resellers");
        countCall();
        try {
            if (std::optional<domain::Reseller> profile = _client.resellerByMpnId(_context, mpnId))
                mpnProfiles.push_back(*profile);
        } catch (const GatewayError& error) {
            if (dooms(error))
                throw;
            // The reseller keeps its placeholder name; the tenants under it are still listed.
        }
    }
    mpnProfiles.insert(mpnProfiles.end(), knownResellers.begin(), knownResellers.end());
    result.hierarchy = assembler.finish(mpnProfiles);
}

} // namespace ict::application
