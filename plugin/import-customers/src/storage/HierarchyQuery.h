#pragma once
/// Browsing the saved hierarchy without calling Microsoft ([S8]): tenants with server-side
/// filters, sorting and paging; resellers with their end-customer counts; one tenant's
/// subscriptions. Read-only, thread-safe; throws Poco::Exception on a database failure.

#include "domain/hierarchy/SubscriptionRow.h"
#include "domain/hierarchy/TenantRow.h"
#include "storage/HierarchyRepository.h"

#include <bss/sdk/Database.h>

#include <optional>
#include <string>
#include <vector>

namespace ict::storage {

enum class TenantSort { Unset = 0, Name, Domain, TenantId, Status, Reseller, Subscriptions };

/// Filters are ANDed; text filters are case-insensitive "contains" (tenant id: prefix).
struct TenantQuery {
    std::string name;
    std::string domain;
    std::string tenantId;
    std::string status;           ///< A TenantStatus name, or "error" for rows that failed to read.
    std::string placement;        ///< "direct", "end_customer", "unassigned" (the tier).
    std::string resellerMpnId;    ///< Only end customers of this reseller.
    std::string subscriptionKind; ///< A SubscriptionKind name a row's subscriptions include.
    bool importableOnly = false;
    TenantSort sort = TenantSort::Name;
    bool descending = false;
    std::size_t offset = 0;
    std::size_t limit = 50; ///< At most 500.
};

/// A tenant row of the list: the saved row without its subscriptions.
struct TenantListRow {
    domain::TenantRow row; ///< subscriptions left empty.
    std::string resellerName;
    std::string fetchError; ///< Why Partner Center could not be read for it; empty if it could.
};

struct TenantPage {
    std::size_t total = 0; ///< Rows matching the filters.
    std::vector<TenantListRow> rows;
};

struct ResellerSummary {
    std::string mpnId;
    std::string tenantId;
    std::string name;
    std::string nameSource;
    std::size_t endCustomers = 0;
};

class HierarchyQuery {
public:
    explicit HierarchyQuery(bss::sdk::Database& database);

    TenantPage tenants(const HierarchyKey& key, const TenantQuery& query) const;
    std::vector<ResellerSummary> resellers(const HierarchyKey& key) const;
    /// The subscriptions of one tenant row (resellerMpnId "" = its direct row), saved order.
    std::vector<domain::SubscriptionRow> subscriptions(const HierarchyKey& key,
                                                       const std::string& tenantId,
                                                       const std::string& resellerMpnId) const;

private:
    bss::sdk::Database& _database;
};

/// The statement counting the rows a query's filters match within one snapshot: its SQL in
/// SQLite's marks (`?`: the snapshot id, then `params` in order). Public so that a test can read
/// the database's plan for it.
struct TenantCountStatement {
    std::string sql;
    std::vector<std::string> params;
};
TenantCountStatement tenantCountStatement(const TenantQuery& query);

/// Parses a sort name ("name", "domain", "tenantId", "status", "reseller", "subscriptions");
/// Unset for any other text.
TenantSort parseTenantSort(const std::string& name);

} // namespace ict::storage
