#include "application/StagingSink.h"

#include "application/FreeMemory.h"

namespace ict::application {

StagingSink::StagingSink(const BssAuditor& auditor, storage::SnapshotWriter& writer,
                         BatchLimits limits)
    : _auditor(auditor), _writer(writer), _limits(limits) {}

StagingSink::Batch StagingSink::takeIfFull(bool always) {
    const bool full = _filling.rows.size() + _filling.failures.size() >= _limits.tenantRows ||
                      _filling.subscriptions >= _limits.subscriptions;
    if (!full && !always)
        return {};
    Batch taken = std::move(_filling);
    _filling = Batch{};
    return taken;
}

void StagingSink::add(std::vector<domain::TenantRow> rows) {
    Batch full;
    {
        std::lock_guard<std::mutex> lock(_mutex);
        for (domain::TenantRow& row : rows) {
            _filling.subscriptions += row.subscriptions.size();
            _filling.rows.push_back(std::move(row));
            ++_added;
        }
        full = takeIfFull(false);
    }
    write(std::move(full));
}

void StagingSink::fail(storage::TenantFetchError failure) {
    Batch full;
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _filling.failures.push_back(std::move(failure));
        ++_added;
        full = takeIfFull(false);
    }
    write(std::move(full));
}

void StagingSink::flush() {
    Batch rest;
    {
        std::lock_guard<std::mutex> lock(_mutex);
        rest = takeIfFull(true);
    }
    write(std::move(rest));
}

std::int64_t StagingSink::rowsAdded() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _added;
}

void StagingSink::write(Batch batch) {
    if (batch.rows.empty() && batch.failures.empty())
        return;
    _auditor.audit(batch.rows); // reads only: several threads may audit at once
    {
        std::lock_guard<std::mutex> lock(_writeMutex);
        _writer.write(batch.rows, batch.failures);
    }
    batch = Batch{};
    returnFreeMemory();
}

} // namespace ict::application
