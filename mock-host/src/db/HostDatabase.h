#pragma once
/// The host database: a Poco::Data::SessionPool over SQLite or PostgreSQL, lent to tools.
///
/// Threading: thread-safe; each Session it hands out belongs to one thread. Lifetime: close() (or
/// the destructor) shuts the pool down; sessions still held then are invalid.
#include "db/DatabaseSpec.h"
#include "secrets/HostSecrets.h"

#include <bss/sdk/Database.h>

#include <Poco/Data/SessionPool.h>

#include <chrono>
#include <memory>

namespace mockhost {

class HostDatabase : public bss::sdk::Database {
public:
    /// Registers the connectors, opens the pool and checks one connection. SQLite: creates the
    /// file's folder, switches the file to WAL. Throws bss::sdk::ToolError(Unavailable) with the
    /// driver's text when the database cannot be opened.
    /// @param waitForSession how long session() waits for a free pooled session.
    explicit HostDatabase(DatabaseSpec spec,
                          std::chrono::milliseconds waitForSession = std::chrono::seconds(10),
                          int maxSessions = 16);
    ~HostDatabase() override;
    HostDatabase(const HostDatabase&) = delete;
    HostDatabase& operator=(const HostDatabase&) = delete;

    /// A pooled session; SQLite sessions have foreign keys on and a 5 s busy timeout. Waits up
    /// to the bound for a free one, then throws ToolError(Unavailable).
    Poco::Data::Session session() override;
    bss::sdk::SqlDialect dialect() const override { return _spec.dialect; }
    const DatabaseSpec& spec() const { return _spec; }

    /// Shuts the pool down. Idempotent.
    void close();

    /// The secrets of the host's tables, sealed with the keys of the key file: by default the
    /// SQLite file's path + ".key", or var/host.key for PostgreSQL (useKeyFile() names another).
    HostSecrets& secrets() { return *_secrets; }
    /// Names the key file; call before the first secret is sealed or opened.
    void useKeyFile(const std::string& path);
    /// The key file of `spec` when none is named.
    static std::string defaultKeyFile(const DatabaseSpec& spec);

private:
    DatabaseSpec _spec;
    std::unique_ptr<HostSecrets> _secrets;
    std::chrono::milliseconds _waitForSession;
    std::unique_ptr<Poco::Data::SessionPool> _pool;
};

} // namespace mockhost
