#pragma once
/// The Partner Center REST client of one instance (api.partnercenter.microsoft.com/v1), read-only.
///
/// Construction reads only the non-secret fields of `instance` (partnerCenterUrl, caBundlePath);
/// app id, secret and refresh token are loaded from `tokens` at each token refresh, and a rotated
/// refresh token is stored there before use. TLS: one context per client, certificates always
/// verified including the host name (see TlsContextFactory).
///
/// Every method: may be called from several threads at once; sends MS-CorrelationId from
/// `context` and a fresh MS-RequestId per call (kept across its retries); checks
/// context.isCancelled between attempts and pages; throws GatewayError:
///   NotFound (404), CustomerLeft (403 code 20002), NotAuthenticated (token refused, 401),
///   ThrottledExhausted, TransientExhausted, MalformedResponse, Rejected, TlsFailure, Cancelled.
/// Page handlers run on the calling thread; an exception they throw ends the walk and propagates.

#include "domain/partner/AuditRecord.h"
#include "domain/partner/AzureEntitlement.h"
#include "domain/partner/BillingProfile.h"
#include "domain/partner/Customer.h"
#include "domain/partner/Reseller.h"
#include "domain/partner/Subscription.h"
#include "gateway/ClientOptions.h"
#include "gateway/CollectionPage.h"
#include "gateway/GatewayLogger.h"
#include "gateway/HttpCore.h"
#include "gateway/RequestContext.h"
#include "gateway/ServiceUrl.h"
#include "gateway/TokenManager.h"
#include "gateway/TokenStore.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ict::gateway {

class PartnerCenterClient {
public:
    using CustomerPageHandler = std::function<void(const std::vector<domain::Customer>&)>;

    PartnerCenterClient(const bss::sdk::InstanceCredentials& instance, TokenStore& tokens,
                        GatewayLogger& logger, const ClientOptions& options = {});
    ~PartnerCenterClient();
    PartnerCenterClient(const PartnerCenterClient&) = delete;
    PartnerCenterClient& operator=(const PartnerCenterClient&) = delete;

    /// GET /v1/customers?size=N, then every next page; `onPage` gets each page as it arrives.
    void forEachCustomerPage(const RequestContext& context, const CustomerPageHandler& onPage);
    /// All customers (convenience over forEachCustomerPage).
    std::vector<domain::Customer> customers(const RequestContext& context);
    /// GET /v1/customers/{id}.
    domain::Customer customer(const RequestContext& context, const std::string& customerId);
    /// Domain filter (starts_with), then an exact, case-insensitive match here.
    std::optional<domain::Customer> customerByDomain(const RequestContext& context,
                                                     const std::string& domainName);
    /// CompanyName filter: every customer whose name starts with `companyName` (case-insensitive).
    std::vector<domain::Customer> customersByCompanyName(const RequestContext& context,
                                                         const std::string& companyName);
    /// GET /v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf.
    std::vector<domain::Reseller> indirectResellers(const RequestContext& context);
    /// Customers filtered by IndirectReseller = `resellerTenantId`, page by page.
    void forEachCustomerPageOfReseller(const RequestContext& context,
                                       const std::string& resellerTenantId,
                                       const CustomerPageHandler& onPage);
    std::vector<domain::Customer> customersOfReseller(const RequestContext& context,
                                                      const std::string& resellerTenantId);
    /// GET /v1/customers/{id}/subscriptions (follows links.next if one ever appears).
    std::vector<domain::Subscription> subscriptions(const RequestContext& context,
                                                    const std::string& customerId);
    /// GET /v1/customers/{id}/subscriptions/{planId}/azureEntitlements: the Azure subscriptions
    /// under an Azure plan subscription, disabled ones included (follows links.next if one ever
    /// appears). NotFound when Partner Center does not know the customer or the plan.
    std::vector<domain::AzureEntitlement> azureEntitlements(const RequestContext& context,
                                                            const std::string& customerId,
                                                            const std::string& planSubscriptionId);
    /// GET /v1/customers/{id}/profiles/billing.
    domain::BillingProfile billingProfile(const RequestContext& context,
                                          const std::string& customerId);
    /// GET /v1/profiles/mpn?mpnId=; empty when Partner Center does not know the id (404).
    std::optional<domain::Reseller> resellerByMpnId(const RequestContext& context,
                                                    const std::string& mpnId);
    /// GET /v1/auditrecords?startDate=...[&endDate=...]; dates as "YYYY-MM-DD" or ISO-8601.
    std::vector<domain::AuditRecord> auditRecords(const RequestContext& context,
                                                  const std::string& startDate,
                                                  const std::string& endDate = "");

    /// Proves the instance's credentials by redeeming its refresh token now (one token request,
    /// even when a cached access token is still valid). Throws GatewayError NotAuthenticated when
    /// the refresh token is refused.
    void checkToken(const RequestContext& context);

    /// For diagnostics and tests: the HTTP core (rate, in-flight high water, connections).
    HttpCore& http() { return *_http; }
    int tokenRefreshCount() const { return _tokenManager->refreshCount(); }

private:
    template <typename T>
    void walkPages(const RequestContext& context, const std::string& name,
                   const std::string& firstTarget,
                   const std::function<CollectionPage<T>(const std::string&)>& parse,
                   const std::function<void(std::vector<T>&)>& onPage);
    /// Sends an authorized GET; returns the body of a 2xx answer, or nullopt when
    /// `endOfPagesAllowed` and Partner Center said 400 code 2000. Maps other answers to errors.
    std::optional<std::string> get(const RequestContext& context, HttpCall& call,
                                   bool endOfPagesAllowed);
    /// get() then `parse`; a 2xx body that does not parse (cut or garbled on the way) is fetched
    /// again, with backoff, up to maxAttempts times, then the MalformedResponse error propagates.
    template <typename T>
    std::optional<T> fetch(const RequestContext& context, HttpCall& call, bool endOfPagesAllowed,
                           const std::function<T(const std::string&)>& parse);
    std::string nextTarget(const NextLink& link) const;
    std::string filterTarget(const std::string& field, const std::string& value) const;

    ServiceUrl _service;
    GatewayLogger& _logger;
    ClientOptions _options;
    Backoff _backoff;
    std::unique_ptr<HttpCore> _http;
    std::unique_ptr<TokenManager> _tokenManager;
};

} // namespace ict::gateway
