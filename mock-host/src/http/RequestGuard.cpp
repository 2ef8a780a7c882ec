#include "http/RequestGuard.h"

#include <algorithm>
#include <cctype>

namespace mockhost {
namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

/// "127.0.0.1:8080" -> "127.0.0.1", "[::1]:8080" -> "[::1]", "Example.COM." -> "example.com".
std::string hostName(const std::string& hostHeader) {
    std::string name = hostHeader;
    if (!name.empty() && name.front() == '[') {
        const auto close = name.find(']');
        name = close == std::string::npos ? name : name.substr(0, close + 1);
    } else if (const auto colon = name.find(':'); colon != std::string::npos) {
        name = name.substr(0, colon);
    }
    if (!name.empty() && name.back() == '.')
        name.pop_back();
    return lower(name);
}

/// "http://127.0.0.1:8080/page?x" -> "http://127.0.0.1:8080"; an Origin is that already.
std::string originOf(const std::string& url) {
    const auto scheme = url.find("://");
    if (scheme == std::string::npos)
        return lower(url);
    const auto path = url.find_first_of("/?#", scheme + 3);
    return lower(path == std::string::npos ? url : url.substr(0, path));
}

bool isJson(const std::string& contentType) {
    const std::string type = lower(contentType.substr(0, contentType.find(';')));
    const auto first = type.find_first_not_of(" \t");
    const auto last = type.find_last_not_of(" \t");
    return first != std::string::npos && type.substr(first, last - first + 1) == "application/json";
}

bool mayChangeSomething(const GuardedRequest& request) {
    const bool api = request.path == "/api" || request.path.rfind("/api/", 0) == 0;
    return api && request.method != "GET" && request.method != "HEAD";
}

GuardRefusal refusal(int status, const std::string& field, const std::string& value,
                     const std::string& why) {
    return {status, field, field + " '" + value + "' is refused: " + why};
}

} // namespace

RequestGuard::RequestGuard(const std::vector<std::string>& extraHosts, bool https)
    : _hosts{"127.0.0.1", "localhost", "[::1]"}, _scheme(https ? "https://" : "http://") {
    for (const std::string& host : extraHosts)
        _hosts.push_back(hostName(host));
}

std::optional<GuardRefusal> RequestGuard::check(const GuardedRequest& request) const {
    if (request.host &&
        std::find(_hosts.begin(), _hosts.end(), hostName(*request.host)) == _hosts.end())
        return refusal(403, "Host", *request.host,
                       "this host serves only under its own names (add one with "
                       "--allowed-host).");
    if (!mayChangeSomething(request))
        return std::nullopt;
    if (!request.contentType || !isJson(*request.contentType))
        return refusal(415, "Content-Type", request.contentType.value_or(""),
                       "API calls take application/json.");
    // The origin this request was sent to, as a browser names it.
    const std::string self = _scheme + lower(request.host.value_or(""));
    if (request.origin) {
        if (!request.host || originOf(*request.origin) != self)
            return refusal(403, "Origin", *request.origin,
                           "only this host's own page may call its API.");
    } else if (request.referer) {
        if (!request.host || originOf(*request.referer) != self)
            return refusal(403, "Referer", *request.referer,
                           "only this host's own page may call its API.");
    }
    return std::nullopt;
}

} // namespace mockhost
