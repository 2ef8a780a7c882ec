#include "application/ImportPipeline.h"

#include "application/FreeMemory.h"

#include "domain/importing/ImportPlanner.h"
#include "gateway/GatewayError.h"

#include <algorithm>

namespace ict::application {

namespace {

/// A batch is split before it holds more subscriptions than this.
constexpr std::size_t kSubscriptionsPerBatch = 5000;

/// Batches appended to the profile reader ahead of the one being handled.
constexpr std::size_t kBatchesAhead = 2;

} // namespace

std::size_t tenantsPerBatch(std::size_t total) {
    return std::clamp<std::size_t>((total + 99) / 100, 1, 500);
}

PipelineOutcome runImportPipeline(ImportSelector& selector, const domain::ImportRequest& base,
                                  BillingProfileReader& profiles, PlannedBatchSink& sink,
                                  const std::function<bool()>& cancelled,
                                  const std::function<void(std::size_t, std::size_t)>& onBatch) {
    PipelineOutcome outcome;
    outcome.total = selector.total();
    const std::size_t batchTenants = tenantsPerBatch(outcome.total);
    bool exhausted = false;
    const auto fill = [&] {
        while (!exhausted && profiles.pending() < batchTenants * (kBatchesAhead + 1)) {
            std::vector<domain::TenantSelection> more = selector.next(batchTenants);
            if (more.empty())
                exhausted = true;
            else
                profiles.append(std::move(more));
        }
    };
    for (fill(); profiles.pending() > 0; fill()) {
        returnFreeMemory(); // the previous batch's plans and profiles are gone by now
        if (cancelled()) {
            outcome.cancelled = true;
            break;
        }
        std::vector<ReadTenant> read;
        try {
            read = profiles.take(batchTenants);
        } catch (const gateway::GatewayError& error) {
            if (error.kind() != gateway::GatewayErrorKind::Cancelled)
                throw;
            outcome.cancelled = true; // cancelled while profiles were read
            break;
        }
        std::vector<domain::TenantPlan> plans;
        plans.reserve(read.size());
        for (ReadTenant& tenant : read)
            plans.push_back(domain::planTenant(base, tenant.tenant));
        // Split so that no transaction holds more than kSubscriptionsPerBatch subscriptions.
        for (std::size_t begin = 0; begin < plans.size();) {
            std::vector<storage::ImportBatchItem> items;
            std::size_t subscriptions = 0;
            std::size_t end = begin;
            do {
                subscriptions += plans[end].subscriptions.size();
                items.push_back({&plans[end], outcome.done + end, read[end].failure});
                ++end;
            } while (end < plans.size() &&
                     subscriptions + plans[end].subscriptions.size() <= kSubscriptionsPerBatch);
            for (const domain::TenantOutcome& tenant : sink.handle(items))
                domain::countOutcome(outcome.summary, tenant);
            begin = end;
        }
        outcome.done += plans.size();
        onBatch(outcome.done, outcome.total);
    }
    sink.finish();
    return outcome;
}

} // namespace ict::application
