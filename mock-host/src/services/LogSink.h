#pragma once
/// Where the host's log lines go: stderr, and a file when one is given. Thread-safe.
/// Line format: "2026-01-31T10:00:00Z INFO  [source] message".
#include <bss/sdk/Logger.h>

#include <fstream>
#include <mutex>
#include <string>

namespace mockhost {

class LogSink {
public:
    /// @param filePath appended to when not empty; throws std::runtime_error if it cannot open.
    explicit LogSink(const std::string& filePath = {});
    void write(bss::sdk::LogLevel level, const std::string& source, const std::string& message);
    /// Drops lines below `level` (default Info).
    void setMinimumLevel(bss::sdk::LogLevel level);

private:
    std::mutex _mutex;
    std::ofstream _file;
    bss::sdk::LogLevel _minimum = bss::sdk::LogLevel::Info;
};

} // namespace mockhost
