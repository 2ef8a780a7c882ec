#include "gateway/ServiceUrl.h"

#include "gateway/GatewayError.h"

#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/URI.h>

namespace ict::gateway {

ServiceUrl ServiceUrl::parse(const std::string& url, const std::string& what) {
    const auto bad = [&](const std::string& why) {
        return GatewayError(GatewayErrorKind::Rejected, what,
                            "'" + url + "' is not a usable URL: " + why);
    };
    Poco::URI uri;
    try {
        uri = Poco::URI(Poco::trim(url));
    } catch (const Poco::Exception& e) {
        throw bad(e.message());
    }
    if (Poco::toLower(uri.getScheme()) != "https")
        throw bad("the scheme must be https");
    if (uri.getHost().empty())
        throw bad("no host");
    ServiceUrl result;
    result.host = uri.getHost();
    result.port = uri.getPort();
    result.basePath = uri.getPath();
    while (!result.basePath.empty() && result.basePath.back() == '/')
        result.basePath.pop_back();
    return result;
}

} // namespace ict::gateway
