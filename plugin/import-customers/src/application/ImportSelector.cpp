#include "application/ImportSelector.h"

#include "domain/audit/TenantAudit.h"
#include "storage/BssAccountRepository.h"
#include "storage/SnapshotStore.h"

#include <bss/sdk/ToolError.h>

#include <Poco/String.h>

#include <map>
#include <set>

namespace ict::application {

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;
using namespace ict::domain;

namespace {

/// Named rows read (and checked) per query.
constexpr std::size_t kRowsPerRead = 200;

AuditedSubscription audited(const SubscriptionRow& row) {
    AuditedSubscription sub;
    sub.subscription = row.subscription;
    switch (row.status) {
    case SubscriptionStatus::InBss:
        sub.status = AuditStatus::InBss;
        break;
    case SubscriptionStatus::NotImportable:
        sub.status = AuditStatus::NotImportable;
        sub.notImportableReason = row.reasonText;
        break;
    case SubscriptionStatus::New:
    case SubscriptionStatus::Unset:
        sub.status = AuditStatus::New;
        break;
    }
    return sub;
}

std::string rowName(const SelectedRow& row) {
    return "Tenant '" + row.tenantId + "'" +
           (row.resellerMpnId.empty() ? std::string() : " of reseller '" + row.resellerMpnId + "'");
}

std::vector<TenantRow> rowsOf(Hierarchy hierarchy) {
    std::vector<TenantRow> rows = std::move(hierarchy.directTenants);
    for (TenantRow& row : hierarchy.unassignedTenants)
        rows.push_back(std::move(row));
    for (ResellerRow& reseller : hierarchy.resellers)
        for (TenantRow& row : reseller.endCustomers)
            rows.push_back(std::move(row));
    return rows;
}

} // namespace

ImportSelector::ImportSelector(bss::sdk::HostServices& services,
                               const bss::sdk::CallContext& caller,
                               const bss::sdk::InstanceInfo& instance,
                               const ImportSelection& selection)
    : _services(services), _selection(selection), _key{caller.organization.id, instance.id},
      _instanceOwner(instance.ownerOrganizationId), _reader(services.database()) {
    const std::optional<storage::InstanceState> state =
        storage::SnapshotStore(services.database()).state(_key);
    if (!state || state->snapshotId == 0)
        throw ToolError(ErrorCode::Conflict,
                        "There is no saved hierarchy for instance '" + instance.name +
                            "': run Get Hierarchy first.",
                        "instanceId");
    _snapshot = state->snapshotId;
    for (const ResellerRow& reseller : _reader.resellers(_snapshot))
        _resellerNames[reseller.mpnId] = reseller.name;
    if (_selection.all) {
        _total = _reader.countRows(_snapshot, {true});
    } else {
        std::set<std::pair<std::string, std::string>> seen;
        std::vector<SelectedRow> distinct;
        for (const SelectedRow& row : _selection.rows)
            if (seen.insert({row.tenantId, row.resellerMpnId}).second)
                distinct.push_back(row);
        _selection.rows = std::move(distinct);
        _total = _selection.rows.size();
        checkRows();
    }
}

void ImportSelector::checkRows() {
    for (std::size_t begin = 0; begin < _selection.rows.size(); begin += kRowsPerRead) {
        const std::size_t end = std::min(_selection.rows.size(), begin + kRowsPerRead);
        std::vector<std::string> ids;
        for (std::size_t i = begin; i < end; ++i)
            ids.push_back(_selection.rows[i].tenantId);
        std::map<std::pair<std::string, std::string>, TenantPlacement> saved;
        for (const TenantRow& row : rowsOf(_reader.loadTenants(_snapshot, ids)))
            saved[{row.tenantId, row.resellerMpnId}] = row.placement;
        for (std::size_t i = begin; i < end; ++i) {
            const SelectedRow& wanted = _selection.rows[i];
            const auto found = saved.find({wanted.tenantId, wanted.resellerMpnId});
            if (found == saved.end())
                throw ToolError(ErrorCode::InvalidInput,
                                rowName(wanted) +
                                    " is not in the saved hierarchy of this instance.",
                                "tenants");
            if (found->second == TenantPlacement::Unassigned)
                throw ToolError(ErrorCode::InvalidInput,
                                rowName(wanted) +
                                    " cannot be imported: it has no subscriptions and no known "
                                    "reseller, and this instance does no direct business.",
                                "tenants");
        }
    }
}

std::vector<TenantRow> ImportSelector::nextRows(std::size_t count) {
    if (_selection.all) {
        if (_exhausted)
            return {};
        storage::RowKey last;
        storage::SnapshotPage page = _reader.readPage(_snapshot, _after, count, {true}, last);
        if (page.rows.size() < count)
            _exhausted = true;
        if (!page.rows.empty())
            _after = last;
        return std::move(page.rows);
    }
    const std::size_t end = std::min(_selection.rows.size(), _nextRow + count);
    std::vector<std::string> ids;
    for (std::size_t i = _nextRow; i < end; ++i)
        ids.push_back(_selection.rows[i].tenantId);
    std::map<std::pair<std::string, std::string>, TenantRow> saved;
    for (TenantRow& row : rowsOf(_reader.loadTenants(_snapshot, ids)))
        saved.emplace(std::make_pair(row.tenantId, row.resellerMpnId), std::move(row));
    std::vector<TenantRow> rows;
    for (std::size_t i = _nextRow; i < end; ++i) {
        auto found = saved.find({_selection.rows[i].tenantId, _selection.rows[i].resellerMpnId});
        if (found != saved.end()) // checked at construction; gone since only if re-saved
            rows.push_back(found->second);
    }
    _nextRow = end;
    return rows;
}

std::vector<TenantSelection> ImportSelector::next(std::size_t count) {
    std::vector<TenantRow> rows;
    // A named row gone since the check would give an empty batch before the end.
    while (rows.empty() && (_selection.all ? !_exhausted : _nextRow < _selection.rows.size()))
        rows = nextRows(count);
    if (rows.empty())
        return {};
    if (!_auditor)
        _auditor = std::make_unique<BssAuditor>(_services.database(), _key.organizationId);
    const BssAccountIndex index = _auditor->indexFor(rows);
    const std::map<std::string, std::string> heldElsewhere = tenantsHeldElsewhere(rows);
    std::vector<TenantSelection> tenants;
    for (TenantRow& saved : rows) {
        const TenantRow row = auditTenant(std::move(saved), index);
        TenantSelection tenant;
        tenant.customer.tenantId = row.tenantId;
        tenant.customer.companyName = row.companyName;
        tenant.customer.primaryDomain = row.primaryDomain;
        const auto name = _resellerNames.find(row.resellerMpnId);
        tenant.seller = {row.resellerMpnId,
                         name == _resellerNames.end() ? std::string() : name->second};
        for (const SubscriptionRow& sub : row.subscriptions)
            tenant.subscriptions.push_back(audited(sub));
        if (row.idMatchedAccountId != 0)
            tenant.relatedAccountId = row.idMatchedAccountId;
        if (const auto held = heldElsewhere.find(Poco::toLower(Poco::trim(row.tenantId)));
            held != heldElsewhere.end())
            tenant.heldByOrganization = held->second;
        tenants.push_back(std::move(tenant));
    }
    return tenants;
}

std::map<std::string, std::string>
ImportSelector::tenantsHeldElsewhere(const std::vector<TenantRow>& rows) const {
    std::vector<std::string> ids;
    for (const TenantRow& row : rows)
        if (row.idMatchedAccountId == 0)
            ids.push_back(row.tenantId);
    return storage::BssAccountRepository(_services.database())
        .tenantsHeldElsewhere(_key.organizationId, _instanceOwner, ids);
}

} // namespace ict::application
