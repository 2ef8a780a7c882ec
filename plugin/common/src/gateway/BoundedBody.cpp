#include "gateway/BoundedBody.h"

#include <algorithm>

namespace ict::gateway {

BodyReadOutcome readBoundedBody(std::istream& in, std::size_t cap,
                                std::chrono::steady_clock::time_point deadline, std::string& body) {
    char chunk[16384];
    const std::size_t start = body.size();
    for (;;) {
        if (std::chrono::steady_clock::now() > deadline)
            return BodyReadOutcome::TooSlow;
        // peek() makes one read from the socket at most; istream::read of a whole chunk would
        // block until the chunk is full, so a trickle would never reach the deadline check.
        // A failing read ends the stream as istream does; the caller compares the length.
        if (in.peek() == std::istream::traits_type::eof())
            return BodyReadOutcome::Complete;
        const std::streamsize buffered = std::max<std::streamsize>(1, in.rdbuf()->in_avail());
        // One byte past the cap tells a body of exactly `cap` bytes from a longer one.
        const std::size_t room = cap + 1 - (body.size() - start);
        in.read(chunk, static_cast<std::streamsize>(
                           std::min({sizeof chunk, room, static_cast<std::size_t>(buffered)})));
        body.append(chunk, static_cast<std::size_t>(in.gcount()));
        if (body.size() - start > cap) {
            body.resize(start + cap);
            return BodyReadOutcome::TooLarge;
        }
    }
}

} // namespace ict::gateway
