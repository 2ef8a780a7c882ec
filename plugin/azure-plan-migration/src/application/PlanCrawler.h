#pragma once
/// Reads the Azure plans of a page of customers from Partner Center: each customer's
/// subscriptions, the Azure plan ones among them, and each plan's Azure subscriptions. Customers
/// are read side by side (the client bounds requests in flight and paces them). A customer whose
/// read fails is reported with the error and the others go on, unless the error ends the run
/// (GatewayError::endsTheRun()): that one is rethrown.

#include "domain/AzurePlanSync.h"
#include "gateway/PartnerCenterClient.h"

#include <string>
#include <vector>

namespace apm::application {

struct CustomerFailure {
    std::string customerTenantId;
    std::string error;
};

struct CrawledPage {
    std::vector<domain::PartnerCenterPlan> plans;
    std::vector<CustomerFailure> failures;
    std::size_t requests = 0;
};

/// The plans of `customers`; throws gateway::GatewayError when the run cannot go on.
CrawledPage crawlPlans(ict::gateway::PartnerCenterClient& client,
                       const ict::gateway::RequestContext& context,
                       const std::vector<ict::domain::Customer>& customers, int threads);

} // namespace apm::application
