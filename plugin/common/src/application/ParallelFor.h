#pragma once
/// Runs work items side by side on a few threads: the pattern of reading many tenants from
/// Partner Center at once (the client bounds requests in flight and paces them).

#include <cstddef>
#include <functional>

namespace ict::application {

/// Calls body(i) for each i in [0, count) on up to `threads` threads (the caller's among them).
/// When a call throws, no further item is started; after every thread stopped, the first
/// exception is rethrown. Items that are not run are simply skipped.
void parallelFor(std::size_t count, int threads, const std::function<void(std::size_t)>& body);

} // namespace ict::application
