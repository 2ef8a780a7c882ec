#pragma once
/// Where the gateway writes its log lines; the adapter maps it onto bss::sdk::Logger. Every line
/// the gateway writes carries MS-RequestId and MS-CorrelationId and never a token or secret.
/// Implementations must be thread-safe.

#include <string>

namespace ict::gateway {

enum class GatewayLogLevel { Debug, Info, Warning, Error };

class GatewayLogger {
public:
    virtual ~GatewayLogger() = default;
    virtual void log(GatewayLogLevel level, const std::string& message) = 0;
};

} // namespace ict::gateway
