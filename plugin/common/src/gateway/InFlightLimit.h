#pragma once
/// Bounds the requests of one instance on the wire at once (a counting semaphore). Thread-safe.

#include <condition_variable>
#include <mutex>

namespace ict::gateway {

class InFlightLimit {
public:
    explicit InFlightLimit(int maxInFlight);

    /// Holds one slot for its lifetime.
    class Slot {
    public:
        explicit Slot(InFlightLimit& limit);
        ~Slot();
        Slot(const Slot&) = delete;
        Slot& operator=(const Slot&) = delete;

    private:
        InFlightLimit& _limit;
    };

    int highWater() const;

private:
    const int _max;
    mutable std::mutex _mutex;
    std::condition_variable _freed;
    int _inFlight = 0;
    int _highWater = 0;
};

} // namespace ict::gateway
