#pragma once

#include "common/SeededRandom.h"
#include "faults/FaultSettings.h"

#include <mutex>

namespace mockhost::emulator {

enum class Fault {
    None,
    ServerError,
    Timeout,
    CutConnection,
    Malformed,
    Truncated,
    Throttled,
    SlowBody
};

/// Draws one fault decision per request from the seeded generator, and counts the calls to
/// customer resources for FaultSettings::throttleEveryNth. Thread-safe.
class FaultInjector {
public:
    explicit FaultInjector(const FaultSettings& settings);

    /// Replaces the settings, restarts the generator from settings.seed and the customer call
    /// count from 0.
    void configure(const FaultSettings& settings);
    FaultSettings settings() const;
    /// The fault for the next request; for ServerError also the status to send (500/502/503).
    Fault next(int& serverErrorStatus);
    /// Uses up one of the counted token faults `count` (e.g. &FaultSettings::dropTokenAnswers):
    /// true when one was left.
    bool take(int FaultSettings::*count);
    /// Counts one call to a customer resource; true when it is the Nth, 2Nth, ... of
    /// throttleEveryNth (always false when that is 0).
    bool countCustomerCall();

private:
    mutable std::mutex _mutex;
    FaultSettings _settings;
    SeededRandom _random;
    std::uint64_t _customerCalls = 0;
};

} // namespace mockhost::emulator
