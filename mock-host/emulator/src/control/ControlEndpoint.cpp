#include "control/ControlEndpoint.h"

#include "common/JsonText.h"
#include "control/ControlJson.h"
#include "data/DataSetFile.h"
#include "data/ResourceJson.h"

#include <Poco/Exception.h>

namespace mockhost::emulator {

namespace {

Reply problem(int status, const std::string& message) {
    auto body = JsonText::object();
    body->set("error", message);
    return Reply::json(status, body);
}

Reply done() {
    auto body = JsonText::object();
    body->set("ok", true);
    return Reply::json(200, body);
}

Poco::JSON::Object::Ptr bodyObject(const ApiRequest& request) {
    if (request.body.empty())
        return JsonText::object();
    try {
        return JsonText::parseObject(request.body);
    } catch (const Poco::Exception& e) {
        throw Poco::InvalidArgumentException("control body is not a JSON object", e.displayText());
    }
}

Reply counters(EmulatorState& state) {
    auto body = JsonText::object();
    body->set("total", static_cast<Poco::Int64>(state.counters().total()));
    auto endpoints = JsonText::object();
    for (const auto& entry : state.counters().snapshot())
        endpoints->set(entry.first, static_cast<Poco::Int64>(entry.second));
    body->set("endpoints", endpoints);
    return Reply::json(200, body);
}

Reply info(EmulatorState& state) {
    auto body = JsonText::object();
    state.withData([&](const DataSet& data) {
        body->set("partnerTenantId", data.partner.tenantId);
        body->set("partnerMpnId", data.partner.mpnId);
        body->set("partnerDomain", data.partner.domain);
        body->set("customers", static_cast<int>(data.customers.size()));
        body->set("resellers", static_cast<int>(data.resellers.size()));
        body->set("subscriptions", static_cast<int>(data.subscriptionCount()));
        return 0;
    });
    body->set("refreshToken", state.initialRefreshToken());
    return Reply::json(200, body);
}

Reply route(EmulatorState& state, const ApiRequest& request) {
    const auto& s = request.segments; // s[0] == "_emulator"
    const std::string& m = request.method;
    const std::size_t n = s.size();
    if (n == 2 && s[1] == "info" && m == "GET")
        return info(state);
    if (n == 2 && s[1] == "counters" && m == "GET")
        return counters(state);
    if (n == 3 && s[1] == "counters" && s[2] == "reset" && m == "POST") {
        state.counters().reset();
        return done();
    }
    if (n == 2 && s[1] == "faults") {
        if (m == "POST")
            state.setFaults(ControlJson::readFaults(bodyObject(request), state.faults()));
        return Reply::json(200, ControlJson::write(state.faults()));
    }
    if (n == 2 && s[1] == "compatibility") {
        if (m == "POST")
            state.setCompatibility(
                ControlJson::readCompatibility(bodyObject(request), state.compatibility()));
        return Reply::json(200, ControlJson::write(state.compatibility()));
    }
    if (n == 3 && s[1] == "tokens" && m == "POST") {
        if (s[2] == "issue") {
            auto body = JsonText::object();
            body->set("refresh_token", state.issueRefreshToken());
            return Reply::json(200, body);
        }
        if (s[2] == "expire-refresh")
            state.expireRefreshTokens();
        else if (s[2] == "revoke-refresh")
            state.revokeRefreshTokens();
        else if (s[2] == "require-mfa")
            state.requireMfa();
        else if (s[2] == "expire-access")
            state.expireAccessTokens();
        else
            return problem(404, "unknown token action '" + s[2] + "'");
        return done();
    }
    if (n == 2 && s[1] == "customers" && m == "POST") {
        const Customer customer =
            state.addCustomer(ControlJson::readNewCustomer(bodyObject(request)));
        return Reply::json(201, ResourceJson::customer(customer));
    }
    if (n == 4 && s[1] == "customers" && s[3] == "leave" && m == "POST") {
        state.markCustomerLeft(s[2]);
        return done();
    }
    if (n == 4 && s[1] == "customers" && s[3] == "subscriptions" && m == "POST") {
        const Subscription subscription =
            state.addSubscription(s[2], ControlJson::readNewSubscription(bodyObject(request)));
        return Reply::json(201, ResourceJson::subscription(s[2], subscription));
    }
    if (n == 5 && s[1] == "customers" && s[3] == "subscriptions" && m == "PATCH") {
        const Subscription subscription =
            state.changeSubscription(s[2], s[4], ControlJson::readChange(bodyObject(request)));
        return Reply::json(200, ResourceJson::subscription(s[2], subscription));
    }
    if (n == 2 && s[1] == "changes" && m == "POST") {
        const auto json = bodyObject(request);
        const int count = json->optValue<int>("count", 1);
        const auto records = state.simulateChanges(count);
        auto body = JsonText::object();
        body->set("auditRecords", static_cast<int>(records.size()));
        return Reply::json(200, body);
    }
    if (n == 2 && s[1] == "dataset" && m == "GET") {
        Reply reply;
        reply.body = DataSetFile::toJson(state.snapshot());
        return reply;
    }
    if (n == 2 && s[1] == "dataset" && m == "PUT") {
        state.replaceData(DataSetFile::fromJson(request.body));
        return done();
    }
    if (n == 2 && s[1] == "reset" && m == "POST") {
        state.reset();
        return done();
    }
    return problem(404, "no control operation " + m + " " + request.path);
}

} // namespace

Reply ControlEndpoint::serve(EmulatorState& state, const ApiRequest& request) {
    try {
        return route(state, request);
    } catch (const Poco::NotFoundException& e) {
        return problem(404, e.displayText());
    } catch (const Poco::Exception& e) {
        return problem(400, e.displayText());
    } catch (const std::exception& e) {
        return problem(400, e.what());
    }
}

} // namespace mockhost::emulator
