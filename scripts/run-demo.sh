#!/usr/bin/env bash
# The main job: installs what is missing, builds, and starts the mock host with the Import
# Customers Tool, demo data on SQLite (var/host.db) and the Partner Center emulator in-process.
# The host prints where and as whom to log in. Extra arguments go to `mock-host serve`,
# e.g. `scripts/run-demo.sh --port 8090 --emulator-tenants 2000`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
exec build/bin/mock-host serve --emulator --port "${ICT_DEMO_PORT:-8080}" "$@"
