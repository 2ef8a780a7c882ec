#pragma once
/// Migration 5 of the tool's tables: the saved hierarchy becomes snapshots, runs get a sequence,
/// and runs of an instance are leased across hosts.
///
///  - ict_snapshots: one row per saved hierarchy of an organization's instance, `state` staging
///    (a run writing it), current (the one ict_instance_state.snapshot_id names) or retired
///    (replaced, being deleted). ict_tenants, ict_subscriptions and ict_resellers are keyed by
///    snapshot_id instead of (organization_id, instance_id): a mass run writes a staging snapshot
///    while the page still reads the current one, and one UPDATE of ict_instance_state swaps them.
///    The rows of each existing instance become its current snapshot.
///  - ict_crawl_customers: the customer list of a run's staging snapshot, spooled while Partner
///    Center's pages are read so the run never holds the whole list.
///  - ict_runs gains `seq`, an identity column: runs are ordered by it (existing runs numbered in
///    their started_at order), not by a start time of one-second resolution.
///  - ict_run_leases: who runs what on an instance now (see storage::RunLeaseRepository).
///  - ict_import_results gains an index in run order, read a page at a time.

#include "storage/Migrations.h"

namespace ict::storage {

Migration snapshotMigration(bss::sdk::SqlDialect dialect);

} // namespace ict::storage
