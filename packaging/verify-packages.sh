#!/usr/bin/env bash
# Proves the Debian packages end to end (ctest -L packaging runs it; so does CI):
#  1. builds the .deb files with cpack in the build folder;
#  2. checks their names, versions, ABI Provides/Depends, and that apt can satisfy their Depends on
#     this machine (apt-get --simulate: nothing is installed);
#  3. unpacks them with dpkg -x into a clean temporary prefix (no root needed, the machine is left
#     unchanged, and it proves the packages are relocatable: the mock host finds its schema and
#     plugin folder relative to its own executable, exactly as under /usr);
#  4. configures and builds packaging/example-tool against the unpacked SDK only
#     (find_package(BssHostSdk CONFIG REQUIRED) with CMAKE_PREFIX_PATH=<prefix>/usr), twice: once
#     right, once with a manifest that claims the next ABI major;
#  5. runs the unpacked mock-host: its default plugin folder holds the packaged Import Customers
#     Tool; a temporary folder holds the example tool and the packaged tool, both listed with
#     version, ABI and manifest; the example tool's "hello" action runs on a fresh SQLite host
#     database (the packaged schema); the lying manifest is refused by name, naming both ABIs.
# Usage: packaging/verify-packages.sh [build-dir]   (default: build). Keeps its temp folder on
# failure (printed), removes it on success.
set -euo pipefail
started=$(date +%s)
source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=$(cd "${1:-$source_dir/build}" && pwd)

fail() { echo "verify-packages: FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }
expect_line() { # expect_line <text> <fixed string>
  grep -qF -- "$2" <<<"$1" || fail "expected a line with '$2' in:"$'\n'"$1"
}

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build_dir/CMakeCache.txt")
[ -n "$version" ] || fail "no CMAKE_PROJECT_VERSION in $build_dir/CMakeCache.txt"
abi_major=$(sed -n 's/.*kAbiMajor = \([0-9]*\);.*/\1/p' "$source_dir/host-sdk/include/bss/sdk/Version.h")
abi_minor=$(sed -n 's/.*kAbiMinor = \([0-9]*\);.*/\1/p' "$source_dir/host-sdk/include/bss/sdk/Version.h")
abi="$abi_major.$abi_minor"
next_abi="$((abi_major + 1)).$abi_minor"

work=$(mktemp -d /tmp/bss-verify-packages.XXXXXX)
trap 'status=$?; if [ $status -eq 0 ]; then rm -rf "$work"; else echo "verify-packages: kept $work" >&2; fi' EXIT

step "cpack -G DEB in $build_dir (tool version $version, ABI $abi)"
rm -rf "$build_dir/packages"
(cd "$build_dir" && cpack -G DEB >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack"; }
arch=$(dpkg --print-architecture)
tool_deb="$build_dir/packages/bss-import-customers-tool_${version}-1_${arch}.deb"
sdk_deb="$build_dir/packages/bss-host-sdk-dev_${version}-1_all.deb"
host_deb="$build_dir/packages/bss-mock-host_${version}-1_${arch}.deb"
azure_deb="$build_dir/packages/bss-azure-plan-migration-tool_${version}-1_${arch}.deb"
for deb in "$tool_deb" "$azure_deb" "$sdk_deb" "$host_deb"; do
  [ -f "$deb" ] || fail "missing $deb; cpack made: $(ls "$build_dir/packages")"
  echo "$(basename "$deb"): $(dpkg-deb -f "$deb" Version) Depends: $(dpkg-deb -f "$deb" Depends)"
done

step "package metadata"
[ "$(dpkg-deb -f "$host_deb" Provides)" = "bss-host-abi-$abi_major (= $abi)" ] ||
  fail "bss-mock-host Provides '$(dpkg-deb -f "$host_deb" Provides)'"
expect_line "$(dpkg-deb -f "$tool_deb" Depends)" "bss-host-abi-$abi_major (>= $abi)"
expect_line "$(dpkg-deb -f "$tool_deb" Depends)" "libpoco" # from dpkg-shlibdeps
expect_line "$(dpkg-deb -f "$azure_deb" Depends)" "bss-host-abi-$abi_major (>= $abi)"
expect_line "$(dpkg-deb -f "$azure_deb" Depends)" "libpoco"
expect_line "$(dpkg-deb -f "$host_deb" Depends)" "libpoco"
expect_line "$(dpkg-deb -f "$sdk_deb" Depends)" "libpoco-dev"
# apt resolves every Depends (the ABI one through bss-mock-host's Provides) without installing.
apt-get install --simulate --no-install-recommends "$tool_deb" "$azure_deb" "$sdk_deb" "$host_deb" \
  >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt cannot satisfy the packages' Depends"; }

step "dpkg -x into $work/root"
root="$work/root"
for deb in "$tool_deb" "$azure_deb" "$sdk_deb" "$host_deb"; do dpkg -x "$deb" "$root"; done
for file in usr/bin/mock-host usr/bin/partner-center-emulator \
  usr/lib/bss/plugins/libimport_customers_tool.so usr/lib/bss/plugins/import_customers_tool.json \
  usr/lib/bss/plugins/libazure_plan_migration_tool.so \
  usr/lib/bss/plugins/azure_plan_migration_tool.json \
  usr/share/bss-host-sdk/schema/sqlite/003_usage_billing.sql \
  usr/share/bss-host-sdk/schema/postgresql/003_usage_billing.sql \
  usr/include/bss/sdk/Tool.h usr/include/bss/sdk/Version.h \
  usr/lib/cmake/BssHostSdk/BssHostSdkConfig.cmake usr/lib/cmake/BssHostSdk/BssHostSdkTargets.cmake \
  usr/share/bss-host-sdk/schema/sqlite/001_host_schema.sql \
  usr/share/bss-host-sdk/schema/postgresql/001_host_schema.sql \
  usr/share/bss-host-sdk/schema/sqlite/002_token_lease.sql \
  usr/share/bss-host-sdk/schema/postgresql/002_token_lease.sql \
  usr/share/bss-mock-host/schema/sqlite/001_host_schema.sql \
  usr/share/bss-mock-host/schema/sqlite/002_token_lease.sql; do
  [ -f "$root/$file" ] || fail "package content lacks /$file"
done

step "example tool against the unpacked SDK"
build_example() { # build_example <dir> [cmake args...]
  local dir=$1; shift
  cmake -S "$source_dir/packaging/example-tool" -B "$dir" -DCMAKE_PREFIX_PATH="$root/usr" \
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DCMAKE_CXX_FLAGS="-Wall -Wextra -Werror" "$@" >"$dir.log" 2>&1 || { cat "$dir.log"; fail "configure $dir"; }
  cmake --build "$dir" -j2 >>"$dir.log" 2>&1 || { cat "$dir.log"; fail "build $dir"; }
  local found
  found=$(sed -n 's/^BssHostSdk_DIR:PATH=//p' "$dir/CMakeCache.txt")
  [ "$found" = "$root/usr/lib/cmake/BssHostSdk" ] || fail "found BssHostSdk in '$found', not in the unpacked package"
  grep -rqF -- "$root/usr/include" "$dir/CMakeFiles/example_hello_tool.dir/flags.make" ||
    fail "example tool not compiled against $root/usr/include"
}
build_example "$work/example"
build_example "$work/example-lying" -DEXAMPLE_MANIFEST_ABI_MAJOR=$((abi_major + 1))

host="$root/usr/bin/mock-host"
cd "$work"

step "mock-host plugins (default folder: the unpacked /usr/lib/bss/plugins)"
out=$("$host" plugins 2>"$work/default.err")
echo "$out"
expect_line "$out" "loaded import-customers \"Import Customers Tool\" version $version abi $abi file libimport_customers_tool.so manifest import_customers_tool.json"
expect_line "$out" "loaded azure-plan-migration \"Azure Plan Migration Tool\" version $version abi $abi file libazure_plan_migration_tool.so manifest azure_plan_migration_tool.json"
! grep -q '^refused' <<<"$out" || fail "unexpected refusal in the default plugin folder"

step "mock-host plugins --plugins <temp folder with the example tool and the packaged tool>"
plugins="$work/plugins"
mkdir -p "$plugins"
cmake --install "$work/example" --prefix "$work/example-install" >/dev/null
cp "$work/example-install/lib/bss/plugins/"* "$plugins/"
cp "$root/usr/lib/bss/plugins/"* "$plugins/"
out=$("$host" plugins --plugins "$plugins" 2>"$work/plugins.err")
echo "$out"
expect_line "$out" "loaded example-hello \"Example Hello Tool\" version 1.2.3 abi $abi file libexample_hello_tool.so manifest example_hello_tool.json"
expect_line "$out" "loaded import-customers \"Import Customers Tool\" version $version abi $abi file libimport_customers_tool.so manifest import_customers_tool.json"
! grep -q '^refused' <<<"$out" || fail "unexpected refusal"

step "example tool action on the packaged schema (SQLite)"
db="sqlite:$work/host.db"
"$host" enable-tool --db "$db" --seed-demo --plugins "$plugins" --quiet \
  --org "Contoso Cloud (root)" --tool example-hello >/dev/null
out=$("$host" action --db "$db" --plugins "$plugins" --quiet --login admin@root \
  example-hello hello '{"name":"packaging"}')
echo "$out"
expect_line "$out" '"greeting":"Hello, packaging!"'

step "Azure Plan Migration Tool action from its package"
"$host" enable-tool --db "$db" --plugins "$plugins" --quiet \
  --org "Contoso Cloud (root)" --tool azure-plan-migration >/dev/null
out=$("$host" action --db "$db" --plugins "$plugins" --quiet --login admin@root \
  azure-plan-migration list-instances '{}')
echo "$out"
expect_line "$out" '"name":"Global Partner Center (direct)"'

step "a manifest claiming ABI $next_abi is refused by name"
lying="$work/plugins-lying"
mkdir -p "$lying"
cp "$work/example-lying/plugins/"* "$lying/"
out=$("$host" plugins --plugins "$lying" 2>"$work/lying.err")
echo "$out"
expect_line "$out" "refused example_hello_tool.json: ABI major mismatch: manifest example_hello_tool.json declares ABI $next_abi, host has ABI $abi"
expect_line "$out" "refused libexample_hello_tool.so: not loaded: its manifest example_hello_tool.json was refused"
! grep -q '^loaded' <<<"$out" || fail "the lying example tool was loaded"

echo "verify-packages: OK in $(( $(date +%s) - started )) s"
