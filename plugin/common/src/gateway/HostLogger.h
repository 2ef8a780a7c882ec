#pragma once
/// GatewayLogger over the host's bss::sdk::Logger (levels map one to one). Thread-safe as the
/// host's logger is. Does not own the logger, which must outlive it.

#include "bss/sdk/Logger.h"
#include "gateway/GatewayLogger.h"

namespace ict::gateway {

class HostLogger : public GatewayLogger {
public:
    explicit HostLogger(bss::sdk::Logger& logger) : _logger(logger) {}
    void log(GatewayLogLevel level, const std::string& message) override;

private:
    bss::sdk::Logger& _logger;
};

} // namespace ict::gateway
