#!/usr/bin/env bash
# The test suite built with AddressSanitizer and UndefinedBehaviorSanitizer (GCC, -Og) in its own
# build directory, run against PostgreSQL like scripts/test.sh. Any ASan, LSan or UBSan report
# makes the process exit non-zero, so the test fails. Extra arguments go to ctest.
#   ICT_ASAN_BUILD_DIR  build directory (default build-asan)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scripts/install-deps.sh
build_dir=${ICT_ASAN_BUILD_DIR:-build-asan}
mkdir -p "$build_dir"
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Debug -DICT_SANITIZE=ON \
  -DICT_BENCH=OFF -DICT_WERROR=${ICT_WERROR:-OFF} -DICT_DEBUG_INFO=${ICT_DEBUG_INFO:-full} > "$build_dir.configure.log" 2>&1 || { cat "$build_dir.configure.log"; exit 1; }
cmake --build "$build_dir" -j "$(nproc)"

# detect_leaks: LeakSanitizer runs at exit of every test runner, mock host and emulator process;
# the suppression file names third-party code only (see its comments).
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:strict_string_checks=1:\
check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1:\
${ASAN_OPTIONS:-}"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0:${LSAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"

export ICT_TEST_PG="${ICT_TEST_PG:-$(scripts/postgres.sh start)}"
echo "PostgreSQL for tests: $ICT_TEST_PG"
cd "$build_dir"
ctest --output-on-failure -j "$(nproc)" "$@"
