#include "application/FreeMemory.h"

#include <atomic>
#include <chrono>
#include <cstdint>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace ict::application {

void returnFreeMemory() {
#if defined(__GLIBC__)
    using Clock = std::chrono::steady_clock;
    static std::atomic<std::int64_t> lastMillis{0};
    const std::int64_t now =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch())
            .count();
    std::int64_t last = lastMillis.load();
    // One caller a second does the walk (it visits every arena's free lists: a few milliseconds).
    if (now - last < 1000 || !lastMillis.compare_exchange_strong(last, now))
        return;
    malloc_trim(0);
#endif
}

} // namespace ict::application
