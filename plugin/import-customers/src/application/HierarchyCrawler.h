#pragma once
/// Reads what a Get Hierarchy needs from Partner Center ([B3]): the reseller relationships, the
/// customers, every customer's subscriptions (many customers side by side, within the client's
/// concurrency bound and rate limit) and the MPN profiles of reseller ids the relationships do not
/// name. One request per thing needed, no more. Each customer's rows are placed
/// (domain::TenantPlacer) and handed to a TenantSink as its subscriptions arrive, so a crawl
/// holds a few customers at a time, whatever the instance's size: the customer list itself is
/// spooled to the database (storage::CustomerSpool) and read back a slice at a time.
///
/// Errors: a customer whose subscriptions cannot be read (left the partner, not found, still
/// failing after retries, malformed) goes to TenantSink::fail() and the crawl goes on. An error
/// that dooms the whole run (not authenticated, a token answer lost, TLS refused, cancelled), or one
/// the sink throws,
/// is rethrown after the workers stopped.

#include "application/TenantSink.h"
#include "domain/hierarchy/HierarchyProgress.h"
#include "domain/hierarchy/ResellerRow.h"
#include "domain/hierarchy/TenantPlacer.h"
#include "gateway/PartnerCenterClient.h"
#include "storage/CustomerSpool.h"

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

namespace ict::application {

/// What a crawl found besides the rows it handed to the sink.
struct CrawlSummary {
    /// Every reseller of the instance (relationships and ids seen on subscriptions), named by its
    /// relationship, else its MPN profile, else a placeholder; endCustomers empty.
    std::vector<domain::ResellerRow> resellers;
    std::int64_t customers = 0; ///< Customers whose subscriptions were read.
    std::int64_t failures = 0;  ///< Customers that could not be read.
};

class HierarchyCrawler {
public:
    using ProgressSink = std::function<void(const domain::HierarchyProgress&)>;

    /// `parallelism`: customers whose subscriptions are read at once (the client bounds requests
    /// in flight on its own). `onProgress` is called from the crawling threads, serialized.
    HierarchyCrawler(gateway::PartnerCenterClient& client, gateway::RequestContext context,
                     int parallelism, ProgressSink onProgress);

    /// Every customer of the instance, spooled into `spool` (empty) first. `indirectCapable`:
    /// read the reseller relationships.
    CrawlSummary crawlAll(bool directCapable, bool indirectCapable, storage::CustomerSpool& spool,
                          TenantSink& sink);

    /// Only `customers` (a single update or an incremental refresh). `knownResellers` are names
    /// already saved, so no MPN profile is looked up again.
    CrawlSummary crawlCustomers(const std::vector<domain::Customer>& customers, bool directCapable,
                                bool indirectCapable,
                                const std::vector<domain::Reseller>& knownResellers,
                                TenantSink& sink);

    /// Partner Center calls made so far (each call counts once; retries are the client's).
    std::int64_t callsMade() const;

private:
    /// The next customer to read, from any crawl thread; nullopt when there is none left.
    using CustomerSource = std::function<std::optional<domain::Customer>()>;

    std::vector<domain::Reseller> readRelationships(bool indirectCapable);
    CrawlSummary crawl(const CustomerSource& next, bool directCapable,
                       const std::vector<domain::Reseller>& relationships,
                       const std::vector<domain::Reseller>& knownResellers, TenantSink& sink);
    void readOne(const domain::Customer& customer, domain::TenantPlacer& placer,
                 std::mutex& placerMutex, TenantSink& sink, CrawlSummary& summary);
    std::vector<domain::Reseller> lookUpResellers(const std::vector<std::string>& partnerIds,
                                                  const std::vector<domain::Reseller>& known);
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
