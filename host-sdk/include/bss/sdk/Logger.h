#pragma once
/// The host's log, lent to a tool. Thread-safe. Lines are prefixed by the host with the tool id.
/// Never pass a secret (token, app secret, password) in a message.

#include <string>

namespace bss::sdk {

enum class LogLevel { Unset = 0, Debug, Info, Warning, Error };

class Logger {
public:
    virtual ~Logger() = default;
    virtual void log(LogLevel level, const std::string& message) = 0;

    void debug(const std::string& message) { log(LogLevel::Debug, message); }
    void info(const std::string& message) { log(LogLevel::Info, message); }
    void warning(const std::string& message) { log(LogLevel::Warning, message); }
    void error(const std::string& message) { log(LogLevel::Error, message); }
};

} // namespace bss::sdk
