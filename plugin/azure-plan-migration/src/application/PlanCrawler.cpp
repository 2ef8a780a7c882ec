#include "application/PlanCrawler.h"

#include "application/ParallelFor.h"
#include "gateway/GatewayError.h"

#include <atomic>
#include <mutex>

namespace apm::application {

using ict::gateway::GatewayError;

namespace {

std::vector<domain::PartnerCenterPlan> plansOf(ict::gateway::PartnerCenterClient& client,
                                               const ict::gateway::RequestContext& context,
                                               const ict::domain::Customer& customer,
                                               std::atomic<std::size_t>& requests) {
    std::vector<domain::PartnerCenterPlan> plans;
    ++requests;
    for (const ict::domain::Subscription& subscription :
         client.subscriptions(context, customer.tenantId)) {
        if (subscription.kind != ict::domain::SubscriptionKind::AzurePlan)
            continue;
        domain::PartnerCenterPlan plan;
        plan.customerTenantId = customer.tenantId;
        plan.customerName = customer.companyName;
        plan.planSubscriptionId = subscription.id;
        plan.offerId = subscription.offerId;
        plan.friendlyName = subscription.friendlyName;
        plan.status = subscription.status;
        ++requests;
        plan.azureSubscriptions =
            client.azureEntitlements(context, customer.tenantId, subscription.id);
        plans.push_back(std::move(plan));
    }
    return plans;
}

} // namespace

CrawledPage crawlPlans(ict::gateway::PartnerCenterClient& client,
                       const ict::gateway::RequestContext& context,
                       const std::vector<ict::domain::Customer>& customers, int threads) {
    std::vector<std::vector<domain::PartnerCenterPlan>> perCustomer(customers.size());
    std::vector<CustomerFailure> failures;
    std::mutex mutex;
    std::atomic<std::size_t> requests{0};
    ict::application::parallelFor(customers.size(), threads, [&](std::size_t i) {
        try {
            perCustomer[i] = plansOf(client, context, customers[i], requests);
        } catch (const GatewayError& error) {
            if (error.endsTheRun())
                throw;
            std::lock_guard<std::mutex> lock(mutex);
            failures.push_back({customers[i].tenantId, error.what()});
        }
    });
    CrawledPage page;
    for (auto& plans : perCustomer)
        for (auto& plan : plans)
            page.plans.push_back(std::move(plan));
    page.failures = std::move(failures);
    page.requests = requests;
    return page;
}

} // namespace apm::application
