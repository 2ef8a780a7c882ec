#pragma once

#include <cstdint>
#include <string>

namespace mockhost::emulator {

/// A small deterministic generator (splitmix64): the same seed yields the same sequence on every
/// platform and standard library, which std::uniform_*_distribution does not promise.
/// Not thread-safe; callers that share one guard it.
class SeededRandom {
public:
    explicit SeededRandom(std::uint64_t seed) : _state(seed) {}

    std::uint64_t next();
    /// Uniform in [0, bound); bound 0 yields 0.
    std::uint64_t below(std::uint64_t bound);
    /// Uniform in [low, high] (inclusive).
    int between(int low, int high);
    /// Uniform in [0, 1).
    double unit();
    /// True with the given probability (0..1).
    bool chance(double probability);
    /// A version-4 shaped GUID, lower case, drawn from this sequence.
    std::string guid();
    /// An upper-case hexadecimal string of the given length.
    std::string hex(int length);

private:
    std::uint64_t _state;
};

} // namespace mockhost::emulator
