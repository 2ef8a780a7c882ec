# Instrumented builds, each in its own build directory (scripts/test-sanitized.sh, scripts/fuzz.sh).
#  ICT_SANITIZE=ON: AddressSanitizer + UndefinedBehaviorSanitizer on every target; any UB report
#                   aborts the process so a test fails instead of printing and passing.
#  ICT_FUZZ=ON:     clang only; instruments every library for libFuzzer coverage (fuzzer-no-link)
#                   and adds the tests/fuzz/ targets, each linked with -fsanitize=fuzzer.
# Both keep frame pointers so reports have full stacks, and build at -O1: fast enough to run the
# suite, still close to the optimised code.
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
set(ict_common_flags -fno-omit-frame-pointer -fno-sanitize-recover=undefined -O1)

if(ICT_FUZZ)
  if(NOT ict_is_clang)
    message(FATAL_ERROR "ICT_FUZZ needs clang (libFuzzer): configure with CXX=clang++-14")
  endif()
  add_compile_options(-fsanitize=${ict_sanitizers},fuzzer-no-link ${ict_common_flags})
  add_link_options(-fsanitize=${ict_sanitizers})
  set(ICT_MODULE_LINK_OPTIONS "")
elseif(ICT_SANITIZE)
  add_compile_options(-fsanitize=${ict_sanitizers} ${ict_common_flags})
  add_link_options(-fsanitize=${ict_sanitizers})
  if(ict_is_clang)
    add_link_options(-shared-libsan)
  endif()
endif()

# GCC 12 with -fsanitize=address at -O1 reports -Wmaybe-uninitialized inside libstdc++'s <regex>
# (the std::function of a copied _StateT): a false positive in library code, which ICT_WERROR
# would turn into a failed build. Only sources that include <regex> get that one warning off; call
# ict_apply_sanitizer_workarounds() once, after every target exists.
function(ict_apply_sanitizer_workarounds)
  if(NOT (ICT_SANITIZE AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU"))
    return()
  endif()
  set(directories ${CMAKE_SOURCE_DIR})
  while(directories)
    list(POP_FRONT directories dir)
    get_property(children DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
    list(APPEND directories ${children})
    get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
    foreach(target ${targets})
      get_target_property(sources ${target} SOURCES)
      if(NOT sources)
        continue()
      endif()
      foreach(source ${sources})
        if(NOT IS_ABSOLUTE "${source}")
          set(source ${dir}/${source})
        endif()
        if(source MATCHES "\\.cpp$" AND EXISTS "${source}")
          file(STRINGS "${source}" includesRegex REGEX "^#include <regex>")
          if(includesRegex)
            set_source_files_properties("${source}" TARGET_DIRECTORY ${target}
              PROPERTIES COMPILE_OPTIONS -Wno-maybe-uninitialized)
          endif()
        endif()
      endforeach()
    endforeach()
  endwhile()
endfunction()
