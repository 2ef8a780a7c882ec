#pragma once
/// A TenantSink that writes a staging snapshot while the crawl goes on: rows are collected into
/// batches; the crawl thread that fills a batch audits it (BssAuditor) and writes it in one
/// transaction (storage::SnapshotWriter), while the other threads keep reading Partner Center.
/// Writes are serialized, so memory holds at most the batch being filled plus one per crawl
/// thread auditing or waiting to write. flush() writes what is left. Thread-safe; add(), fail() and
/// flush() throw what the audit or the database threw.

#include "application/BssAuditor.h"
#include "application/TenantSink.h"
#include "storage/SnapshotWriter.h"

#include <cstddef>
#include <cstdint>
#include <mutex>

namespace ict::application {

struct BatchLimits {
    std::size_t tenantRows = 200;     ///< A batch is written once it has this many rows...
    std::size_t subscriptions = 2000; ///< ... or this many subscriptions.
};

class StagingSink : public TenantSink {
public:
    /// `auditor` and `writer` must outlive the sink.
    StagingSink(const BssAuditor& auditor, storage::SnapshotWriter& writer,
                BatchLimits limits = {});

    void add(std::vector<domain::TenantRow> rows) override;
    void fail(storage::TenantFetchError failure) override;
    /// Audits and writes the rows still collected.
    void flush();

    /// Rows and failures handed in so far (a tenant listed twice counts twice here; the
    /// snapshot keeps one, see storage::countSnapshot()).
    std::int64_t rowsAdded() const;

private:
    struct Batch {
        std::vector<domain::TenantRow> rows;
        std::vector<storage::TenantFetchError> failures;
        std::size_t subscriptions = 0;
    };
    /// Takes the batch being filled when it is full (or `always`); empty Batch otherwise.
    Batch takeIfFull(bool always);
    void write(Batch batch);

    const BssAuditor& _auditor;
    storage::SnapshotWriter& _writer;
    BatchLimits _limits;
    mutable std::mutex _mutex; ///< Guards _filling and _added.
    Batch _filling;
    std::int64_t _added = 0;
    std::mutex _writeMutex; ///< One write at a time.
};

} // namespace ict::application
