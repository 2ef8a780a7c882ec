#pragma once
/// The organizations table. Thread-safe (one pooled session per call).
#include "db/HostDatabase.h"

#include <bss/sdk/CallContext.h>

#include <optional>
#include <string>
#include <vector>

namespace mockhost {

class OrganizationDirectory {
public:
    explicit OrganizationDirectory(HostDatabase& database) : _database(database) {}

    std::optional<bss::sdk::Organization> byId(std::int64_t id);
    std::optional<bss::sdk::Organization> byName(const std::string& name);
    /// Like byName; throws std::invalid_argument naming --org and the value when unknown.
    bss::sdk::Organization require(const std::string& name);
    std::vector<bss::sdk::Organization> all();
    /// The root organization `id` belongs to (itself for a root), following parents; nullopt
    /// when `id` or a parent is unknown, or the chain does not end at a root within 16 steps.
    std::optional<std::int64_t> rootOf(std::int64_t id);
    /// Inserts and returns the id. Throws Poco::Exception on a constraint failure (duplicate name,
    /// a root with a parent).
    std::int64_t add(const std::string& name, bss::sdk::OrganizationKind kind,
                     std::optional<std::int64_t> parentId);

    /// "root" etc. to the enum; throws std::invalid_argument naming --kind otherwise.
    static bss::sdk::OrganizationKind parseKind(const std::string& text);

private:
    HostDatabase& _database;
};

} // namespace mockhost
