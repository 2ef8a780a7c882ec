#include "services/LogSink.h"

#include "support/IsoTime.h"

#include <iostream>
#include <stdexcept>

namespace mockhost {
namespace {

const char* levelName(bss::sdk::LogLevel level) {
    switch (level) {
    case bss::sdk::LogLevel::Debug:
        return "DEBUG";
    case bss::sdk::LogLevel::Info:
        return "INFO ";
    case bss::sdk::LogLevel::Warning:
        return "WARN ";
    case bss::sdk::LogLevel::Error:
        return "ERROR";
    case bss::sdk::LogLevel::Unset:
        break;
    }
    return "?    ";
}

} // namespace

LogSink::LogSink(const std::string& filePath) {
    if (!filePath.empty()) {
        _file.open(filePath, std::ios::app);
        if (!_file)
            throw std::runtime_error("--log-file: cannot open '" + filePath + "' for appending");
    }
}

void LogSink::setMinimumLevel(bss::sdk::LogLevel level) {
    std::lock_guard<std::mutex> lock(_mutex);
    _minimum = level;
}

void LogSink::write(bss::sdk::LogLevel level, const std::string& source,
                    const std::string& message) {
    // Log time is the real time even when the host clock is set: logs are for people.
    const std::string line = formatIso(std::chrono::system_clock::now()) + " " + levelName(level) +
                             " [" + source + "] " + message + "\n";
    std::lock_guard<std::mutex> lock(_mutex);
    if (static_cast<int>(level) < static_cast<int>(_minimum))
        return;
    std::cerr << line << std::flush;
    if (_file.is_open())
        _file << line << std::flush;
}

} // namespace mockhost
