#pragma once

#include "control/EmulatorState.h"
#include "http/ApiRequest.h"
#include "http/Reply.h"

#include <functional>
#include <string>
#include <vector>

namespace mockhost::emulator {

enum class RouteKind { Token, PartnerCenter };

/// One endpoint: method, path pattern ("v1/customers/{customerId}"; literals compare
/// case-insensitively), the counter name and the function that answers.
struct Route {
    std::string method;
    std::vector<std::string> pattern;
    std::string name;
    RouteKind kind;
    /// App+user only (indirect-reseller APIs, MPN profile): app-only tokens get 403/900329.
    bool appUserOnly;
    std::function<Reply(EmulatorState&, const ApiRequest&)> serve;
};

/// The emulated endpoints. Immutable after construction, so shared by all threads.
class Router {
public:
    Router();

    /// The route for the request, with request.params filled; nullptr when no path matches.
    /// `wrongMethod` is set when a path matched under another method only.
    const Route* match(ApiRequest& request, bool& wrongMethod) const;

private:
    void add(const std::string& method, const std::string& pattern, const std::string& name,
             RouteKind kind, std::function<Reply(EmulatorState&, const ApiRequest&)> serve,
             bool appUserOnly = false);

    std::vector<Route> _routes;
};

} // namespace mockhost::emulator
