#include "http/Reply.h"

#include "common/JsonText.h"

#include <Poco/JSON/Array.h>

namespace mockhost::emulator {

Reply Reply::json(int status, const Poco::JSON::Object::Ptr& body) {
    Reply reply;
    reply.status = status;
    reply.body = JsonText::write(body);
    return reply;
}

Reply Reply::partnerError(int status, int code, const std::string& description,
                          const CompatibilityOptions& compatibility) {
    auto body = JsonText::object();
    if (compatibility.errorCodeAsString)
        body->set("code", std::to_string(code));
    else
        body->set("code", code);
    body->set("description", description);
    body->set("data", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
    body->set("source", "PartnerFD");
    return json(status, body);
}

Reply Reply::gatewayError(int status, const std::string& message) {
    auto body = JsonText::object();
    body->set("statusCode", status);
    body->set("message", message);
    return json(status, body);
}

} // namespace mockhost::emulator
