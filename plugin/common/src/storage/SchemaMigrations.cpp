#include "storage/SchemaMigrations.h"

#include "storage/SqlText.h"

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>

using namespace Poco::Data::Keywords;

namespace ict::storage {

int migrateTables(bss::sdk::Database& database, const std::string& table,
                  const std::vector<Migration>& migrations, const std::string& appliedAtIso) {
    Poco::Data::Session session = database.session();
    const bss::sdk::SqlDialect dialect = database.dialect();
    const bool postgres = dialect == bss::sdk::SqlDialect::PostgreSQL;
    session << "CREATE TABLE IF NOT EXISTS " + table +
                   " (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
        now;
    int current = 0;
    for (const Migration& migration : migrations) {
        Poco::Data::Transaction transaction(session);
        // Hosts starting at once take turns. SQLite: a first write waits for the write lock (a
        // transaction that reads first would fail at once when another host commits meanwhile).
        if (postgres)
            session << "LOCK TABLE " + table + " IN EXCLUSIVE MODE", now;
        else
            session << "UPDATE " + table + " SET version = version WHERE version = -1", now;
        int applied = 0;
        int version = migration.version;
        session << forDialect(dialect, "SELECT COUNT(*) FROM " + table + " WHERE version = ?"),
            into(applied), use(version), now;
        if (applied == 0) {
            for (const std::string& statement : migration.statements)
                session << statement, now;
            std::string name = migration.name;
            std::string at = appliedAtIso;
            session << forDialect(dialect, "INSERT INTO " + table + " VALUES (?, ?, ?)"),
                use(version), use(name), use(at), now;
        }
        transaction.commit();
        current = migration.version;
    }
    return current;
}

} // namespace ict::storage
