#include "cli/CommandLine.h"

#include <stdexcept>

namespace mockhost {
namespace {

const std::set<std::string> kFlags{"seed-demo", "disable", "quiet", "help", "emulator", "wait"};
const std::set<std::string> kCommon{"db",          "key-file",       "plugins",  "schema-dir",
                                    "seed-demo",   "clock",          "log-file", "quiet",
                                    "demo-pc-url", "demo-login-url", "help"};
const std::set<std::string> kCommands{"serve",   "action", "plugins",    "enable-tool", "instance",
                                      "product", "user",   "rotate-key", "help"};

} // namespace

CommandLine CommandLine::parse(int argc, char** argv) {
    CommandLine line;
    int i = 1;
    if (i < argc && kCommands.count(argv[i]))
        line._command = argv[i++];
    else
        line._command = "serve";
    for (; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("--", 0) == 0 && arg.size() > 2) {
            std::string name = arg.substr(2);
            std::string value;
            const auto eq = name.find('=');
            if (eq != std::string::npos) {
                value = name.substr(eq + 1);
                name = name.substr(0, eq);
            } else if (!kFlags.count(name)) {
                if (i + 1 >= argc)
                    throw std::invalid_argument(arg + " needs a value");
                value = argv[++i];
            }
            line._options.emplace(name, value);
        } else {
            line._positionals.push_back(arg);
        }
    }
    return line;
}

std::optional<std::string> CommandLine::optional(const std::string& name) const {
    auto range = _options.equal_range(name);
    if (range.first == range.second)
        return std::nullopt;
    return std::prev(range.second)->second;
}

std::string CommandLine::value(const std::string& name, const std::string& fallback) const {
    return optional(name).value_or(fallback);
}

std::string CommandLine::required(const std::string& name) const {
    auto v = optional(name);
    if (!v || v->empty())
        throw std::invalid_argument("--" + name + " is required");
    return *v;
}

std::vector<std::string> CommandLine::values(const std::string& name) const {
    std::vector<std::string> result;
    auto range = _options.equal_range(name);
    for (auto it = range.first; it != range.second; ++it)
        result.push_back(it->second);
    return result;
}

void CommandLine::allowOnly(const std::set<std::string>& allowed) const {
    for (const auto& [name, value] : _options) {
        if (!allowed.count(name) && !kCommon.count(name))
            throw std::invalid_argument("--" + name + ": unknown option for '" + _command + "'");
    }
}

HostOptions CommandLine::hostOptions() const {
    HostOptions options;
    options.db = value("db", options.db);
    options.keyFile = value("key-file", "");
    options.pluginDir = value("plugins", options.pluginDir);
    options.schemaDir = value("schema-dir", options.schemaDir);
    options.seedDemo = has("seed-demo");
    options.clock = optional("clock");
    options.logFile = value("log-file", "");
    options.quiet = has("quiet");
    options.demoPartnerCenterUrl = value("demo-pc-url", options.demoPartnerCenterUrl);
    options.demoLoginUrl = value("demo-login-url", options.demoLoginUrl);
    return options;
}

} // namespace mockhost
