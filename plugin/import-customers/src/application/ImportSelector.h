#pragma once
/// The tenants an import (or its pre-flight or dry run) covers, a batch at a time, each audited
/// against the BSS as it is now (an account created by hand or by another host since the Get
/// Hierarchy is used, not duplicated) and ready to plan: every importable row of the saved
/// hierarchy in primary-key order (`all`), or the rows named, in their order. Nothing of the
/// selection is held but the caller's own list of rows and one batch. A tenant another
/// organization sharing the instance has imported (its root or a country tenant of that root)
/// is marked as theirs (TenantSelection::heldByOrganization), so it is never imported twice.
///
/// Not thread-safe (one owner). Throws Poco::Exception on a database failure.

#include "application/BssAuditor.h"
#include "application/ImportSelection.h"
#include "domain/importing/TenantSelection.h"
#include "storage/HierarchyTypes.h"
#include "storage/SnapshotReader.h"

#include <bss/sdk/HostServices.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ict::application {

class ImportSelector {
public:
    /// Checks the selection before anything is read from Partner Center or written: ToolError
    /// (Conflict) when no hierarchy is saved for the instance; ToolError(InvalidInput, field
    /// "tenants") naming the first row that is not in the saved hierarchy or cannot be imported.
    ImportSelector(bss::sdk::HostServices& services, const bss::sdk::CallContext& caller,
                   const bss::sdk::InstanceInfo& instance, const ImportSelection& selection);

    /// Rows selected (for batch sizes and progress).
    std::size_t total() const { return _total; }

    /// The next at most `count` selected tenants, audited; empty when none is left.
    std::vector<domain::TenantSelection> next(std::size_t count);

private:
    void checkRows();
    std::vector<domain::TenantRow> nextRows(std::size_t count);
    /// Of `rows` without an account of the caller's, those another organization holds.
    std::map<std::string, std::string>
    tenantsHeldElsewhere(const std::vector<domain::TenantRow>& rows) const;

    bss::sdk::HostServices& _services;
    ImportSelection _selection;
    storage::HierarchyKey _key;
    std::int64_t _instanceOwner = 0; ///< The organization that owns the instance.
    std::int64_t _snapshot = 0;
    std::size_t _total = 0;
    std::map<std::string, std::string> _resellerNames; ///< By MPN id.
    std::unique_ptr<BssAuditor> _auditor;
    storage::SnapshotReader _reader;
    std::optional<storage::RowKey> _after; ///< `all`: the last row read.
    bool _exhausted = false;
    std::size_t _nextRow = 0; ///< Named rows: the next one to read.
};

} // namespace ict::application
