#include "domain/hierarchy/TenantPlacer.h"

#include "domain/hierarchy/HierarchyBuilder.h"
#include "domain/partner/SubscriptionKind.h"
#include "domain/validation/AsciiText.h"

#include <utility>

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

SubscriptionRow subscriptionRow(Subscription&& subscription) {
    SubscriptionRow row;
    row.subscription = std::move(subscription);
    Subscription& moved = row.subscription;
    if (moved.kind == SubscriptionKind::Unset)
        moved.kind = classifySubscription(moved.productTypeId, moved.offerId);
    return row;
}

} // namespace

TenantPlacer::TenantPlacer(const std::vector<Reseller>& relationships, bool directCapable)
    : _directCapable(directCapable) {
    for (const Reseller& relationship : relationships) {
        const std::string mpnId = trimAscii(relationship.mpnId);
        if (mpnId.empty() || _resellers.count(mpnId) != 0)
            continue;
        ResellerRow& row = _resellers[mpnId];
        row.mpnId = mpnId;
        row.tenantId = asciiLower(trimAscii(relationship.tenantId));
        row.name = trimAscii(relationship.name);
        if (!row.name.empty())
            row.nameSource = ResellerNameSource::Relationship;
        if (!row.tenantId.empty())
            _mpnIdByResellerTenant.emplace(row.tenantId, mpnId);
    }
}

std::vector<TenantRow> TenantPlacer::place(const Customer& customer,
                                           std::vector<Subscription> subscriptions) {
    std::vector<TenantRow> rows;
    if (trimAscii(customer.tenantId).empty())
        return rows;
    if (subscriptions.empty()) {
        const auto reseller =
            _mpnIdByResellerTenant.find(asciiLower(trimAscii(customer.associatedPartnerId)));
        if (reseller != _mpnIdByResellerTenant.end())
            rows.push_back(tenantRow(customer, TenantPlacement::EndCustomer, reseller->second));
        else
            rows.push_back(tenantRow(
                customer, _directCapable ? TenantPlacement::Direct : TenantPlacement::Unassigned,
                ""));
        return rows;
    }
    TenantRow direct = tenantRow(customer, TenantPlacement::Direct, "");
    std::vector<std::string> sellerOrder;
    std::map<std::string, TenantRow> indirect;
    std::size_t directCount = 0;
    for (const Subscription& subscription : subscriptions)
        directCount += trimAscii(subscription.partnerId).empty() ? 1 : 0;
    direct.subscriptions.reserve(directCount);
    for (Subscription& subscription : subscriptions) {
        const std::string mpnId = trimAscii(subscription.partnerId);
        if (mpnId.empty()) {
            direct.subscriptions.push_back(subscriptionRow(std::move(subscription)));
            continue;
        }
        _partnerIds.insert(mpnId);
        auto row = indirect.find(mpnId);
        if (row == indirect.end()) {
            sellerOrder.push_back(mpnId);
            row = indirect.emplace(mpnId, tenantRow(customer, TenantPlacement::EndCustomer, mpnId))
                      .first;
        }
        row->second.subscriptions.push_back(subscriptionRow(std::move(subscription)));
    }
    if (!direct.subscriptions.empty())
        rows.push_back(std::move(direct));
    for (const std::string& mpnId : sellerOrder) {
        ResellerRow& reseller = _resellers[mpnId];
        reseller.mpnId = mpnId;
        rows.push_back(std::move(indirect.at(mpnId)));
    }
    return rows;
}

std::vector<std::string> TenantPlacer::partnerIds() const {
    return {_partnerIds.begin(), _partnerIds.end()};
}

std::vector<ResellerRow> TenantPlacer::resellers(const std::vector<Reseller>& mpnProfiles) const {
    std::map<std::string, std::string> profileNames;
    for (const Reseller& profile : mpnProfiles)
        if (!trimAscii(profile.name).empty())
            profileNames.emplace(trimAscii(profile.mpnId), trimAscii(profile.name));
    std::vector<ResellerRow> named;
    named.reserve(_resellers.size());
    for (const auto& [mpnId, known] : _resellers) {
        ResellerRow reseller = known;
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
        named.push_back(std::move(reseller));
    }
    return named;
}

} // namespace ict::domain
