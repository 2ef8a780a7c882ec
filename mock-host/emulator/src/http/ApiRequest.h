#pragma once

#include <Poco/Net/NameValueCollection.h>

#include <map>
#include <string>
#include <vector>

namespace mockhost::emulator {

/// A request as the endpoints see it, read in full from the socket. Query keys are stored lower
/// case (Partner Center treats them case-insensitively); values are URL-decoded.
struct ApiRequest {
    std::string method;
    std::string path; ///< without the query
    std::vector<std::string> segments;
    std::map<std::string, std::string> query;
    Poco::Net::NameValueCollection headers; ///< case-insensitive names
    std::string body;
    std::map<std::string, std::string> params; ///< {name} parts of the matched route
    bool appOnly = false; ///< the access token came from the client credentials grant

    bool hasQuery(const std::string& lowerKey) const { return query.count(lowerKey) != 0; }
    std::string queryValue(const std::string& lowerKey, const std::string& fallback = "") const {
        const auto found = query.find(lowerKey);
        return found == query.end() ? fallback : found->second;
    }
    std::string param(const std::string& name) const {
        const auto found = params.find(name);
        return found == params.end() ? "" : found->second;
    }
};

} // namespace mockhost::emulator
