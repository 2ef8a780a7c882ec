#!/usr/bin/env bash
# Configures and builds into ./build (warnings as errors when ICT_WERROR=ON).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${ICT_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=${ICT_BUILD_TYPE:-RelWithDebInfo} \
  -DICT_WERROR=${ICT_WERROR:-OFF} -DICT_DEBUG_INFO=${ICT_DEBUG_INFO:-full} > "$build_dir.configure.log" 2>&1 || { cat "$build_dir.configure.log"; exit 1; }
cmake --build "$build_dir" -j "$(nproc)"
