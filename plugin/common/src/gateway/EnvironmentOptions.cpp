#include "gateway/EnvironmentOptions.h"

#include <Poco/Environment.h>
#include <Poco/NumberParser.h>

namespace ict::gateway {
namespace {

double number(const std::string& name, double fallback) {
    const std::string text = Poco::Environment::get(name, "");
    double value = 0;
    return !text.empty() && Poco::NumberParser::tryParseFloat(text, value) && value > 0 ? value
                                                                                        : fallback;
}

} // namespace

ClientOptions clientOptionsFromEnvironment() {
    ClientOptions options;
    options.requestsPerMinute = number("ICT_PC_REQUESTS_PER_MINUTE", options.requestsPerMinute);
    options.maxInFlight = static_cast<int>(number("ICT_PC_MAX_IN_FLIGHT", options.maxInFlight));
    options.maxIdleSessionsPerHost = options.maxInFlight;
    options.maxAttempts = static_cast<int>(number("ICT_PC_MAX_ATTEMPTS", options.maxAttempts));
    options.pageSize = static_cast<int>(number("ICT_PC_PAGE_SIZE", options.pageSize));
    options.backoffBase = std::chrono::milliseconds(static_cast<long long>(
        number("ICT_PC_BACKOFF_MS", static_cast<double>(options.backoffBase.count()))));
    options.retryAfterMax = std::chrono::milliseconds(static_cast<long long>(
        number("ICT_PC_RETRY_AFTER_MAX_MS", static_cast<double>(options.retryAfterMax.count()))));
    options.ioTimeout = std::chrono::milliseconds(static_cast<long long>(
        number("ICT_PC_TIMEOUT_MS", static_cast<double>(options.ioTimeout.count()))));
    return options;
}

} // namespace ict::gateway
