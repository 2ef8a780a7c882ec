#include "gateway/HostLogger.h"

namespace ict::gateway {

void HostLogger::log(GatewayLogLevel level, const std::string& message) {
    switch (level) {
    case GatewayLogLevel::Debug:
        _logger.log(bss::sdk::LogLevel::Debug, message);
        return;
    case GatewayLogLevel::Info:
        _logger.log(bss::sdk::LogLevel::Info, message);
        return;
    case GatewayLogLevel::Warning:
        _logger.log(bss::sdk::LogLevel::Warning, message);
        return;
    case GatewayLogLevel::Error:
        break;
    }
    _logger.log(bss::sdk::LogLevel::Error, message);
}

} // namespace ict::gateway
