#pragma once
/// A TenantSink that keeps what it is given, for crawls of a few tenants (a single update).
/// Thread-safe.

#include "application/TenantSink.h"

#include <mutex>

namespace ict::application {

class CollectingSink : public TenantSink {
public:
    void add(std::vector<domain::TenantRow> rows) override {
        std::lock_guard<std::mutex> lock(_mutex);
        for (domain::TenantRow& row : rows)
            _rows.push_back(std::move(row));
    }
    void fail(storage::TenantFetchError failure) override {
        std::lock_guard<std::mutex> lock(_mutex);
        _failures.push_back(std::move(failure));
    }
    /// What was added; call after the crawl ended.
    std::vector<domain::TenantRow>& rows() { return _rows; }
    std::vector<storage::TenantFetchError>& failures() { return _failures; }

private:
    std::mutex _mutex;
    std::vector<domain::TenantRow> _rows;
    std::vector<storage::TenantFetchError> _failures;
};

} // namespace ict::application
