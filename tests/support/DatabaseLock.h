#pragma once
/// Locks the host database against writers from a connection and thread of its own, as another
/// process would: SQLite's write lock (BEGIN IMMEDIATE), or on PostgreSQL an EXCLUSIVE lock of
/// microsoft_instances (reads go on, writes of the table wait). start() returns once the lock is
/// held; it is given back `hold` later. The destructor waits for that.
#include "db/HostDatabase.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace ict::test {

class DatabaseLock {
public:
    DatabaseLock(mockhost::HostDatabase& database, std::chrono::milliseconds hold)
        : _database(database), _hold(hold) {}
    ~DatabaseLock() { join(); }
    DatabaseLock(const DatabaseLock&) = delete;
    DatabaseLock& operator=(const DatabaseLock&) = delete;

    void start() {
        _thread = std::thread([this] {
            using namespace Poco::Data::Keywords;
            Poco::Data::Session session = _database.session();
            if (_database.dialect() == bss::sdk::SqlDialect::PostgreSQL) {
                session << "BEGIN", now;
                session << "LOCK TABLE microsoft_instances IN EXCLUSIVE MODE", now;
            } else {
                session << "BEGIN IMMEDIATE", now;
            }
            {
                std::lock_guard<std::mutex> lock(_mutex);
                _held = true;
            }
            _changed.notify_all();
            std::this_thread::sleep_for(_hold);
            session << "ROLLBACK", now;
        });
        std::unique_lock<std::mutex> lock(_mutex);
        _changed.wait(lock, [this] { return _held; });
    }
    /// Waits until the lock is given back.
    void join() {
        if (_thread.joinable())
            _thread.join();
    }

private:
    mockhost::HostDatabase& _database;
    std::chrono::milliseconds _hold;
    std::thread _thread;
    std::mutex _mutex;
    std::condition_variable _changed;
    bool _held = false;
};

} // namespace ict::test
