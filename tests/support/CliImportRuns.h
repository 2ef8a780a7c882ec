#pragma once
/// Import runs through the real `mock-host action --wait` command line in tests: a dry run to its
/// end and its results (one page of up to 1,000 tenants), and waiting until no live lease holds
/// an instance (a killed host's lease expires on its own, see ICT_LEASE_TTL_MS).

#include "support/CommandRunner.h"

#include <Poco/Data/Session.h>
#include <Poco/JSON/Parser.h>

#include <chrono>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>

namespace ict::test {

/// `action(name, body)` runs `mock-host action ... --wait import-customers <name> <body>`.
using CliAction = std::function<CommandResult(const std::string&, const std::string&)>;

/// Runs a dry run of `selection` to its end; returns its results answer (summary of the whole
/// run, direct and reseller groups of its first 1,000 tenants). Throws when a command fails.
inline Poco::JSON::Object::Ptr cliDryRun(const CliAction& action, const std::string& selection) {
    const auto parse = [](const std::string& text) {
        return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
    };
    const CommandResult started = action("import-dry-run", selection);
    if (started.exitCode != 0)
        throw std::runtime_error("dry run failed: " + started.err);
    const std::string runId =
        parse(started.out)->getObject("result")->getValue<std::string>("runId");
    const CommandResult results =
        action("import-results", "{\"runId\":\"" + runId + "\",\"limit\":1000}");
    if (results.exitCode != 0)
        throw std::runtime_error("import-results failed: " + results.err);
    return parse(results.out);
}

/// Waits (up to `patience`) until no unexpired lease is left in `table` (a tool's lease table);
/// false when one still is.
inline bool waitUntilNoLiveLease(Poco::Data::Session session, bool postgres,
                                 std::chrono::milliseconds patience,
                                 const std::string& table = "ict_run_leases") {
    using namespace Poco::Data::Keywords;
    const std::string nowMs = postgres
                                  ? "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)"
                                  : "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";
    const auto until = std::chrono::steady_clock::now() + patience;
    for (;;) {
        Poco::Int64 live = 0;
        session << "SELECT COUNT(*) FROM " + table + " WHERE expires_at_ms > " + nowMs, into(live),
            now;
        if (live == 0)
            return true;
        if (std::chrono::steady_clock::now() > until)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

} // namespace ict::test
