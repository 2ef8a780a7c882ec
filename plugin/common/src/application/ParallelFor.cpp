#include "application/ParallelFor.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace ict::application {

void parallelFor(std::size_t count, int threads, const std::function<void(std::size_t)>& body) {
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::exception_ptr first;
    std::mutex mutex;
    auto work = [&]() {
        for (std::size_t index = next++; index < count && !stop; index = next++) {
            try {
                body(index);
            } catch (...) {
                std::lock_guard<std::mutex> lock(mutex);
                if (!first)
                    first = std::current_exception();
                stop = true;
            }
        }
    };
    const std::size_t extra =
        std::min<std::size_t>(static_cast<std::size_t>(std::max(threads, 1)), count) -
        (count > 0 ? 1 : 0);
    std::vector<std::thread> workers;
    for (std::size_t i = 0; i < extra; ++i)
        workers.emplace_back(work);
    work();
    for (std::thread& worker : workers)
        worker.join();
    if (first)
        std::rethrow_exception(first);
}

} // namespace ict::application
