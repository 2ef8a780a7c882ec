# Instrumented builds, each in its own build directory (scripts/test-sanitized.sh, scripts/fuzz.sh).
#  ICT_SANITIZE=ON: AddressSanitizer + UndefinedBehaviorSanitizer on every target; any UB report
#                   aborts the process so a test fails instead of printing and passing.
#  ICT_FUZZ=ON:     clang only; instruments every library for libFuzzer coverage (fuzzer-no-link)
#                   and adds the tests/fuzz/ targets, each linked with -fsanitize=fuzzer.
# Both keep frame pointers so reports have full stacks. ICT_SANITIZE builds at -Og, which
# compiles faster than -O1 (the suite's time goes to its tests' waits, not to code speed); the
# fuzz targets at -O1, where executions per second are the point.
#
# Tool libraries (MODULEs) link with -Wl,--no-undefined (ICT_MODULE_LINK_OPTIONS). GCC links its
# sanitizer runtimes as shared libraries into every DSO, so that holds. Clang links a static runtime
# into executables only and leaves a module's __asan_* / __ubsan_* references for the host to
# resolve at load time; with clang we therefore use the shared runtime (-shared-libsan) for
# ICT_SANITIZE, and drop --no-undefined for ICT_FUZZ (fuzz targets never load the module).

option(ICT_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(ICT_FUZZ "Build the libFuzzer targets (clang), instrumented with ASan and UBSan" OFF)

set(ICT_MODULE_LINK_OPTIONS -Wl,--no-undefined)
set(ict_is_clang OFF)
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  set(ict_is_clang ON)
endif()

set(ict_sanitizers address,undefined)
set(ict_common_flags -fno-omit-frame-pointer -fno-sanitize-recover=undefined)

if(ICT_FUZZ)
  if(NOT ict_is_clang)
    message(FATAL_ERROR "ICT_FUZZ needs clang (libFuzzer): configure with CXX=clang++-14")
  endif()
  add_compile_options(-fsanitize=${ict_sanitizers},fuzzer-no-link ${ict_common_flags} -O1)
  add_link_options(-fsanitize=${ict_sanitizers})
  set(ICT_MODULE_LINK_OPTIONS "")
elseif(ICT_SANITIZE)
  add_compile_options(-fsanitize=${ict_sanitizers} ${ict_common_flags} -Og)
  add_link_options(-fsanitize=${ict_sanitizers})
  if(ict_is_clang)
    add_link_options(-shared-libsan)
  endif()
endif()

# GCC 12 with -fsanitize=address reports -Wmaybe-uninitialized false positives (inside
# libstdc++'s <regex> at -O1, and more at -Og), which ICT_WERROR would turn into a failed build. The
# instrumented build is for finding faults at run time; the uninstrumented build (the first CI
# stage, warnings as errors) keeps the warning.
if(ICT_SANITIZE AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  add_compile_options(-Wno-maybe-uninitialized)
endif()
