#pragma once
// A GatewayLogger that keeps every line, so tests can assert what was (and was not) logged.

#include "gateway/GatewayLogger.h"

#include <mutex>
#include <string>
#include <vector>

namespace ict::gateway::test {

class CapturingLogger : public GatewayLogger {
public:
    void log(GatewayLogLevel, const std::string& message) override {
        std::lock_guard<std::mutex> lock(_mutex);
        _lines.push_back(message);
    }
    std::vector<std::string> lines() const {
        std::lock_guard<std::mutex> lock(_mutex);
        return _lines;
    }
    /// Lines containing `text`.
    std::size_t count(const std::string& text) const {
        std::lock_guard<std::mutex> lock(_mutex);
        std::size_t n = 0;
        for (const auto& line : _lines)
            n += line.find(text) != std::string::npos ? 1 : 0;
        return n;
    }

private:
    mutable std::mutex _mutex;
    std::vector<std::string> _lines;
};

} // namespace ict::gateway::test
