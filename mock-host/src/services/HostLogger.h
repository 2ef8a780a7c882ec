#pragma once
/// A bss::sdk::Logger that prefixes every line with a source (the tool id, or "host").
#include "services/LogSink.h"

#include <bss/sdk/Logger.h>

#include <memory>
#include <string>

namespace mockhost {

class HostLogger : public bss::sdk::Logger {
public:
    HostLogger(std::shared_ptr<LogSink> sink, std::string source)
        : _sink(std::move(sink)), _source(std::move(source)) {}
    void log(bss::sdk::LogLevel level, const std::string& message) override {
        _sink->write(level, _source, message);
    }

private:
    std::shared_ptr<LogSink> _sink;
    std::string _source;
};

} // namespace mockhost
