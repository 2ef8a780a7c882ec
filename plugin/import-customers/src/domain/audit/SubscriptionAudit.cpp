#include "domain/audit/SubscriptionAudit.h"

#include "domain/audit/AccountKeys.h"
#include "domain/validation/AsciiText.h"

#include <map>
#include <set>

namespace ict::domain {
namespace {

void notImportable(SubscriptionRow& row, NotImportableReason reason, std::string text) {
    row.status = SubscriptionStatus::NotImportable;
    row.reason = reason;
    row.reasonText = std::move(text);
}

} // namespace

void auditSubscriptions(std::vector<SubscriptionRow>& rows, std::int64_t idMatchedAccountId,
                        const BssAccountIndex& accounts) {
    const BssAccount* idMatchedAccount =
        idMatchedAccountId != 0 ? accounts.find(idMatchedAccountId) : nullptr;
    std::set<std::string> inBss;
    if (idMatchedAccount != nullptr)
        for (const std::string& id : idMatchedAccount->externalSubscriptionIds)
            inBss.insert(idMatchKey(id));

    std::map<std::string, const SubscriptionRow*> byId;
    for (SubscriptionRow& row : rows) {
        const Subscription& subscription = row.subscription;
        row.reason = NotImportableReason::Unset;
        row.reasonText.clear();
        byId.emplace(idMatchKey(subscription.id), &row);
        const std::string status = asciiLower(trimAscii(subscription.status));
        const BssAccount* holder = accounts.holderOfSubscription(subscription.id);
        if (inBss.count(idMatchKey(subscription.id)) != 0)
            row.status = SubscriptionStatus::InBss;
        else if (holder != nullptr)
            notImportable(row, NotImportableReason::InOtherAccount,
                          "Subscription is already in the BSS account '" + holder->name + "'.");
        else if (subscription.kind == SubscriptionKind::AzurePlan)
            notImportable(row, NotImportableReason::AzurePlan,
                          "Azure plan subscriptions are imported with the Azure migration tool.");
        else if (status == "deleted")
            notImportable(row, NotImportableReason::Deleted, "Subscription is deleted.");
        else if (status == "expired")
            notImportable(row, NotImportableReason::Expired, "Subscription is expired.");
        else
            row.status = SubscriptionStatus::New;
    }

    // Add-ons last: a base's own verdict must be known first. Partner Center has no add-ons of
    // add-ons, so one pass settles it.
    for (SubscriptionRow& row : rows) {
        if (row.status != SubscriptionStatus::New || !row.subscription.isAddOn())
            continue;
        const std::string& baseId = row.subscription.parentSubscriptionId;
        if (inBss.count(idMatchKey(baseId)) != 0)
            continue;
        const auto base = byId.find(idMatchKey(baseId));
        if (base == byId.end())
            notImportable(row, NotImportableReason::AddOnBaseMissing,
                          "Add-on whose base subscription " + baseId +
                              " is neither in Partner Center nor in the BSS.");
        else if (base->second->status == SubscriptionStatus::NotImportable)
            notImportable(row, NotImportableReason::AddOnBaseNotImportable,
                          "Add-on whose base subscription " + baseId + " cannot be imported.");
    }
}

} // namespace ict::domain
