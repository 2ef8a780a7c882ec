#pragma once
// ict_bench scale: a distributor's instance at 10,000 and at `tenants` tenants (100,000 by
// default, ~6 subscriptions each), the emulator in a process of its own, in one run:
//  - a mass Get Hierarchy with the emulator's limit binding (client configured at the limit, 16
//    in flight): wall against subscription requests / limit (goal <= 1.05);
//  - the host's peak resident memory during it and during the import (goal <= 200 MB, and at the
//    large size <= 1.5x the 10,000 figure);
//  - the tenant page's p95 (goal < 30 ms);
//  - an incremental refresh after 1% of the tenants changed a subscription: its requests against
//    the full run's (goal <= 1.1%);
//  - an import of every tenant against a bare prepared-statement insert of the rows it wrote, in
//    one transaction, into tables of the same shape and indexes (goal <= 3x).

namespace ict::bench {

/// `smallTenants`: the reference size (10,000; smaller for a quick try of the benchmark).
int benchScale(int tenants, int limitPerMinute, int smallTenants = 10000);

} // namespace ict::bench
