#include "db/HostDatabase.h"

#include <bss/sdk/ToolError.h>

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SessionPool.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include <fcntl.h>
#include <mutex>
#include <thread>
#include <unistd.h>

using namespace Poco::Data::Keywords;
using bss::sdk::ErrorCode;
using bss::sdk::ToolError;

namespace mockhost {
namespace {

void registerConnectors() {
    // Registration is process-wide and must happen once, even with several databases (tests).
    static std::once_flag once;
    std::call_once(once, [] {
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::PostgreSQL::Connector::registerConnector();
    });
}

/// Whether a SQLite connection string names a plain file (not ":memory:" or a "file:" URI).
bool isFilePath(const std::string& path) {
    return !path.empty() && path != ":memory:" && path.rfind("file:", 0) != 0;
}

/// A new SQLite file is made readable by its owner alone, whatever the umask; SQLite gives its
/// -wal and -shm files the same mode. An existing file keeps its mode.
void createOwnerOnly(const std::string& path) {
    if (!isFilePath(path))
        return;
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd >= 0)
        ::close(fd);
}

void prepareSqlite(Poco::Data::Session& session) {
    // Both are per connection, and the pool opens new connections over time.
    session << "PRAGMA foreign_keys = ON", now;
    session << "PRAGMA busy_timeout = 5000", now;
}

} // namespace

HostDatabase::HostDatabase(DatabaseSpec spec, std::chrono::milliseconds waitForSession,
                           int maxSessions)
    : _spec(std::move(spec)), _secrets(std::make_unique<HostSecrets>(defaultKeyFile(_spec))),
      _waitForSession(waitForSession) {
    registerConnectors();
    try {
        if (_spec.dialect == bss::sdk::SqlDialect::SQLite) {
            Poco::Path parent = Poco::Path(_spec.connectionString).parent();
            if (!parent.toString().empty())
                Poco::File(parent).createDirectories();
            createOwnerOnly(_spec.connectionString);
        }
        _pool = std::make_unique<Poco::Data::SessionPool>(_spec.connector, _spec.connectionString,
                                                          1, maxSessions, 60);
        Poco::Data::Session first = _pool->get();
        if (_spec.dialect == bss::sdk::SqlDialect::SQLite) {
            std::string mode;
            first << "PRAGMA journal_mode = WAL", into(mode), now;
        }
    } catch (const Poco::Exception& e) {
        _pool.reset();
        throw ToolError(ErrorCode::Unavailable,
                        "Cannot open the " + _spec.connector + " database: " + e.displayText());
    }
}

HostDatabase::~HostDatabase() {
    close();
}

void HostDatabase::close() {
    if (_pool) {
        _pool->shutdown();
        _pool.reset();
    }
}

Poco::Data::Session HostDatabase::session() {
    if (!_pool)
        throw ToolError(ErrorCode::Unavailable, "The host database is closed.");
    // Poco's pool throws at once when exhausted; a short wait serves bursts instead of failing.
    const auto deadline = std::chrono::steady_clock::now() + _waitForSession;
    for (;;) {
        try {
            Poco::Data::Session session = _pool->get();
            if (_spec.dialect == bss::sdk::SqlDialect::SQLite)
                prepareSqlite(session);
            return session;
        } catch (const Poco::Data::SessionPoolExhaustedException&) {
            if (std::chrono::steady_clock::now() >= deadline)
                throw ToolError(ErrorCode::Unavailable,
                                "The host database has no free session after " +
                                    std::to_string(_waitForSession.count()) + " ms; try again.");
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        } catch (const Poco::Exception& e) {
            throw ToolError(ErrorCode::Unavailable,
                            "The host database is unavailable: " + e.displayText());
        }
    }
}

void HostDatabase::useKeyFile(const std::string& path) {
    _secrets = std::make_unique<HostSecrets>(path);
}

std::string HostDatabase::defaultKeyFile(const DatabaseSpec& spec) {
    if (spec.dialect == bss::sdk::SqlDialect::SQLite && isFilePath(spec.connectionString))
        return spec.connectionString + ".key";
    return "var/host.key";
}

} // namespace mockhost
