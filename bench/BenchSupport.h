#pragma once
// What every benchmark of ict_bench shares: timing, the harness's client settings, Get Hierarchy
// and import runs to their end, the products every saved offer needs, and the tenant page's
// latency. The real tool on the mock host's services and database (ICT_TEST_DB).

#include "support/ToolHarness.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace ict::bench {

using JsonObject = Poco::JSON::Object::Ptr;
using Clock = std::chrono::steady_clock;
using application::test::ToolHarness;

double secondsSince(Clock::time_point start);
std::string str(const JsonObject& object, const std::string& field);
/// "sqlite" or "postgresql" (ICT_TEST_DB).
std::string dbName();
void header(const std::string& figure);

/// Emulator options of the in-process benchmarks: direct model, `seed`, up to 10 subscriptions a
/// tenant (~6.1 on average: 10,000 tenants carry ~61,000), no rate limit, 32 threads.
mockhost::emulator::EmulatorOptions emulatorOptions(int tenants, std::uint64_t seed);
/// The same as partner-center-emulator flags (after which the caller appends its own).
std::vector<std::string> emulatorFlags(int tenants, std::uint64_t seed);

/// Client tunables: no client-side limit, `maxInFlight` requests at once.
std::map<std::string, std::string> fastClient(int maxInFlight);
/// The client's production defaults (300/min, 4 in flight, 500 ms backoff, 5 attempts, 60 s
/// timeout, Retry-After honoured up to 300 s) with `perMinute` as its rate.
std::map<std::string, std::string> defaultClient(int perMinute);

/// Polls job-status until the job ends (no deadline); calls `onStatus` with each status.
JsonObject waitJob(ToolHarness& h, const std::string& jobId,
                   const std::function<void(const JsonObject&)>& onStatus = {});

/// Seconds from a run's start to the first status showing each progress phase.
using PhaseTimes = std::map<std::string, double>;
void printPhases(const PhaseTimes& phases, double total);

/// Runs a Get Hierarchy of `mode`; returns its wall time. Throws unless it succeeds.
double timedHierarchy(ToolHarness& h, std::int64_t instanceId, const std::string& mode,
                      JsonObject* final = nullptr, PhaseTimes* phases = nullptr);

/// What an import run to its end took.
struct ImportRun {
    double seconds = 0;
    double firstBatch = -1; ///< When the first batch was written.
    std::string runId;
    JsonObject summary;
};
/// Imports every importable tenant of the instance; throws unless the job succeeds.
ImportRun timedImport(ToolHarness& h, std::int64_t instanceId);

/// A product for every offer (with its billing plans) the saved hierarchy of the instance holds,
/// so an import of every tenant fails no subscription for an unmapped offer.
void mapSavedOffers(ToolHarness& h, std::int64_t instanceId);

/// The tenant list's latency: 38 kinds of request (5 sorts x 2 directions x 3 offsets, 8
/// filters) x 5 rounds, 50 rows a page; prints p50, p95, max and the slowest kinds.
struct PageLatency {
    double p50 = 0, p95 = 0, max = 0;
    std::size_t calls = 0;
};
PageLatency tenantPageLatency(ToolHarness& h, std::int64_t instanceId, int tenants);

} // namespace ict::bench
