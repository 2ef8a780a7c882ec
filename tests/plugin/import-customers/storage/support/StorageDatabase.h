#pragma once
// A fresh host database (ICT_TEST_DB) with the host schema and the tool's migrations applied, for
// the storage suites: what a started tool finds, without the host's services or the tool itself.

#include "db/HostDatabase.h"
#include "db/HostSchema.h"
#include "storage/Migrations.h"
#include "support/TestDatabase.h"

#include <Poco/Data/Session.h>

#include <memory>
#include <string>

namespace ict::storage::test {

class StorageDatabase {
public:
    static constexpr const char* kAppliedAt = "2026-01-01T00:00:00Z";

    StorageDatabase() : _testDb(std::make_unique<ict::test::TestDatabase>()) {
        _db = open();
        mockhost::HostSchema(MOCK_HOST_SCHEMA_DIR).apply(*_db, kAppliedAt);
        ict::storage::migrate(*_db, ict::storage::toolMigrations(_db->dialect()), kAppliedAt);
    }

    ~StorageDatabase() {
        _db.reset(); // the pool closes before the database is dropped
        _testDb.reset();
    }

    StorageDatabase(const StorageDatabase&) = delete;
    StorageDatabase& operator=(const StorageDatabase&) = delete;

    mockhost::HostDatabase& database() { return *_db; }
    bss::sdk::SqlDialect dialect() const { return _db->dialect(); }

    /// Another pool on the same database, as a second host would have.
    std::unique_ptr<mockhost::HostDatabase> open() const {
        return std::make_unique<mockhost::HostDatabase>(
            mockhost::DatabaseSpec::parse(_testDb->hostOption()));
    }

    /// The single integer `sql` (no parameters) gives.
    long long count(const std::string& sql) {
        Poco::Data::Session session = _db->session();
        Poco::Int64 value = 0;
        session << sql, Poco::Data::Keywords::into(value), Poco::Data::Keywords::now;
        return value;
    }

private:
    std::unique_ptr<ict::test::TestDatabase> _testDb;
    std::unique_ptr<mockhost::HostDatabase> _db;
};

} // namespace ict::storage::test
