#pragma once
// Shared inputs for the importing tests: a small BSS catalog and Partner Center subscriptions
// shaped like Microsoft's documented examples (partner-center-api.md section 4).

#include "domain/importing/ImportRequest.h"
#include "domain/partner/SubscriptionKind.h"

#include <string>

namespace importfixtures {

using namespace ict::domain;

inline const char* const nceE3 = "CFQ7TTC0LH18:0001:CFQ7TTC0K971";
inline const char* const nceTeamsPhone = "CFQ7TTC0J1FV:0001:CFQ7TTC0K8P5";
inline const char* const nceVisio = "CFQ7TTC0HD33:0001:CFQ7TTC0K4Q1";
inline const char* const nceUnmapped = "CFQ7TTC0ZZZZ:0001:CFQ7TTC0ZZZ1";
inline const char* const legacyE3 = "2828BE95-46BA-4F91-B2FD-0BEF192ECF60";
inline const char* const azurePlan = "DZH318Z0BPS6:0001:DZH318Z0BML6";

inline CivilDate day(const char* text) {
    return *CivilDate::parse(text);
}

inline BssCatalog catalog() {
    BssCatalog result;
    result.products = {
        {1,
         "Microsoft 365 E3",
         "M365E3",
         {"CFQ7TTC0LH18"},
         {{11, "monthly", "P1M"}, {12, "monthly", "P1Y"}, {13, "annual", "P1Y"}}},
        {2,
         "Office 365 E3 (legacy)",
         "O365E3",
         {"2828be95-46ba-4f91-b2fd-0bef192ecf60"},
         {{21, "monthly", ""}}},
        {3, "Teams Phone Standard", "TEAMSPHONE", {"CFQ7TTC0J1FV:0001"}, {{31, "monthly", "P1M"}}},
        {4, "Visio Plan 2", "VISIO2", {"CFQ7TTC0HD33"}, {{41, "monthly", "P1M"}}},
        {5, "Visio Plan 2 (old)", "VISIO2OLD", {"CFQ7TTC0HD33"}, {{51, "monthly", "P1M"}}},
    };
    result.resellerAccounts = {{500, "1234567", "Fabrikam Reseller"}};
    return result;
}

inline AuditedSubscription subscription(const std::string& id, const std::string& offerId,
                                        const std::string& cycle, const std::string& term,
                                        const std::string& start, const std::string& parent = "",
                                        AuditStatus status = AuditStatus::New) {
    AuditedSubscription audited;
    Subscription& sub = audited.subscription;
    sub.id = id;
    sub.offerId = offerId;
    sub.offerName = "Offer " + id;
    sub.productTypeId = offerId.find(':') != std::string::npos ? "OnlineServicesNCE" : "";
    sub.kind = classifySubscription(sub.productTypeId, offerId);
    sub.quantity = 5;
    sub.status = "active";
    sub.billingCycle = cycle;
    sub.termDuration = term;
    sub.effectiveStartDate = start;
    sub.commitmentEndDate = "";
    sub.autoRenewEnabled = true;
    sub.parentSubscriptionId = parent;
    audited.status = status;
    return audited;
}

inline TenantSelection tenant(const std::string& tenantId, const std::string& name,
                              const std::string& resellerMpnId = "",
                              const std::string& resellerName = "") {
    TenantSelection result;
    result.customer.tenantId = tenantId;
    result.customer.companyName = name;
    result.customer.primaryDomain = name + ".onmicrosoft.com";
    result.seller = Seller{resellerMpnId, resellerName};
    result.billingProfile.firstName = "Ada";
    result.billingProfile.lastName = "Lovelace";
    result.billingProfile.email = "ada@" + name + ".example";
    result.billingProfile.defaultAddress.addressLine1 = "1 Main St";
    result.billingProfile.defaultAddress.city = "Redmond";
    result.billingProfile.defaultAddress.state = "WA";
    result.billingProfile.defaultAddress.postalCode = "98052";
    result.billingProfile.defaultAddress.country = "US";
    result.billingProfile.defaultAddress.phoneNumber = "+1 425 555 0100";
    return result;
}

inline ImportRequest request(std::vector<TenantSelection> tenants,
                             BillingPolicy policy = BillingPolicy::FullCurrentPeriod) {
    ImportRequest result;
    result.tenants = std::move(tenants);
    result.catalog = catalog();
    result.policy = policy;
    result.importDate = day("2025-11-25");
    return result;
}

} // namespace importfixtures
