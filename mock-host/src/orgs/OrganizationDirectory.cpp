#include "orgs/OrganizationDirectory.h"

#include "support/Sql.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <stdexcept>

using namespace Poco::Data::Keywords;
using bss::sdk::Organization;
using bss::sdk::OrganizationKind;

namespace mockhost {
namespace {

const std::string kSelect = "SELECT id, name, kind, parent_id FROM organizations";

std::vector<Organization> read(Poco::Data::Statement& statement) {
    statement.execute();
    Poco::Data::RecordSet rows(statement);
    std::vector<Organization> result;
    for (std::size_t i = 0; i < rows.rowCount(); ++i) {
        Organization org;
        org.id = rows.value(0, i).convert<Poco::Int64>();
        org.name = rows.value(1, i).convert<std::string>();
        org.kind = OrganizationDirectory::parseKind(rows.value(2, i).convert<std::string>());
        if (!rows.value(3, i).isEmpty())
            org.parentId = rows.value(3, i).convert<Poco::Int64>();
        result.push_back(org);
    }
    return result;
}

} // namespace

OrganizationKind OrganizationDirectory::parseKind(const std::string& text) {
    if (text == "root")
        return OrganizationKind::Root;
    if (text == "country_tenant")
        return OrganizationKind::CountryTenant;
    if (text == "simple_tenant")
        return OrganizationKind::SimpleTenant;
    throw std::invalid_argument("--kind: '" + text +
                                "' is not one of root, country_tenant, simple_tenant");
}

std::optional<Organization> OrganizationDirectory::byId(std::int64_t id) {
    Poco::Data::Session session = _database.session();
    Poco::Int64 key = id;
    Poco::Data::Statement statement(session);
    statement << sqlFor(_database.dialect(), kSelect + " WHERE id = ?"), use(key);
    auto rows = read(statement);
    if (rows.empty())
        return std::nullopt;
    return rows.front();
}

std::optional<Organization> OrganizationDirectory::byName(const std::string& name) {
    Poco::Data::Session session = _database.session();
    std::string key = name;
    Poco::Data::Statement statement(session);
    statement << sqlFor(_database.dialect(), kSelect + " WHERE name = ?"), use(key);
    auto rows = read(statement);
    if (rows.empty())
        return std::nullopt;
    return rows.front();
}

Organization OrganizationDirectory::require(const std::string& name) {
    auto org = byName(name);
    if (!org)
        throw std::invalid_argument("--org: no organization named '" + name + "'");
    return *org;
}

std::vector<Organization> OrganizationDirectory::all() {
    Poco::Data::Session session = _database.session();
    Poco::Data::Statement statement(session);
    statement << kSelect + " ORDER BY id";
    return read(statement);
}

std::int64_t OrganizationDirectory::add(const std::string& name, OrganizationKind kind,
                                        std::optional<std::int64_t> parentId) {
    Poco::Data::Session session = _database.session();
    std::string n = name;
    std::string k = bss::sdk::organizationKindName(kind);
    Poco::Nullable<Poco::Int64> parent;
    if (parentId)
        parent = *parentId;
    session << sqlFor(_database.dialect(),
                      "INSERT INTO organizations (name, kind, parent_id) VALUES (?, ?, ?)"),
        use(n), use(k), use(parent), now;
    return byName(name)->id;
}

std::optional<std::int64_t> OrganizationDirectory::rootOf(std::int64_t id) {
    for (int step = 0; step < 16; ++step) {
        const std::optional<bss::sdk::Organization> org = byId(id);
        if (!org)
            return std::nullopt;
        if (org->kind == bss::sdk::OrganizationKind::Root)
            return org->id;
        if (!org->parentId)
            return std::nullopt;
        id = *org->parentId;
    }
    return std::nullopt;
}

} // namespace mockhost
