#pragma once

#include "EmulatorOptions.h"

#include <Poco/JSON/Object.h>

#include <string>
#include <utility>
#include <vector>

namespace mockhost::emulator {

/// A response before it is written, so faults can rewrite it.
struct Reply {
    int status = 200;
    std::string body;
    std::string contentType = "application/json; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;
    /// Close the connection instead of answering (an answer lost on the way back).
    bool dropConnection = false;

    static Reply json(int status, const Poco::JSON::Object::Ptr& body);
    /// Partner Center's error body {"code":N,"description":..,"data":[],"source":"PartnerFD"}.
    static Reply partnerError(int status, int code, const std::string& description,
                              const CompatibilityOptions& compatibility);
    /// The API gateway's {"statusCode":N,"message":..}.
    static Reply gatewayError(int status, const std::string& message);
};

} // namespace mockhost::emulator
