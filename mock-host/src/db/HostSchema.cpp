#include "db/HostSchema.h"

#include "support/Sql.h"

#include <Poco/Data/Transaction.h>
#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace mockhost {

HostSchema::HostSchema(std::string schemaRoot) : _schemaRoot(std::move(schemaRoot)) {}

std::vector<SchemaFile> HostSchema::files(bss::sdk::SqlDialect dialect) const {
    const std::string sub = dialect == bss::sdk::SqlDialect::PostgreSQL ? "postgresql" : "sqlite";
    const std::string dir = Poco::Path(_schemaRoot).append(Poco::Path(sub + "/")).toString();
    if (!Poco::File(dir).exists())
        throw std::runtime_error("schema folder '" + dir + "' does not exist");
    std::map<int, SchemaFile> byVersion;
    for (Poco::DirectoryIterator it(dir), end; it != end; ++it) {
        const std::string name = it.name();
        if (name.size() < 9 || !std::isdigit(static_cast<unsigned char>(name[0])) ||
            name.substr(name.size() - 4) != ".sql")
            continue;
        const int version = std::stoi(name.substr(0, name.find('_')));
        if (byVersion.count(version))
            throw std::runtime_error("schema folder '" + dir + "' has two files of version " +
                                     std::to_string(version));
        byVersion[version] = {version, name, it.path().toString()};
    }
    std::vector<SchemaFile> result;
    for (auto& entry : byVersion)
        result.push_back(entry.second);
    return result;
}

std::vector<std::string> HostSchema::statements(const std::string& sqlText) {
    std::istringstream in(sqlText);
    std::string line;
    std::string withoutComments;
    while (std::getline(in, line)) {
        const auto dash = line.find("--");
        withoutComments += (dash == std::string::npos ? line : line.substr(0, dash)) + "\n";
    }
    std::vector<std::string> result;
    std::istringstream parts(withoutComments);
    std::string part;
    while (std::getline(parts, part, ';')) {
        if (std::any_of(part.begin(), part.end(),
                        [](char c) { return !std::isspace(static_cast<unsigned char>(c)); }))
            result.push_back(part);
    }
    return result;
}

int HostSchema::apply(HostDatabase& database, const std::string& appliedAtIso) const {
    const bss::sdk::SqlDialect dialect = database.dialect();
    const std::vector<SchemaFile> all = files(dialect);
    Poco::Data::Session session = database.session();
    session << "CREATE TABLE IF NOT EXISTS host_schema_migrations ("
               " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
        now;
    int current = 0;
    for (const SchemaFile& file : all) {
        std::ifstream in(file.path);
        std::stringstream text;
        text << in.rdbuf();
        Poco::Data::Transaction transaction(session);
        // Hosts starting at once take turns. SQLite: a first write waits for the write lock (a
        // transaction that reads first would fail at once when another host commits meanwhile).
        if (dialect == bss::sdk::SqlDialect::PostgreSQL)
            session << "LOCK TABLE host_schema_migrations IN EXCLUSIVE MODE", now;
        else
            session << "UPDATE host_schema_migrations SET version = version WHERE version = -1",
                now;
        int applied = 0;
        int version = file.version;
        session << sqlFor(dialect, "SELECT COUNT(*) FROM host_schema_migrations WHERE version = ?"),
            into(applied), use(version), now;
        if (applied == 0) {
            for (const std::string& statement : statements(text.str()))
                session << statement, now;
            std::string name = file.name;
            std::string at = appliedAtIso;
            session << sqlFor(dialect, "INSERT INTO host_schema_migrations VALUES (?, ?, ?)"),
                use(version), use(name), use(at), now;
        }
        transaction.commit();
        current = file.version;
    }
    return current;
}

} // namespace mockhost
