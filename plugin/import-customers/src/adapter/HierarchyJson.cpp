#include "adapter/HierarchyJson.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

namespace ict::adapter {

using namespace ict::domain;

Poco::JSON::Object::Ptr tenantJson(const storage::TenantListRow& item) {
    const TenantRow& row = item.row;
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("tenantId", row.tenantId);
    json->set("companyName", row.companyName);
    json->set("primaryDomain", row.primaryDomain);
    json->set("type", std::string(tenantPlacementName(row.placement)));
    json->set("resellerMpnId", row.resellerMpnId);
    json->set("resellerName", item.resellerName);
    json->set("status", item.fetchError.empty() ? std::string(tenantStatusName(row.status))
                                                : std::string("error"));
    json->set("error", item.fetchError);
    json->set("subscriptionsInPartnerCenter", row.partnerCenterSubscriptionCount);
    json->set("subscriptionsInBss", row.bssSubscriptionCount);
    json->set("importable", row.importable);
    json->set("notImportableReason", row.notImportableReason);
    json->set("needsConfirmation", row.needsConfirmation);
    json->set("confirmationReason", row.confirmationReason);
    Poco::JSON::Array::Ptr related = new Poco::JSON::Array;
    for (const RelatedAccount& account : row.relatedAccounts) {
        Poco::JSON::Object::Ptr entry = new Poco::JSON::Object;
        entry->set("accountId", account.accountId);
        entry->set("name", account.name);
        entry->set("key", std::string(matchKeyName(account.key)));
        related->add(entry);
    }
    json->set("relatedAccounts", related);
    return json;
}

Poco::JSON::Object::Ptr subscriptionJson(const SubscriptionRow& row) {
    const Subscription& s = row.subscription;
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("id", s.id);
    json->set("offerId", s.offerId);
    json->set("offerName", s.offerName);
    json->set("friendlyName", s.friendlyName);
    json->set("type", std::string(subscriptionKindName(s.kind)));
    json->set("addOn", s.isAddOn());
    json->set("parentSubscriptionId", s.parentSubscriptionId);
    json->set("quantity", s.quantity);
    json->set("partnerCenterStatus", s.status);
    json->set("billingCycle", s.billingCycle);
    json->set("termDuration", s.termDuration);
    json->set("effectiveStartDate", s.effectiveStartDate);
    json->set("commitmentEndDate", s.commitmentEndDate);
    json->set("autoRenewEnabled", s.autoRenewEnabled);
    json->set("resellerMpnId", s.partnerId);
    json->set("importStatus", std::string(subscriptionStatusName(row.status)));
    json->set("reason", row.reason == NotImportableReason::Unset
                            ? std::string()
                            : std::string(notImportableReasonName(row.reason)));
    json->set("reasonText", row.reasonText);
    return json;
}

Poco::JSON::Object::Ptr resellerJson(const storage::ResellerSummary& reseller) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("mpnId", reseller.mpnId);
    json->set("tenantId", reseller.tenantId);
    json->set("name", reseller.name);
    json->set("nameSource", reseller.nameSource);
    json->set("endCustomers", static_cast<Poco::Int64>(reseller.endCustomers));
    return json;
}

Poco::JSON::Object::Ptr runJson(const storage::RunRecord& run) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("id", run.id);
    json->set("seq", run.seq);
    json->set("instanceId", run.instanceId);
    json->set("kind", run.kind);
    json->set("scope", run.scope);
    json->set("state", run.state);
    json->set("user", run.userLogin);
    json->set("startedAt", run.startedAt);
    if (run.finishedAt)
        json->set("finishedAt", *run.finishedAt);
    json->set("message", run.message);
    Poco::JSON::Parser parser;
    json->set("summary", parser.parse(run.summary.empty() ? "{}" : run.summary));
    return json;
}

Poco::JSON::Object::Ptr auditEntryJson(const storage::AuditTrailEntry& entry) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("id", entry.id);
    json->set("user", entry.userLogin);
    if (entry.instanceId)
        json->set("instanceId", *entry.instanceId);
    json->set("action", entry.action);
    json->set("selection", entry.selection);
    json->set("outcome", entry.outcome);
    json->set("detail", entry.detail);
    json->set("at", entry.at);
    return json;
}

} // namespace ict::adapter
