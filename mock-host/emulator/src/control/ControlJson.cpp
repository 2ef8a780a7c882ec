#include "control/ControlJson.h"

#include "common/JsonText.h"
#include "control/EmulatorState.h"

#include <Poco/Exception.h>

namespace mockhost::emulator {

namespace {

template <typename T> void read(const Poco::JSON::Object::Ptr& json, const char* key, T& target) {
    if (!json->has(key))
        return;
    try {
        target = json->getValue<T>(key);
    } catch (const Poco::Exception& e) {
        throw Poco::InvalidArgumentException(std::string("control field ") + key +
                                             " has the wrong type: " + e.displayText());
    }
}

void readRate(const Poco::JSON::Object::Ptr& json, const char* key, double& target) {
    read(json, key, target);
    if (target < 0.0 || target > 1.0)
        throw Poco::InvalidArgumentException(std::string("control field ") + key +
                                             " must be between 0 and 1, not " +
                                             std::to_string(target));
}

} // namespace

Poco::JSON::Object::Ptr ControlJson::write(const FaultSettings& s) {
    auto json = JsonText::object();
    json->set("latencyMs", s.latencyMs);
    json->set("rateLimitPerMinute", s.rateLimitPerMinute);
    json->set("rateLimitBurst", s.rateLimitBurst);
    json->set("throttleBody", s.throttleBody == ThrottleBody::Gateway ? "gateway" : "partner");
    json->set("retryAfterHeader", s.retryAfterHeader);
    json->set("serverErrorRate", s.serverErrorRate);
    json->set("timeoutRate", s.timeoutRate);
    json->set("timeoutHangMs", s.timeoutHangMs);
    json->set("cutConnectionRate", s.cutConnectionRate);
    json->set("malformedRate", s.malformedRate);
    json->set("truncatedRate", s.truncatedRate);
    json->set("throttleRate", s.throttleRate);
    json->set("throttleRetryAfterSeconds", s.throttleRetryAfterSeconds);
    json->set("slowBodyRate", s.slowBodyRate);
    json->set("slowBodyChunkDelayMs", s.slowBodyChunkDelayMs);
    json->set("throttleEveryNth", s.throttleEveryNth);
    json->set("throttleEveryNthRetryAfterSeconds", s.throttleEveryNthRetryAfterSeconds);
    json->set("seed", static_cast<Poco::UInt64>(s.seed));
    json->set("tokenLatencyMs", s.tokenLatencyMs);
    json->set("tokenServerErrors", s.tokenServerErrors);
    json->set("dropTokenAnswers", s.dropTokenAnswers);
    json->set("malformedExpiresIn", s.malformedExpiresIn);
    return json;
}

FaultSettings ControlJson::readFaults(const Poco::JSON::Object::Ptr& json, FaultSettings s) {
    read(json, "latencyMs", s.latencyMs);
    read(json, "rateLimitPerMinute", s.rateLimitPerMinute);
    read(json, "rateLimitBurst", s.rateLimitBurst);
    if (json->has("throttleBody")) {
        const std::string shape = json->getValue<std::string>("throttleBody");
        if (shape == "gateway")
            s.throttleBody = ThrottleBody::Gateway;
        else if (shape == "partner")
            s.throttleBody = ThrottleBody::PartnerFd;
        else
            throw Poco::InvalidArgumentException("throttleBody must be gateway or partner", shape);
    }
    read(json, "retryAfterHeader", s.retryAfterHeader);
    readRate(json, "serverErrorRate", s.serverErrorRate);
    readRate(json, "timeoutRate", s.timeoutRate);
    read(json, "timeoutHangMs", s.timeoutHangMs);
    readRate(json, "cutConnectionRate", s.cutConnectionRate);
    readRate(json, "malformedRate", s.malformedRate);
    readRate(json, "truncatedRate", s.truncatedRate);
    readRate(json, "throttleRate", s.throttleRate);
    read(json, "throttleRetryAfterSeconds", s.throttleRetryAfterSeconds);
    readRate(json, "slowBodyRate", s.slowBodyRate);
    read(json, "slowBodyChunkDelayMs", s.slowBodyChunkDelayMs);
    read(json, "throttleEveryNth", s.throttleEveryNth);
    read(json, "throttleEveryNthRetryAfterSeconds", s.throttleEveryNthRetryAfterSeconds);
    Poco::UInt64 seed = s.seed;
    read(json, "seed", seed);
    s.seed = seed;
    read(json, "tokenLatencyMs", s.tokenLatencyMs);
    read(json, "tokenServerErrors", s.tokenServerErrors);
    read(json, "dropTokenAnswers", s.dropTokenAnswers);
    read(json, "malformedExpiresIn", s.malformedExpiresIn);
    const std::pair<const char*, int> counts[] = {
        {"latencyMs", s.latencyMs},
        {"timeoutHangMs", s.timeoutHangMs},
        {"rateLimitPerMinute", s.rateLimitPerMinute},
        {"rateLimitBurst", s.rateLimitBurst},
        {"throttleRetryAfterSeconds", s.throttleRetryAfterSeconds},
        {"slowBodyChunkDelayMs", s.slowBodyChunkDelayMs},
        {"throttleEveryNth", s.throttleEveryNth},
        {"throttleEveryNthRetryAfterSeconds", s.throttleEveryNthRetryAfterSeconds},
        {"tokenLatencyMs", s.tokenLatencyMs},
        {"tokenServerErrors", s.tokenServerErrors},
        {"dropTokenAnswers", s.dropTokenAnswers},
        {"malformedExpiresIn", s.malformedExpiresIn}};
    for (const auto& [key, value] : counts)
        if (value < 0)
            throw Poco::InvalidArgumentException(std::string("control field ") + key +
                                                 " must not be negative, not " +
                                                 std::to_string(value));
    return s;
}

Poco::JSON::Object::Ptr ControlJson::write(const CompatibilityOptions& c) {
    auto json = JsonText::object();
    json->set("nextLinkWithV1", c.nextLinkWithV1);
    json->set("errorCodeAsString", c.errorCodeAsString);
    json->set("exhaustedContinuationAs400", c.exhaustedContinuationAs400);
    json->set("expiresInAsString", c.expiresInAsString);
    json->set("defaultPageSize", c.defaultPageSize);
    json->set("maxPageSize", c.maxPageSize);
    json->set("expiredAccessTokenCode", c.expiredAccessTokenCode);
    json->set("strictRefreshRotation", c.strictRefreshRotation);
    json->set("revokeFamilyOnReuse", c.revokeFamilyOnReuse);
    json->set("hostilePaging", c.hostilePaging);
    return json;
}

CompatibilityOptions ControlJson::readCompatibility(const Poco::JSON::Object::Ptr& json,
                                                    CompatibilityOptions c) {
    read(json, "nextLinkWithV1", c.nextLinkWithV1);
    read(json, "errorCodeAsString", c.errorCodeAsString);
    read(json, "exhaustedContinuationAs400", c.exhaustedContinuationAs400);
    read(json, "expiresInAsString", c.expiresInAsString);
    read(json, "defaultPageSize", c.defaultPageSize);
    read(json, "maxPageSize", c.maxPageSize);
    read(json, "expiredAccessTokenCode", c.expiredAccessTokenCode);
    read(json, "strictRefreshRotation", c.strictRefreshRotation);
    read(json, "revokeFamilyOnReuse", c.revokeFamilyOnReuse);
    read(json, "hostilePaging", c.hostilePaging);
    if (!c.hostilePaging.empty() && c.hostilePaging != "cycle" && c.hostilePaging != "endless" &&
        c.hostilePaging != "extraHeader" && c.hostilePaging != "controlInToken")
        throw Poco::InvalidArgumentException(
            "hostilePaging must be \"\", cycle, endless, extraHeader or controlInToken, not '" +
            c.hostilePaging + "'");
    if (c.defaultPageSize <= 0 || c.maxPageSize <= 0)
        throw Poco::InvalidArgumentException("defaultPageSize and maxPageSize must be positive");
    return c;
}

NewCustomer ControlJson::readNewCustomer(const Poco::JSON::Object::Ptr& json) {
    NewCustomer spec;
    read(json, "companyName", spec.companyName);
    read(json, "domain", spec.domain);
    read(json, "resellerId", spec.resellerId);
    read(json, "id", spec.id);
    return spec;
}

NewSubscription ControlJson::readNewSubscription(const Poco::JSON::Object::Ptr& json) {
    NewSubscription spec;
    read(json, "offerId", spec.offerId);
    read(json, "offerName", spec.offerName);
    read(json, "quantity", spec.quantity);
    read(json, "partnerId", spec.partnerId);
    read(json, "parentSubscriptionId", spec.parentSubscriptionId);
    read(json, "termDuration", spec.termDuration);
    read(json, "billingCycle", spec.billingCycle);
    read(json, "id", spec.id);
    return spec;
}

SubscriptionChange ControlJson::readChange(const Poco::JSON::Object::Ptr& json) {
    SubscriptionChange change;
    if (json->has("quantity")) {
        int quantity = 0;
        read(json, "quantity", quantity);
        change.quantity = quantity;
    }
    if (json->has("status")) {
        std::string status;
        read(json, "status", status);
        change.status = status;
    }
    if (json->has("autoRenewEnabled")) {
        bool autoRenew = false;
        read(json, "autoRenewEnabled", autoRenew);
        change.autoRenewEnabled = autoRenew;
    }
    if (json->has("friendlyName")) {
        std::string name;
        read(json, "friendlyName", name);
        change.friendlyName = name;
    }
    return change;
}

} // namespace mockhost::emulator
