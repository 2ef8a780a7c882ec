#include "domain/hierarchy/HierarchyBuilder.h"

#include "domain/hierarchy/HierarchyOrder.h"
#include "domain/partner/SubscriptionKind.h"
#include "domain/validation/AsciiText.h"

#include <map>
#include <set>

namespace ict::domain {
namespace {

TenantRow tenantRow(const Customer& customer, TenantPlacement placement,
                    const std::string& resellerMpnId) {
    TenantRow row;
    row.tenantId = asciiLower(trimAscii(customer.tenantId));
    row.companyName = customer.companyName;
    row.primaryDomain = customer.primaryDomain;
    row.placement = placement;
    row.resellerMpnId = resellerMpnId;
    return row;
}

SubscriptionRow subscriptionRow(const Subscription& subscription) {
    SubscriptionRow row;
    row.subscription = subscription;
    if (row.subscription.kind == SubscriptionKind::Unset)
        row.subscription.kind =
            classifySubscription(subscription.productTypeId, subscription.offerId);
    return row;
}

} // namespace

std::string unknownResellerName(const std::string& mpnId) {
    return "Unknown reseller (MPN " + mpnId + ")";
}

Hierarchy buildHierarchy(const HierarchyInput& input) {
    // Resellers keyed by mpnId; names are settled after every id is known.
    std::map<std::string, ResellerRow> resellers;
    std::map<std::string, std::string> mpnIdByResellerTenant;
    for (const Reseller& relationship : input.relationships) {
        const std::string mpnId = trimAscii(relationship.mpnId);
        if (mpnId.empty() || resellers.count(mpnId) != 0)
            continue;
        ResellerRow& row = resellers[mpnId];
        row.mpnId = mpnId;
        row.tenantId = asciiLower(trimAscii(relationship.tenantId));
        row.name = trimAscii(relationship.name);
        if (!row.name.empty())
            row.nameSource = ResellerNameSource::Relationship;
        if (!row.tenantId.empty())
            mpnIdByResellerTenant.emplace(row.tenantId, mpnId);
    }

    std::map<std::string, std::vector<const Subscription*>> subscriptionsByTenant;
    for (const Subscription& subscription : input.subscriptions)
        subscriptionsByTenant[asciiLower(trimAscii(subscription.customerTenantId))].push_back(
            &subscription);

    Hierarchy hierarchy;
    std::set<std::string> placed;
    for (const Customer& customer : input.customers) {
        const std::string tenantId = asciiLower(trimAscii(customer.tenantId));
        if (tenantId.empty() || !placed.insert(tenantId).second)
            continue;
        const auto found = subscriptionsByTenant.find(tenantId);
        if (found == subscriptionsByTenant.end() || found->second.empty()) {
            const auto reseller =
                mpnIdByResellerTenant.find(asciiLower(trimAscii(customer.associatedPartnerId)));
            if (reseller != mpnIdByResellerTenant.end())
                resellers[reseller->second].endCustomers.push_back(
                    tenantRow(customer, TenantPlacement::EndCustomer, reseller->second));
            else if (input.directCapable)
                hierarchy.directTenants.push_back(tenantRow(customer, TenantPlacement::Direct, ""));
            else
                hierarchy.unassignedTenants.push_back(
                    tenantRow(customer, TenantPlacement::Unassigned, ""));
            continue;
        }
        TenantRow direct = tenantRow(customer, TenantPlacement::Direct, "");
        std::vector<std::string> sellerOrder;
        std::map<std::string, TenantRow> indirect;
        for (const Subscription* subscription : found->second) {
            const std::string mpnId = trimAscii(subscription->partnerId);
            if (mpnId.empty()) {
                direct.subscriptions.push_back(subscriptionRow(*subscription));
                continue;
            }
            auto row = indirect.find(mpnId);
            if (row == indirect.end()) {
                sellerOrder.push_back(mpnId);
                row = indirect
                          .emplace(mpnId, tenantRow(customer, TenantPlacement::EndCustomer, mpnId))
                          .first;
            }
            row->second.subscriptions.push_back(subscriptionRow(*subscription));
        }
        if (!direct.subscriptions.empty())
            hierarchy.directTenants.push_back(std::move(direct));
        for (const std::string& mpnId : sellerOrder) {
            ResellerRow& reseller = resellers[mpnId];
            reseller.mpnId = mpnId;
            reseller.endCustomers.push_back(std::move(indirect.at(mpnId)));
        }
    }

    std::map<std::string, std::string> profileNames;
    for (const Reseller& profile : input.mpnProfiles)
        if (!trimAscii(profile.name).empty())
            profileNames.emplace(trimAscii(profile.mpnId), trimAscii(profile.name));
    for (auto& [mpnId, reseller] : resellers) {
        if (reseller.nameSource == ResellerNameSource::Unset) {
            const auto profile = profileNames.find(mpnId);
            if (profile != profileNames.end()) {
                reseller.name = profile->second;
                reseller.nameSource = ResellerNameSource::MpnProfile;
            } else {
                reseller.name = unknownResellerName(mpnId);
                reseller.nameSource = ResellerNameSource::Placeholder;
            }
        }
        hierarchy.resellers.push_back(std::move(reseller));
    }
    sortHierarchy(hierarchy);
    return hierarchy;
}

} // namespace ict::domain
