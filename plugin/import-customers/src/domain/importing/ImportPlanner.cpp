#include "domain/importing/ImportPlanner.h"

#include "domain/billing/BillingScheduler.h"
#include "domain/importing/ProductMapping.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>

namespace ict::domain {
namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string firstNonEmpty(std::initializer_list<const std::string*> candidates) {
    for (const std::string* candidate : candidates) {
        if (!trimmed(*candidate).empty())
            return *candidate;
    }
    return {};
}

std::string dateOnly(const std::string& isoTime) {
    const std::optional<CivilDate> date = CivilDate::parse(isoTime);
    return date ? date->format() : std::string();
}

NewAccount newAccountFor(const TenantSelection& tenant) {
    const BillingProfile& profile = tenant.billingProfile;
    const BillingAddress& address = profile.defaultAddress;
    NewAccount account;
    account.name = firstNonEmpty({&tenant.customer.companyName, &profile.companyName,
                                  &tenant.customer.primaryDomain, &tenant.customer.tenantId});
    account.externalMsTenantId = tenant.customer.tenantId;
    account.primaryDomain = tenant.customer.primaryDomain;
    account.contactFirstName = profile.firstName;
    account.contactLastName = profile.lastName;
    account.contactEmail = profile.email;
    account.contactPhone = address.phoneNumber;
    account.addressLine1 = address.addressLine1;
    account.addressLine2 = address.addressLine2;
    account.addressLine3 = address.addressLine3;
    account.city = address.city;
    account.state = firstNonEmpty({&address.state, &address.region});
    account.postalCode = address.postalCode;
    account.country = address.country;
    return account;
}

ResellerAction resellerFor(const Seller& seller, const std::vector<ResellerAccount>& existing) {
    ResellerAction action;
    const std::string mpnId = trimmed(seller.resellerMpnId);
    if (mpnId.empty()) {
        action.kind = ResellerActionKind::Direct;
        return action;
    }
    action.mpnId = mpnId;
    action.name = trimmed(seller.resellerName).empty() ? mpnId : seller.resellerName;
    for (const ResellerAccount& account : existing) {
        if (lower(trimmed(account.mpnId)) == lower(mpnId)) {
            action.kind = ResellerActionKind::UseExistingReseller;
            action.existingAccountId = account.accountId;
            return action;
        }
    }
    action.kind = ResellerActionKind::CreateReseller;
    return action;
}

// Bases before their add-ons, depth first; everything else in the given order. Add-ons caught in
// a parent cycle cannot be placed after their base and come last (they then fail as base_missing).
std::vector<std::size_t> creationOrder(const std::vector<AuditedSubscription>& subscriptions) {
    std::map<std::string, std::vector<std::size_t>> children;
    std::map<std::string, bool> present;
    for (std::size_t i = 0; i < subscriptions.size(); ++i)
        present[lower(subscriptions[i].subscription.id)] = true;
    for (std::size_t i = 0; i < subscriptions.size(); ++i) {
        const Subscription& sub = subscriptions[i].subscription;
        if (sub.isAddOn())
            children[lower(sub.parentSubscriptionId)].push_back(i);
    }
    std::vector<std::size_t> order;
    std::vector<bool> placed(subscriptions.size(), false);
    std::function<void(std::size_t)> place = [&](std::size_t i) {
        placed[i] = true;
        order.push_back(i);
        const auto found = children.find(lower(subscriptions[i].subscription.id));
        if (found == children.end())
            return;
        for (std::size_t child : found->second) {
            if (!placed[child])
                place(child);
        }
    };
    for (std::size_t i = 0; i < subscriptions.size(); ++i) {
        const Subscription& sub = subscriptions[i].subscription;
        const bool root = !sub.isAddOn() || !present.count(lower(sub.parentSubscriptionId));
        if (root && !placed[i])
            place(i);
    }
    for (std::size_t i = 0; i < subscriptions.size(); ++i) {
        if (!placed[i])
            order.push_back(i);
    }
    return order;
}

SubscriptionAction skip(SubscriptionAction action, SkipReason reason, std::string text) {
    action.kind = SubscriptionActionKind::Skip;
    action.skipReason = reason;
    action.reason = std::move(text);
    return action;
}

SubscriptionAction fail(SubscriptionAction action, FailReason reason, std::string text) {
    action.kind = SubscriptionActionKind::Fail;
    action.failReason = reason;
    action.reason = std::move(text);
    return action;
}

FailReason failReasonOf(MappingOutcome outcome) {
    switch (outcome) {
    case MappingOutcome::AmbiguousProduct:
        return FailReason::AmbiguousProduct;
    case MappingOutcome::NoBillingPlan:
        return FailReason::NoBillingPlan;
    case MappingOutcome::NoProduct:
    case MappingOutcome::Mapped:
    case MappingOutcome::Unset:
        break;
    }
    return FailReason::NoProduct;
}

class TenantPlanner {
public:
    TenantPlanner(const ImportRequest& request, const TenantSelection& tenant)
        : _request(request), _tenant(tenant) {}

    TenantPlan plan() {
        TenantPlan plan;
        plan.tenantId = _tenant.customer.tenantId;
        plan.companyName = _tenant.customer.companyName;
        plan.primaryDomain = _tenant.customer.primaryDomain;
        plan.seller = _tenant.seller;
        if (trimmed(_tenant.customer.tenantId).empty())
            plan.tenantProblem = "Tenant field 'tenantId' is missing.";
        else if (!_tenant.relatedAccountId && !_tenant.heldByOrganization.empty())
            plan.tenantProblem =
                "Tenant '" + _tenant.customer.tenantId + "' is already imported by organization '" +
                _tenant.heldByOrganization +
                "'; a tenant of an instance shared by a root and its country tenants belongs to "
                "the organization that imported it first.";
        if (_tenant.relatedAccountId) {
            plan.account.kind = AccountActionKind::UseExisting;
            plan.account.existingAccountId = *_tenant.relatedAccountId;
        } else {
            plan.account.kind = AccountActionKind::CreateAccount;
            plan.account.account = newAccountFor(_tenant);
        }
        plan.reseller = resellerFor(_tenant.seller, _request.catalog.resellerAccounts);
        _tenantProblem = plan.tenantProblem;
        for (std::size_t index : creationOrder(_tenant.subscriptions)) {
            SubscriptionAction action = planSubscription(_tenant.subscriptions[index]);
            _decided[lower(action.msSubscriptionId)] = action;
            plan.subscriptions.push_back(std::move(action));
        }
        return plan;
    }

private:
    SubscriptionAction planSubscription(const AuditedSubscription& audited) const {
        const Subscription& sub = audited.subscription;
        SubscriptionAction action;
        action.msSubscriptionId = sub.id;
        action.name = firstNonEmpty({&sub.friendlyName, &sub.offerName, &sub.offerId});
        action.offerId = sub.offerId;
        action.subscriptionKind = sub.kind;

        if (audited.status == AuditStatus::InBss)
            return skip(action, SkipReason::AlreadyInBss,
                        "Subscription '" + sub.id +
                            "' is already in the BSS; existing subscriptions are never changed.");
        if (sub.kind == SubscriptionKind::AzurePlan)
            return skip(action, SkipReason::AzurePlan,
                        "Azure plan subscriptions are not imported by this tool; listed for the "
                        "Azure migration tool.");
        const std::string status = lower(sub.status);
        if (status == "expired" || status == "deleted")
            return skip(action, SkipReason::Inactive,
                        "Subscription status is '" + sub.status +
                            "'; expired and deleted subscriptions are not imported.");
        if (audited.status == AuditStatus::NotImportable)
            return skip(action, SkipReason::NotImportable,
                        audited.notImportableReason.empty()
                            ? std::string("The audit marked the subscription not importable.")
                            : audited.notImportableReason);
        if (!_tenantProblem.empty())
            return fail(action, FailReason::InvalidTenant,
                        "The tenant cannot be imported: " + _tenantProblem);

        const ProductMapping mapping =
            mapProduct(_request.catalog.products, sub.offerId, sub.billingCycle, sub.termDuration);
        if (!mapping.mapped())
            return fail(action, failReasonOf(mapping.outcome), mapping.message);
        const BillingScheduleResult billing =
            scheduleBilling(BillingTerms{sub.effectiveStartDate, sub.billingCycle, sub.termDuration,
                                         sub.commitmentEndDate},
                            _request.policy, _request.importDate);
        if (!billing.ok())
            return fail(action, FailReason::InvalidBilling, billing.error);

        if (sub.isAddOn()) {
            const auto base = _decided.find(lower(sub.parentSubscriptionId));
            if (base == _decided.end())
                return fail(action, FailReason::BaseMissing,
                            "Add-on's base subscription '" + sub.parentSubscriptionId +
                                "' is not among the tenant's subscriptions.");
            const SubscriptionAction& parent = base->second;
            const bool baseInBss = parent.kind == SubscriptionActionKind::Skip &&
                                   parent.skipReason == SkipReason::AlreadyInBss;
            if (parent.kind != SubscriptionActionKind::Create && !baseInBss)
                return fail(action, FailReason::BaseFailed,
                            "Add-on's base subscription '" + sub.parentSubscriptionId +
                                "' will not be created: " + parent.reason);
            action.parentMsSubscriptionId = sub.parentSubscriptionId;
            action.parentInBss = baseInBss;
        }

        action.kind = SubscriptionActionKind::Create;
        action.productId = mapping.productId;
        action.billingPlanId = mapping.billingPlanId;
        action.quantity = sub.quantity;
        action.status = sub.status;
        action.billingCycle = sub.billingCycle;
        action.termDuration = sub.termDuration;
        action.startDate = dateOnly(sub.effectiveStartDate);
        action.commitmentEndDate = dateOnly(sub.commitmentEndDate);
        action.autoRenew = sub.autoRenewEnabled;
        action.resellerMpnId = trimmed(sub.partnerId).empty()
                                   ? trimmed(_tenant.seller.resellerMpnId)
                                   : trimmed(sub.partnerId);
        action.billing = billing.schedule;
        return action;
    }

    const ImportRequest& _request;
    const TenantSelection& _tenant;
    std::string _tenantProblem;
    std::map<std::string, SubscriptionAction> _decided;
};

} // namespace

ImportPlan planImport(const ImportRequest& request) {
    ImportPlan plan;
    plan.policy = request.policy;
    plan.importDate = request.importDate;
    for (const TenantSelection& tenant : request.tenants)
        plan.tenants.push_back(planTenant(request, tenant));
    return plan;
}

TenantPlan planTenant(const ImportRequest& request, const TenantSelection& tenant) {
    return TenantPlanner(request, tenant).plan();
}

} // namespace ict::domain
