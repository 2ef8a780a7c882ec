#include "domain/audit/TenantAudit.h"

#include "domain/audit/CompanyNameNormalizer.h"
#include "domain/audit/SubscriptionAudit.h"

namespace ict::domain {
namespace {

std::string confirmationReason(const TenantRow& row, const BssAccount* idMatched) {
    std::string reason;
    const auto add = [&](const std::string& sentence) {
        if (!reason.empty())
            reason += ' ';
        reason += sentence;
    };
    const std::vector<RelatedAccount>& related = row.relatedAccounts;
    if (related.size() > 1)
        add(std::to_string(related.size()) +
            " BSS accounts relate to this tenant; confirm which one it is.");
    else if (related.size() == 1 && related[0].key != MatchKey::MicrosoftId)
        add("The BSS account '" + related[0].name + "' relates only by " +
            (related[0].key == MatchKey::PrimaryDomain ? "primary domain" : "company name") +
            "; confirm it is this tenant.");
    if (idMatched != nullptr &&
        normalizeCompanyName(idMatched->name) != normalizeCompanyName(row.companyName))
        add("The BSS account '" + idMatched->name +
            "' has this tenant's Microsoft id but Partner Center names it '" + row.companyName +
            "'; confirm it was renamed.");
    return reason;
}

} // namespace

TenantRow auditTenant(TenantRow row, const BssAccountIndex& accounts) {
    row.relatedAccounts = accounts.related(row.tenantId, row.primaryDomain, row.companyName);
    row.idMatchedAccountId = 0;
    // related() orders by key, then id: the first microsoft_id entry is the lowest id.
    for (const RelatedAccount& account : row.relatedAccounts)
        if (account.key == MatchKey::MicrosoftId) {
            row.idMatchedAccountId = account.accountId;
            break;
        }
    const BssAccount* idMatched =
        row.idMatchedAccountId != 0 ? accounts.find(row.idMatchedAccountId) : nullptr;

    auditSubscriptions(row.subscriptions, row.idMatchedAccountId, accounts);
    std::int64_t fresh = 0;
    std::int64_t inBss = 0;
    for (const SubscriptionRow& subscription : row.subscriptions) {
        if (subscription.status == SubscriptionStatus::New)
            ++fresh;
        else if (subscription.status == SubscriptionStatus::InBss)
            ++inBss;
    }
    row.partnerCenterSubscriptionCount = fresh + inBss;
    row.bssSubscriptionCount = inBss;
    if (idMatched == nullptr)
        row.status = TenantStatus::Unsynced;
    else
        row.status = fresh == 0 ? TenantStatus::Synced : TenantStatus::NewSubscriptions;

    row.confirmationReason = confirmationReason(row, idMatched);
    row.needsConfirmation = !row.confirmationReason.empty();

    row.notImportableReason.clear();
    if (row.placement == TenantPlacement::Unassigned) {
        row.importable = false;
        row.notImportableReason = "The tenant has no subscriptions and no known reseller, and this "
                                  "instance does no direct business.";
    } else {
        row.importable = row.status == TenantStatus::Unsynced || fresh > 0;
    }
    return row;
}

Hierarchy auditHierarchy(Hierarchy hierarchy, const BssAccountIndex& accounts) {
    for (TenantRow& row : hierarchy.directTenants)
        row = auditTenant(std::move(row), accounts);
    for (ResellerRow& reseller : hierarchy.resellers)
        for (TenantRow& row : reseller.endCustomers)
            row = auditTenant(std::move(row), accounts);
    for (TenantRow& row : hierarchy.unassignedTenants)
        row = auditTenant(std::move(row), accounts);
    return hierarchy;
}

} // namespace ict::domain
