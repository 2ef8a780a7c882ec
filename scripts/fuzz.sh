#!/usr/bin/env bash
# Builds the libFuzzer targets (clang-14, ASan + UBSan, tests/fuzz/) in their own build directory
# and runs each for a bounded time, starting from its seed corpus tests/fuzz/corpus/<target>/.
# Fails on the first crash, leak, sanitizer report, timeout or out-of-memory; the input that did it
# is kept as <build>/fuzz-artifacts/<target>-crash-<sha1> (replay: <build>/fuzz/<target> <file>).
#   ICT_FUZZ_SECONDS     seconds per target (default 60)
#   ICT_FUZZ_BUILD_DIR   build directory (default build-fuzz)
#   ICT_FUZZ_TARGETS     space-separated subset of the targets (default: all)
#   ICT_FUZZ_WERROR      ON: clang warnings are errors too (default OFF: this stage hunts crashes)
# New interesting inputs go to <build>/fuzz-corpus/<target>/ (kept between runs, never committed).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scripts/install-deps.sh
for p in clang-14 libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ -n "${missing[*]:-}" ]; then
  as_root=(); [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

build_dir=${ICT_FUZZ_BUILD_DIR:-build-fuzz}
seconds=${ICT_FUZZ_SECONDS:-60}
targets=${ICT_FUZZ_TARGETS:-fuzz_partner_center_parsers fuzz_input_validators fuzz_tool_actions}
mkdir -p "$build_dir"
CXX=clang++-14 cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Debug -DICT_FUZZ=ON \
  -DICT_WERROR=${ICT_FUZZ_WERROR:-OFF} -DICT_DEBUG_INFO=${ICT_DEBUG_INFO:-full} > "$build_dir.configure.log" 2>&1 || { cat "$build_dir.configure.log"; exit 1; }
# shellcheck disable=SC2086
cmake --build "$build_dir" -j "$(nproc)" --target $targets

export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:${ASAN_OPTIONS:-}"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:${LSAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
artifacts=$build_dir/fuzz-artifacts
mkdir -p "$artifacts"
status=0
for target in $targets; do
  corpus=$build_dir/fuzz-corpus/$target
  mkdir -p "$corpus"
  echo "== $target: ${seconds}s"
  if ! "$build_dir/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -dict=tests/fuzz/partner_center.dict \
      -print_final_stats=1 -artifact_prefix="$artifacts/$target-" \
      "$corpus" "tests/fuzz/corpus/$target" > "$build_dir/fuzz-$target.log" 2>&1; then
    echo "FAILED: $target (log: $build_dir/fuzz-$target.log)"
    grep -E "ERROR|SUMMARY|runtime error|broke|Test unit written" "$build_dir/fuzz-$target.log" | head -20
    status=1
    continue
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$build_dir/fuzz-$target.log" | tr '\n' ' '
  echo
done
exit $status
