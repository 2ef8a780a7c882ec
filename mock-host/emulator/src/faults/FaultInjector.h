#pragma once

#include "common/SeededRandom.h"
#include "faults/FaultSettings.h"

#include <mutex>

namespace mockhost::emulator {

enum class Fault { None, ServerError, Timeout, CutConnection, Malformed, Truncated, Throttled };

/// Draws one fault decision per request from the seeded generator. Thread-safe.
class FaultInjector {
public:
    explicit FaultInjector(const FaultSettings& settings);

    /// Replaces the settings and restarts the generator from settings.seed.
    void configure(const FaultSettings& settings);
    FaultSettings settings() const;
    /// The fault for the next request; for ServerError also the status to send (500/502/503).
    Fault next(int& serverErrorStatus);
    /// Uses up one of the counted token faults `count` (e.g. &FaultSettings::dropTokenAnswers):
    /// true when one was left.
    bool take(int FaultSettings::*count);

private:
    mutable std::mutex _mutex;
    FaultSettings _settings;
    SeededRandom _random;
};

} // namespace mockhost::emulator
