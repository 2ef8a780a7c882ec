#include "http/Router.h"

#include "http/AuditRecordsEndpoint.h"
#include "http/CustomerEndpoint.h"
#include "http/CustomersEndpoint.h"
#include "http/PartnerEndpoints.h"
#include "http/SubscriptionsEndpoint.h"
#include "http/TokenEndpoint.h"

#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

namespace mockhost::emulator {

Router::Router() {
    const auto pc = RouteKind::PartnerCenter;
    add("POST", "{tenant}/oauth2/token", "token", RouteKind::Token, TokenEndpoint::serve);
    add("GET", "v1/customers", "customers.list", pc, CustomersEndpoint::list);
    add("GET", "v1/customers/{customerId}", "customers.get", pc, CustomerEndpoint::get);
    add("GET", "v1/customers/{customerId}/profiles/billing", "customers.billingProfile", pc,
        CustomerEndpoint::billingProfile);
    add("GET", "v1/customers/{customerId}/profiles/company", "customers.companyProfile", pc,
        CustomerEndpoint::companyProfile);
    add("GET", "v1/customers/{customerId}/relationships", "customers.relationships", pc,
        CustomerEndpoint::relationships, true);
    add("GET", "v1/customers/{customerId}/subscriptions", "subscriptions.list", pc,
        SubscriptionsEndpoint::list);
    add("GET", "v1/customers/{customerId}/subscriptions/{subscriptionId}", "subscriptions.get", pc,
        SubscriptionsEndpoint::get);
    add("GET", "v1/customers/{customerId}/subscriptions/{subscriptionId}/addons",
        "subscriptions.addons", pc, SubscriptionsEndpoint::addOns);
    add("GET", "v1/customers/{customerId}/subscriptions/{subscriptionId}/azureEntitlements",
        "subscriptions.azureEntitlements", pc, SubscriptionsEndpoint::azureEntitlements);
    add("GET", "v1/relationships", "relationships.list", pc, PartnerEndpoints::relationships, true);
    add("GET", "v1/profiles/mpn", "profiles.mpn", pc, PartnerEndpoints::mpnProfile, true);
    add("GET", "v1/auditrecords", "auditrecords.list", pc, AuditRecordsEndpoint::list);
}

void Router::add(const std::string& method, const std::string& pattern, const std::string& name,
                 RouteKind kind, std::function<Reply(EmulatorState&, const ApiRequest&)> serve,
                 bool appUserOnly) {
    Poco::StringTokenizer parts(pattern, "/", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    _routes.push_back({method, std::vector<std::string>(parts.begin(), parts.end()), name, kind,
                       appUserOnly, serve});
}

const Route* Router::match(ApiRequest& request, bool& wrongMethod) const {
    wrongMethod = false;
    for (const auto& route : _routes) {
        if (route.pattern.size() != request.segments.size())
            continue;
        std::map<std::string, std::string> params;
        bool same = true;
        for (std::size_t i = 0; i < route.pattern.size() && same; ++i) {
            const std::string& part = route.pattern[i];
            if (part.size() > 2 && part.front() == '{' && part.back() == '}')
                params[part.substr(1, part.size() - 2)] = request.segments[i];
            else
                same = Poco::icompare(part, request.segments[i]) == 0;
        }
        if (!same)
            continue;
        if (route.method != request.method) {
            wrongMethod = true;
            continue;
        }
        request.params = params;
        return &route;
    }
    return nullptr;
}

} // namespace mockhost::emulator
