#!/usr/bin/env bash
# Installs the Debian 12 packages the build, the tests and the demo need; does nothing when they are
# all present. Needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake pkg-config git ca-certificates openssl
  libboost1.74-dev libboost-filesystem1.74-dev
  libpoco-dev libpq-dev libsqlite3-dev libssl-dev
  libcppunit-dev
  postgresql
  chromium
)
# Node.js and npm for the browser tests: Debian's packages only where no node/npm is installed
# already (a machine with another Node.js build, npm included, cannot take Debian's npm).
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
echo "Installing: ${missing[*]}"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
