#pragma once
/// Reading an answer's body with two bounds a hostile or broken peer cannot stretch: a size cap
/// (a body past it is not read further) and a deadline for the whole body (a peer trickling a
/// byte just inside the per-read timeout would otherwise hold a worker for hours). The deadline
/// is checked before each read from the socket, so it is overrun by one read's timeout at most.
/// A stream that fails mid-body ends the body, as istream::read would have it: the caller tells
/// a cut answer by its announced length.

#include <chrono>
#include <cstddef>
#include <istream>
#include <string>

namespace ict::gateway {

enum class BodyReadOutcome {
    Complete, ///< the stream ended within both bounds; the body is whole
    TooLarge, ///< more than the cap arrived; the body holds the first `cap` bytes
    TooSlow   ///< the deadline passed before the stream ended
};

/// Appends the stream's bytes to `body` until it ends or a bound is met.
BodyReadOutcome readBoundedBody(std::istream& in, std::size_t cap,
                                std::chrono::steady_clock::time_point deadline, std::string& body);

} // namespace ict::gateway
