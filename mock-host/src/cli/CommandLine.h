#pragma once
/// `mock-host [command] [--option value | --flag]... [positional]...`, parsed once.
#include "host/HostOptions.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace mockhost {

class CommandLine {
public:
    /// Throws std::invalid_argument naming an option that lacks its value.
    static CommandLine parse(int argc, char** argv);

    const std::string& command() const { return _command; }
    const std::vector<std::string>& positionals() const { return _positionals; }
    bool has(const std::string& name) const { return _options.count(name) != 0; }
    std::optional<std::string> optional(const std::string& name) const;
    std::string value(const std::string& name, const std::string& fallback) const;
    /// Throws std::invalid_argument "--name is required".
    std::string required(const std::string& name) const;
    std::vector<std::string> values(const std::string& name) const;
    /// Throws std::invalid_argument naming the first option not in `allowed` nor common.
    void allowOnly(const std::set<std::string>& allowed) const;

    /// --db, --plugins, --schema-dir, --seed-demo, --clock, --log-file, --quiet,
    /// --demo-pc-url, --demo-login-url.
    HostOptions hostOptions() const;

private:
    std::string _command;
    std::vector<std::string> _positionals;
    std::multimap<std::string, std::string> _options;
};

} // namespace mockhost
