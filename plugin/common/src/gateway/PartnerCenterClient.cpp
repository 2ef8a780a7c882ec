#include "gateway/PartnerCenterClient.h"

#include "gateway/ApiErrorBody.h"
#include "gateway/AuditRecordParser.h"
#include "gateway/AzureEntitlementParser.h"
#include "gateway/BillingProfileParser.h"
#include "gateway/CustomerParser.h"
#include "gateway/GatewayError.h"
#include "gateway/PageWalkGuard.h"
#include "gateway/ResellerParser.h"
#include "gateway/SubscriptionParser.h"
#include "gateway/TlsContextFactory.h"

#include <Poco/JSON/Object.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <sstream>

namespace ict::gateway {
namespace {

const char* const kContinuationHeader = "MS-ContinuationToken";

std::string encoded(const std::string& value) {
    std::string out;
    Poco::URI::encode(value, "!#$&'()*+,/:;=?@[]\"{}<>%^`|\\ ", out);
    return out;
}

} // namespace

PartnerCenterClient::PartnerCenterClient(const bss::sdk::InstanceCredentials& instance,
                                         TokenStore& tokens, GatewayLogger& logger,
                                         const ClientOptions& options)
    : _service(ServiceUrl::parse(instance.partnerCenterUrl, "Partner Center URL")), _logger(logger),
      _options(options), _backoff(options.backoffBase, options.backoffMax) {
    Poco::Net::initializeSSL();
    try {
        _http = std::make_unique<HttpCore>(TlsContextFactory::clientContext(instance.caBundlePath),
                                           _options, _logger);
    } catch (...) {
        Poco::Net::uninitializeSSL();
        throw;
    }
    _tokenManager = std::make_unique<TokenManager>(*_http, tokens, _logger, _options);
}

PartnerCenterClient::~PartnerCenterClient() {
    _tokenManager.reset();
    _http.reset();
    Poco::Net::uninitializeSSL();
}

std::optional<std::string> PartnerCenterClient::get(const RequestContext& context, HttpCall& call,
                                                    bool endOfPagesAllowed) {
    call.method = "GET";
    const auto baseHeaders = call.headers;
    // A 401 with a cached token may only mean the token was revoked early: one fresh token, same
    // MS-RequestId, then give up.
    for (int round = 1;; ++round) {
        const std::string token = _tokenManager->accessToken(context);
        call.headers = baseHeaders;
        call.headers.emplace_back("Authorization", "Bearer " + token);
        HttpResponse response = _http->execute(_service.host, _service.port, call, context);
        call.headers = baseHeaders;
        if (response.status >= 200 && response.status < 300)
            return std::move(response.body);
        const ApiErrorBody error = ApiErrorBody::parse(response.body);
        if (response.status == 401) {
            if (error.code != "900421" && round == 1) {
                _tokenManager->invalidate(token);
                continue;
            }
            throw GatewayError::notAuthenticated(call.name, 401,
                                                 error.code.empty() ? "HTTP 401" : error.code);
        }
        std::string detail = "failed: HTTP " + std::to_string(response.status);
        if (!error.code.empty())
            detail += " code " + error.code;
        if (!error.description.empty())
            detail += " (" + error.description + ")";
        if (response.status == 403 && error.code == "20002")
            throw GatewayError(GatewayErrorKind::CustomerLeft, call.name, detail, 403, error.code);
        if (response.status == 404)
            throw GatewayError(GatewayErrorKind::NotFound, call.name, detail, 404, error.code);
        if (response.status == 400 && error.code == "2000" && endOfPagesAllowed)
            return std::nullopt;
        throw GatewayError(GatewayErrorKind::Rejected, call.name, detail, response.status,
                           error.code);
    }
}

template <typename T>
std::optional<T> PartnerCenterClient::fetch(const RequestContext& context, HttpCall& call,
                                            bool endOfPagesAllowed,
                                            const std::function<T(const std::string&)>& parse) {
    const int maxAttempts = std::max(1, _options.maxAttempts);
    for (int attempt = 1;; ++attempt) {
        const std::optional<std::string> body = get(context, call, endOfPagesAllowed);
        if (!body)
            return std::nullopt;
        try {
            return parse(*body);
        } catch (const GatewayError& e) {
            if (e.kind() != GatewayErrorKind::MalformedResponse || attempt >= maxAttempts)
                throw;
            _logger.log(GatewayLogLevel::Warning,
                        call.method + " " + call.target + " -> unreadable answer (attempt " +
                            std::to_string(attempt) + "/" + std::to_string(maxAttempts) +
                            "), fetching again MS-RequestId=" + call.requestId +
                            " MS-CorrelationId=" + context.correlationId);
            if (!Backoff::sleep(_backoff.delay(attempt), context))
                throw GatewayError::cancelled(call.name);
        }
    }
}

std::string PartnerCenterClient::nextTarget(const NextLink& link) const {
    std::string uri = link.uri;
    if (uri.rfind("https://", 0) == 0 || uri.rfind("http://", 0) == 0) {
        // Only the path and query are taken: the host stays the configured one.
        const Poco::URI absolute(uri);
        uri = absolute.getPathAndQuery();
    }
    if (uri.empty() || uri[0] != '/')
        uri = "/" + uri;
    if (uri.rfind("/v1/", 0) != 0 && uri.rfind("/v1?", 0) != 0)
        uri = "/v1" + uri;
    if (Poco::toLower(uri).find("seekoperation=") == std::string::npos)
        uri += std::string(uri.find('?') == std::string::npos ? "?" : "&") + "seekOperation=Next";
    return _service.basePath + uri;
}

template <typename T>
void PartnerCenterClient::walkPages(
    const RequestContext& context, const std::string& name, const std::string& firstTarget,
    const std::function<CollectionPage<T>(const std::string&)>& parse,
    const std::function<void(std::vector<T>&)>& onPage) {
    HttpCall call;
    call.name = name;
    call.target = _service.basePath + firstTarget;
    PageWalkGuard guard(name, _options.maxPages, _options.maxEmptyPages);
    for (bool first = true;; first = false) {
        if (context.cancelled())
            throw GatewayError::cancelled(name);
        std::optional<CollectionPage<T>> page =
            fetch<CollectionPage<T>>(context, call, !first, parse);
        if (!page)
            return; // 400 code 2000 on a continuation: Partner Center's "no more records".
        const std::size_t items = page->items.size();
        onPage(page->items);
        if (!page->hasMore())
            return;
        HttpCall next;
        next.name = name + " (next page)";
        if (page->hasNextLink) {
            next.target = nextTarget(page->next);
            next.headers = continuationHeaders(page->next.headers, name);
        } else {
            next.target = _service.basePath + firstTarget +
                          (firstTarget.find('?') == std::string::npos ? "?" : "&") +
                          "seekOperation=Next";
        }
        if (!page->continuationToken.empty() && next.headers.empty())
            next.headers =
                continuationHeaders({{kContinuationHeader, page->continuationToken}}, name);
        guard.next(items, next.headers.empty() ? std::string() : next.headers.front().second);
        call = std::move(next);
    }
}

void PartnerCenterClient::forEachCustomerPage(const RequestContext& context,
                                              const CustomerPageHandler& onPage) {
    walkPages<domain::Customer>(
        context, "GET /v1/customers", "/v1/customers?size=" + std::to_string(_options.pageSize),
        [](const std::string& body) { return parseCustomerPage(body, "GET /v1/customers"); },
        [&](std::vector<domain::Customer>& items) { onPage(items); });
}

std::vector<domain::Customer> PartnerCenterClient::customers(const RequestContext& context) {
    std::vector<domain::Customer> all;
    forEachCustomerPage(context, [&](const std::vector<domain::Customer>& page) {
        all.insert(all.end(), page.begin(), page.end());
    });
    return all;
}

domain::Customer PartnerCenterClient::customer(const RequestContext& context,
                                               const std::string& customerId) {
    HttpCall call;
    call.name = "GET /v1/customers/{id}";
    call.target = _service.basePath + "/v1/customers/" + encoded(customerId);
    return *fetch<domain::Customer>(context, call, false, [&](const std::string& body) {
        return parseCustomer(body, call.name);
    });
}

std::string PartnerCenterClient::filterTarget(const std::string& field,
                                              const std::string& value) const {
    Poco::JSON::Object filter(Poco::JSON_PRESERVE_KEY_ORDER);
    filter.set("Field", field);
    filter.set("Value", value);
    filter.set("Operator", "starts_with");
    std::ostringstream json;
    filter.stringify(json);
    return "/v1/customers?size=" + std::to_string(_options.pageSize) +
           "&filter=" + encoded(json.str());
}

std::optional<domain::Customer>
PartnerCenterClient::customerByDomain(const RequestContext& context,
                                      const std::string& domainName) {
    const std::string name = "GET /v1/customers?filter=Domain";
    const std::string wanted = Poco::toLower(Poco::trim(domainName));
    std::optional<domain::Customer> match;
    walkPages<domain::Customer>(
        context, name, filterTarget("Domain", wanted),
        [&](const std::string& body) { return parseCustomerPage(body, name); },
        [&](std::vector<domain::Customer>& items) {
            for (auto& customer : items)
                if (!match && Poco::toLower(customer.primaryDomain) == wanted)
                    match = std::move(customer);
        });
    return match;
}

std::vector<domain::Customer>
PartnerCenterClient::customersByCompanyName(const RequestContext& context,
                                            const std::string& companyName) {
    const std::string name = "GET /v1/customers?filter=CompanyName";
    std::vector<domain::Customer> all;
    walkPages<domain::Customer>(
        context, name, filterTarget("CompanyName", companyName),
        [&](const std::string& body) { return parseCustomerPage(body, name); },
        [&](std::vector<domain::Customer>& items) {
            all.insert(all.end(), items.begin(), items.end());
        });
    return all;
}

std::vector<domain::Reseller>
PartnerCenterClient::indirectResellers(const RequestContext& context) {
    const std::string name = "GET /v1/relationships";
    std::vector<domain::Reseller> all;
    walkPages<domain::Reseller>(
        context, name, "/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf",
        [&](const std::string& body) { return parseResellerPage(body, name); },
        [&](std::vector<domain::Reseller>& items) {
            all.insert(all.end(), items.begin(), items.end());
        });
    return all;
}

void PartnerCenterClient::forEachCustomerPageOfReseller(const RequestContext& context,
                                                        const std::string& resellerTenantId,
                                                        const CustomerPageHandler& onPage) {
    const std::string name = "GET /v1/customers?filter=IndirectReseller";
    walkPages<domain::Customer>(
        context, name, filterTarget("IndirectReseller", resellerTenantId),
        [&](const std::string& body) { return parseCustomerPage(body, name); },
        [&](std::vector<domain::Customer>& items) { onPage(items); });
}

std::vector<domain::Customer>
PartnerCenterClient::customersOfReseller(const RequestContext& context,
                                         const std::string& resellerTenantId) {
    std::vector<domain::Customer> all;
    forEachCustomerPageOfReseller(context, resellerTenantId,
                                  [&](const std::vector<domain::Customer>& page) {
                                      all.insert(all.end(), page.begin(), page.end());
                                  });
    return all;
}

std::vector<domain::Subscription>
PartnerCenterClient::subscriptions(const RequestContext& context, const std::string& customerId) {
    const std::string name = "GET /v1/customers/{id}/subscriptions";
    const std::string tenant = Poco::toLower(customerId);
    std::vector<domain::Subscription> all;
    walkPages<domain::Subscription>(
        context, name, "/v1/customers/" + encoded(customerId) + "/subscriptions",
        [&](const std::string& body) { return parseSubscriptionPage(body, name, tenant); },
        [&](std::vector<domain::Subscription>& items) {
            all.insert(all.end(), items.begin(), items.end());
        });
    return all;
}

std::vector<domain::AzureEntitlement>
PartnerCenterClient::azureEntitlements(const RequestContext& context, const std::string& customerId,
                                       const std::string& planSubscriptionId) {
    const std::string name = "GET /v1/customers/{id}/subscriptions/{id}/azureEntitlements";
    std::vector<domain::AzureEntitlement> all;
    walkPages<domain::AzureEntitlement>(
        context, name,
        "/v1/customers/" + encoded(customerId) + "/subscriptions/" + encoded(planSubscriptionId) +
            "/azureEntitlements",
        [&](const std::string& body) {
            return parseAzureEntitlementPage(body, name, planSubscriptionId);
        },
        [&](std::vector<domain::AzureEntitlement>& items) {
            all.insert(all.end(), items.begin(), items.end());
        });
    return all;
}

domain::BillingProfile PartnerCenterClient::billingProfile(const RequestContext& context,
                                                           const std::string& customerId) {
    HttpCall call;
    call.name = "GET /v1/customers/{id}/profiles/billing";
    call.target = _service.basePath + "/v1/customers/" + encoded(customerId) + "/profiles/billing";
    return *fetch<domain::BillingProfile>(context, call, false, [&](const std::string& body) {
        return parseBillingProfile(body, call.name);
    });
}

std::optional<domain::Reseller> PartnerCenterClient::resellerByMpnId(const RequestContext& context,
                                                                     const std::string& mpnId) {
    HttpCall call;
    call.name = "GET /v1/profiles/mpn";
    call.target = _service.basePath + "/v1/profiles/mpn?mpnId=" + encoded(mpnId);
    try {
        return fetch<domain::Reseller>(context, call, false, [&](const std::string& body) {
            return parseMpnProfile(body, call.name);
        });
    } catch (const GatewayError& e) {
        if (e.kind() == GatewayErrorKind::NotFound)
            return std::nullopt;
        throw;
    }
}

std::vector<domain::AuditRecord> PartnerCenterClient::auditRecords(const RequestContext& context,
                                                                   const std::string& startDate,
                                                                   const std::string& endDate) {
    const std::string name = "GET /v1/auditrecords";
    std::string target = "/v1/auditrecords?size=" + std::to_string(_options.pageSize) +
                         "&startDate=" + encoded(startDate);
    if (!endDate.empty())
        target += "&endDate=" + encoded(endDate);
    std::vector<domain::AuditRecord> all;
    walkPages<domain::AuditRecord>(
        context, name, target,
        [&](const std::string& body) { return parseAuditRecordPage(body, name); },
        [&](std::vector<domain::AuditRecord>& items) {
            all.insert(all.end(), items.begin(), items.end());
        });
    return all;
}

void PartnerCenterClient::checkToken(const RequestContext& context) {
    // A cached access token says nothing about the refresh token behind it: redeem that one.
    _tokenManager->refreshNow(context);
}

} // namespace ict::gateway
