#include "storage/ImportOutcomeJson.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

namespace ict::storage {

using namespace ict::domain;

namespace {

void setDate(Poco::JSON::Object& json, const std::string& name,
             const std::optional<CivilDate>& date) {
    if (date)
        json.set(name, date->format());
}

std::optional<CivilDate> getDate(const Poco::JSON::Object& json, const std::string& name) {
    if (!json.has(name))
        return std::nullopt;
    return CivilDate::parse(json.getValue<std::string>(name));
}

Poco::JSON::Object::Ptr billingToJson(const BillingSchedule& billing) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("policy", std::string(billingPolicyName(billing.policy)));
    json->set("billingCycle", std::string(billingCycleName(billing.billingCycle)));
    json->set("termMonths", billing.termMonths);
    json->set("billedByCycle", billing.billedByCycle);
    json->set("started", billing.started);
    setDate(*json, "currentPeriodStart", billing.currentPeriodStart);
    setDate(*json, "currentPeriodEnd", billing.currentPeriodEnd);
    setDate(*json, "chargeFrom", billing.chargeFrom);
    setDate(*json, "chargeTo", billing.chargeTo);
    json->set("prorationNumerator", billing.prorationNumerator);
    json->set("prorationDenominator", billing.prorationDenominator);
    setDate(*json, "nextBillingDate", billing.nextBillingDate);
    return json;
}

BillingSchedule billingFromJson(const Poco::JSON::Object& json) {
    BillingSchedule billing;
    billing.policy =
        parseBillingPolicy(json.getValue<std::string>("policy")).value_or(BillingPolicy::Unset);
    billing.billingCycle =
        parseBillingCycle(json.getValue<std::string>("billingCycle")).value_or(BillingCycle::Unset);
    billing.termMonths = json.getValue<int>("termMonths");
    billing.billedByCycle = json.getValue<bool>("billedByCycle");
    billing.started = json.getValue<bool>("started");
    billing.currentPeriodStart = getDate(json, "currentPeriodStart");
    billing.currentPeriodEnd = getDate(json, "currentPeriodEnd");
    billing.chargeFrom = getDate(json, "chargeFrom");
    billing.chargeTo = getDate(json, "chargeTo");
    billing.prorationNumerator = json.getValue<long long>("prorationNumerator");
    billing.prorationDenominator = json.getValue<long long>("prorationDenominator");
    billing.nextBillingDate = getDate(json, "nextBillingDate");
    return billing;
}

AccountOutcomeKind parseAccountOutcome(const std::string& name) {
    for (AccountOutcomeKind kind :
         {AccountOutcomeKind::Created, AccountOutcomeKind::Existing, AccountOutcomeKind::Failed})
        if (name == accountOutcomeKindName(kind))
            return kind;
    return AccountOutcomeKind::Unset;
}

SubscriptionOutcomeKind parseSubscriptionOutcome(const std::string& name) {
    for (SubscriptionOutcomeKind kind :
         {SubscriptionOutcomeKind::Created, SubscriptionOutcomeKind::Added,
          SubscriptionOutcomeKind::Skipped, SubscriptionOutcomeKind::Failed})
        if (name == subscriptionOutcomeKindName(kind))
            return kind;
    return SubscriptionOutcomeKind::Unset;
}

} // namespace

std::string stringify(const Poco::JSON::Object& object) {
    std::ostringstream out;
    object.stringify(out);
    return out.str();
}

Poco::JSON::Object::Ptr tenantOutcomeToJson(const TenantOutcome& outcome) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("tenantId", outcome.tenantId);
    json->set("companyName", outcome.companyName);
    json->set("resellerMpnId", outcome.resellerMpnId);
    json->set("resellerName", outcome.resellerName);
    json->set("account", std::string(accountOutcomeKindName(outcome.account)));
    json->set("bssAccountId", outcome.bssAccountId);
    json->set("contactCreated", outcome.contactCreated);
    json->set("accountReason", outcome.accountReason);
    Poco::JSON::Array::Ptr subscriptions = new Poco::JSON::Array;
    for (const SubscriptionOutcome& sub : outcome.subscriptions) {
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
        item->set("subscriptionId", sub.msSubscriptionId);
        item->set("name", sub.name);
        item->set("result", std::string(subscriptionOutcomeKindName(sub.kind)));
        item->set("bssSubscriptionId", sub.bssSubscriptionId);
        item->set("reason", sub.reason);
        item->set("azurePlan", sub.azurePlan);
        item->set("billingCycle", sub.billingCycle);
        item->set("termDuration", sub.termDuration);
        if (sub.billing)
            item->set("billing", billingToJson(*sub.billing));
        subscriptions->add(item);
    }
    json->set("subscriptions", subscriptions);
    return json;
}

TenantOutcome tenantOutcomeFromJson(const std::string& text) {
    Poco::JSON::Parser parser;
    Poco::JSON::Object::Ptr json = parser.parse(text).extract<Poco::JSON::Object::Ptr>();
    TenantOutcome outcome;
    outcome.tenantId = json->getValue<std::string>("tenantId");
    outcome.companyName = json->getValue<std::string>("companyName");
    outcome.resellerMpnId = json->getValue<std::string>("resellerMpnId");
    outcome.resellerName = json->getValue<std::string>("resellerName");
    outcome.account = parseAccountOutcome(json->getValue<std::string>("account"));
    outcome.bssAccountId = json->getValue<Poco::Int64>("bssAccountId");
    outcome.contactCreated = json->getValue<bool>("contactCreated");
    outcome.accountReason = json->getValue<std::string>("accountReason");
    Poco::JSON::Array::Ptr subscriptions = json->getArray("subscriptions");
    for (std::size_t i = 0; subscriptions && i < subscriptions->size(); ++i) {
        Poco::JSON::Object::Ptr item = subscriptions->getObject(static_cast<unsigned>(i));
        SubscriptionOutcome sub;
        sub.msSubscriptionId = item->getValue<std::string>("subscriptionId");
        sub.name = item->getValue<std::string>("name");
        sub.kind = parseSubscriptionOutcome(item->getValue<std::string>("result"));
        sub.bssSubscriptionId = item->getValue<Poco::Int64>("bssSubscriptionId");
        sub.reason = item->getValue<std::string>("reason");
        // Rows written before the field existed say nothing: not known as an Azure plan.
        sub.azurePlan = item->has("azurePlan") && item->getValue<bool>("azurePlan");
        sub.billingCycle = item->getValue<std::string>("billingCycle");
        sub.termDuration = item->getValue<std::string>("termDuration");
        if (Poco::JSON::Object::Ptr billing = item->getObject("billing"))
            sub.billing = billingFromJson(*billing);
        outcome.subscriptions.push_back(std::move(sub));
    }
    return outcome;
}

} // namespace ict::storage
