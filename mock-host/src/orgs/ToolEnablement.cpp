#include "orgs/ToolEnablement.h"

#include "support/Sql.h"

#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>

using namespace Poco::Data::Keywords;

namespace mockhost {

bool ToolEnablement::isEnabled(std::int64_t organizationId, const std::string& toolId) {
    Poco::Data::Session session = _database.session();
    Poco::Int64 org = organizationId;
    std::string tool = toolId;
    int enabled = 0;
    session << sqlFor(_database.dialect(),
                      "SELECT COUNT(*) FROM tool_enablement"
                      " WHERE organization_id = ? AND tool_id = ? AND enabled = 1"),
        use(org), use(tool), into(enabled), now;
    return enabled > 0;
}

void ToolEnablement::set(std::int64_t organizationId, const std::string& toolId, bool enabled,
                         const std::string& changedAtIso) {
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    Poco::Int64 org = organizationId;
    std::string tool = toolId;
    int flag = enabled ? 1 : 0;
    std::string at = changedAtIso;
    // A write first: a SQLite transaction that reads before it writes fails at once ("database is
    // locked") when another host committed in between; a first write waits for the lock instead.
    Poco::Data::Statement update(session);
    update << sqlFor(_database.dialect(), "UPDATE tool_enablement SET enabled = ?, changed_at = ?"
                                          " WHERE organization_id = ? AND tool_id = ?"),
        use(flag), use(at), use(org), use(tool);
    if (update.execute() == 0)
        session << sqlFor(_database.dialect(),
                          "INSERT INTO tool_enablement (organization_id, tool_id, enabled, "
                          "changed_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"),
            use(org), use(tool), use(flag), use(at), now;
    transaction.commit();
}

} // namespace mockhost
