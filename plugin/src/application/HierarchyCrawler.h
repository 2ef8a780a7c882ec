#pragma once
/// Reads what a Get Hierarchy needs from Partner Center ([B3]): the customers, the reseller
/// relationships, every customer's subscriptions (many customers side by side, within the
/// client's concurrency bound and rate limit) and the MPN profiles of reseller ids the
/// relationships do not name. One request per thing needed, no more.
///
/// Errors: a customer whose subscriptions cannot be read (left the partner, not found, still
/// failing after retries, malformed) is listed in CrawlResult::failures and the crawl goes on.
/// An error that dooms the whole run (not authenticated, a token answer lost, TLS refused,
/// cancelled) is rethrown as the gateway::GatewayError it was, after the workers stopped.

#include "domain/hierarchy/Hierarchy.h"
#include "domain/hierarchy/HierarchyAssembler.h"
#include "domain/hierarchy/HierarchyProgress.h"
#include "gateway/PartnerCenterClient.h"
#include "storage/HierarchyRepository.h"

#include <chrono>
#include <functional>
#include <mutex>
#include <vector>

namespace ict::application {

/// A crawl's outcome: the tenants read, already placed (built, not audited), and those that could
/// not be read. Each customer's subscriptions are placed as they arrive, so the crawl never holds
/// them twice.
struct CrawlResult {
    domain::Hierarchy hierarchy;
    std::vector<storage::TenantFetchError> failures;
};

class HierarchyCrawler {
public:
    using ProgressSink = std::function<void(const domain::HierarchyProgress&)>;

    /// `parallelism`: customers whose subscriptions are read at once (the client bounds requests
    /// in flight on its own). `onProgress` is called from the crawling threads, serialized.
    HierarchyCrawler(gateway::PartnerCenterClient& client, gateway::RequestContext context,
                     int parallelism, ProgressSink onProgress);

    /// Every customer of the instance. `indirectCapable`: read the reseller relationships.
    CrawlResult crawlAll(bool directCapable, bool indirectCapable);

    /// Only `customers` (a single update or an incremental refresh). `knownResellers` are names
    /// already saved, so no MPN profile is looked up again.
    CrawlResult crawlCustomers(std::vector<domain::Customer> customers, bool directCapable,
                               bool indirectCapable,
                               const std::vector<domain::Reseller>& knownResellers);

    /// Partner Center calls made so far (each call counts once; retries are the client's).
    std::int64_t callsMade() const;

private:
    std::vector<domain::Reseller> readRelationships(bool indirectCapable);
    void readSubscriptions(const std::vector<domain::Customer>& customers,
                           domain::HierarchyAssembler& assembler, CrawlResult& result);
    void lookUpResellers(domain::HierarchyAssembler& assembler,
                         const std::vector<domain::Reseller>& relationships,
                         const std::vector<domain::Reseller>& knownResellers, CrawlResult& result);
    void countCall();
    void report();

    gateway::PartnerCenterClient& _client;
    gateway::RequestContext _context;
    int _parallelism;
    ProgressSink _onProgress;
    std::chrono::steady_clock::time_point _started;
    mutable std::mutex _mutex;
    domain::HierarchyProgress _progress;
};

} // namespace ict::application
