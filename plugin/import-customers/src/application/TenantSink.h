#pragma once
/// Where a crawl puts each customer's tenant rows as they are placed, and the customers that could
/// not be read: a staging snapshot written as the crawl goes (StagingSink), or memory for a
/// single update (CollectingSink). Implementations are called from the crawl's threads at once
/// and must be thread-safe; they may block (back-pressure) and may throw, which stops the crawl.

#include "domain/hierarchy/TenantRow.h"
#include "storage/HierarchyTypes.h"

#include <vector>

namespace ict::application {

class TenantSink {
public:
    virtual ~TenantSink() = default;
    /// The placed, not yet audited, rows of one customer.
    virtual void add(std::vector<domain::TenantRow> rows) = 0;
    /// A customer whose subscriptions could not be read.
    virtual void fail(storage::TenantFetchError failure) = 0;
};

} // namespace ict::application
