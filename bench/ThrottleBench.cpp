#include "ThrottleBench.h"

#include "BenchSupport.h"
#include "EmulatorProcess.h"

#include <cstdio>
#include <iostream>

namespace ict::bench {
namespace {

/// What a throttled run cost: its /v1 requests (the token endpoint is neither limited nor
/// throttled) and the 429s among them.
struct ThrottledRun {
    double seconds = 0;
    std::int64_t requests = 0;
    std::int64_t throttled = 0;
};

std::int64_t countOf(const std::map<std::string, std::int64_t>& counters, const std::string& name) {
    const auto found = counters.find(name);
    return found == counters.end() ? 0 : found->second;
}

ThrottledRun throttledHierarchy(EmulatorProcess& pc, int clientPerMinute) {
    ToolHarness h(defaultClient(clientPerMinute));
    const std::int64_t id = h.addInstance(pc.instanceRecord(h, "Bench PC"));
    pc.resetCounters();
    ThrottledRun run;
    JsonObject job;
    run.seconds = timedHierarchy(h, id, "mass", &job);
    const JsonObject result = job->getObject("result");
    std::printf("  Get Hierarchy: %d tenant rows, %d tenants could not be read\n",
                result->getValue<int>("tenants"), result->getValue<int>("failures"));
    const auto counters = pc.counters();
    run.requests = countOf(counters, "total") - countOf(counters, "token");
    run.throttled = countOf(counters, "throttled");
    std::cout << "  emulator requests:";
    for (const auto& [name, count] : counters)
        std::cout << " " << name << "=" << count;
    std::cout << "\n";
    return run;
}

} // namespace

int benchThrottleLimit(int tenants, int limit, int client, int burst) {
    header("throttle-limit: Partner Center's limit below the client's rate");
    std::vector<std::string> flags = emulatorFlags(tenants, 19);
    for (const std::string& flag : {std::string("--rate-limit"), std::to_string(limit),
                                    std::string("--rate-limit-burst"), std::to_string(burst)})
        flags.push_back(flag);
    EmulatorProcess pc(flags);
    const ThrottledRun run = throttledHierarchy(pc, client);
    const std::int64_t served = run.requests - run.throttled;
    const double bound = 60.0 * static_cast<double>(served) / limit;
    const double boundAll = 60.0 * static_cast<double>(run.requests) / limit;
    std::printf("  tenants=%d; emulator %d/min with a bucket of %d token(s); client %d/min, 4 in "
                "flight\n",
                tenants, limit, burst, client);
    std::printf("  wall %.2f s; /v1 requests %lld, 429s %lld = %.2f%% (goal <= 5%%)\n"
                "  wall / (requests answered / limit) = %.2f s / %.2f s = %.3f; "
                "wall / (all requests / limit) = %.3f (goal <= 1.15)\n",
                run.seconds, static_cast<long long>(run.requests),
                static_cast<long long>(run.throttled), 100.0 * run.throttled / run.requests,
                run.seconds, bound, run.seconds / bound, run.seconds / boundAll);
    return 0;
}

int benchThrottleFifth(int tenants, int client, int every, int retryAfter) {
    header("throttle-fifth: every Nth customer-resource call answered 429, whatever the rate");
    // The same data twice: without the fault (the calls' own time), then with it.
    ThrottledRun baseline;
    {
        EmulatorProcess calm(emulatorFlags(tenants, 23));
        baseline = throttledHierarchy(calm, client);
    }
    std::vector<std::string> flags = emulatorFlags(tenants, 23);
    for (const std::string& flag :
         {std::string("--throttle-every"), std::to_string(every),
          std::string("--throttle-every-retry-after"), std::to_string(retryAfter)})
        flags.push_back(flag);
    EmulatorProcess pc(flags);
    const ThrottledRun run = throttledHierarchy(pc, client);
    // Lower bound: every Retry-After waited and every request's own time spent, 4 at a time;
    // the requests' time from the fault-free run, scaled to the requests made.
    const double requestSeconds =
        baseline.seconds * static_cast<double>(run.requests) / baseline.requests;
    const double bound = static_cast<double>(run.throttled) * retryAfter / 4.0 + requestSeconds;
    std::printf("  tenants=%d; every %dth customer-resource call 429, Retry-After %d s; client "
                "%d/min, 4 in flight\n",
                tenants, every, retryAfter, client);
    std::printf("  without the fault: %.2f s, %lld /v1 requests\n", baseline.seconds,
                static_cast<long long>(baseline.requests));
    std::printf("  with it: wall %.2f s; /v1 requests %lld, 429s %lld\n"
                "  bound (429s x Retry-After / 4 + %.2f s of requests) %.2f s; ratio %.3f "
                "(goal <= 1.3)\n",
                run.seconds, static_cast<long long>(run.requests),
                static_cast<long long>(run.throttled), requestSeconds, bound, run.seconds / bound);
    return 0;
}

} // namespace ict::bench
