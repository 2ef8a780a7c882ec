#!/usr/bin/env bash
# Installs the browser tests' npm packages (playwright-core, exact versions from package-lock.json)
# into tests/browser/node_modules. The browser itself is Debian's chromium (scripts/install-deps.sh):
# playwright's own browser download is not used.
set -euo pipefail
cd "$(dirname "$0")/../tests/browser"
stamp=node_modules/.package-lock.json
if [ -f "$stamp" ] && [ "$stamp" -nt package-lock.json ]; then
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
