#!/usr/bin/env bash
# The test command: installs what is missing, builds, starts a PostgreSQL server on loopback and
# runs every test (each database test on SQLite and on PostgreSQL). Extra arguments go to ctest,
# e.g. `scripts/test.sh -L domain`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
scripts/browser-deps.sh
export ICT_TEST_PG="${ICT_TEST_PG:-$(scripts/postgres.sh start)}"
echo "PostgreSQL for tests: $ICT_TEST_PG"
cd "${ICT_BUILD_DIR:-build}"
ctest --output-on-failure -j "$(nproc)" "$@"
