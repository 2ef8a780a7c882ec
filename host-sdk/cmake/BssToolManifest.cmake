# bss_tool_manifest(<target> ID <id> DISPLAY_NAME <name> VERSION <semver> PERMISSION <permission>
#                   [ABI_MAJOR <n>] [ABI_MINOR <n>] [OUTPUT_DIR <dir>] [OUTPUT_VARIABLE <var>])
#
# Writes <target>.json, the manifest a BSS host reads before it opens the tool library <target>
# (a MODULE library): {"id","displayName","version","abiMajor","abiMinor","requiredPermission",
# "library"}. The file is written at generate time into OUTPUT_DIR (default: the target's output
# folder), next to the library. ABI_MAJOR/ABI_MINOR default to the SDK's kAbiMajor/kAbiMinor
# (BSS_HOST_SDK_ABI_MAJOR/MINOR); override them only to build a deliberately wrong manifest for a
# test. OUTPUT_VARIABLE receives the manifest's path (it may hold generator expressions), for
# install(FILES).
function(bss_tool_manifest target)
  cmake_parse_arguments(ARG "" "ID;DISPLAY_NAME;VERSION;PERMISSION;ABI_MAJOR;ABI_MINOR;OUTPUT_DIR;OUTPUT_VARIABLE" "" ${ARGN})
  foreach(field ID DISPLAY_NAME VERSION PERMISSION)
    if(NOT ARG_${field})
      message(FATAL_ERROR "bss_tool_manifest(${target}): ${field} is required")
    endif()
    if(ARG_${field} MATCHES "[\"\\\\]")
      message(FATAL_ERROR "bss_tool_manifest(${target}): ${field} '${ARG_${field}}' holds a quote or backslash")
    endif()
  endforeach()
  if(NOT ARG_VERSION MATCHES "^[0-9]+\\.[0-9]+\\.[0-9]+([-+].*)?$")
    message(FATAL_ERROR "bss_tool_manifest(${target}): VERSION '${ARG_VERSION}' is not a semantic version")
  endif()
  if(NOT DEFINED ARG_ABI_MAJOR)
    set(ARG_ABI_MAJOR ${BSS_HOST_SDK_ABI_MAJOR})
  endif()
  if(NOT DEFINED ARG_ABI_MINOR)
    set(ARG_ABI_MINOR ${BSS_HOST_SDK_ABI_MINOR})
  endif()
  if(NOT ARG_ABI_MAJOR MATCHES "^[0-9]+$" OR NOT ARG_ABI_MINOR MATCHES "^[0-9]+$")
    message(FATAL_ERROR "bss_tool_manifest(${target}): ABI '${ARG_ABI_MAJOR}.${ARG_ABI_MINOR}' is not two integers")
  endif()
  if(ARG_OUTPUT_DIR)
    set(output "${ARG_OUTPUT_DIR}/${target}.json")
  else()
    set(output "$<TARGET_FILE_DIR:${target}>/${target}.json")
  endif()
  file(GENERATE OUTPUT "${output}" CONTENT "{
  \"id\": \"${ARG_ID}\",
  \"displayName\": \"${ARG_DISPLAY_NAME}\",
  \"version\": \"${ARG_VERSION}\",
  \"abiMajor\": ${ARG_ABI_MAJOR},
  \"abiMinor\": ${ARG_ABI_MINOR},
  \"requiredPermission\": \"${ARG_PERMISSION}\",
  \"library\": \"$<TARGET_FILE_NAME:${target}>\"
}
")
  if(ARG_OUTPUT_VARIABLE)
    set(${ARG_OUTPUT_VARIABLE} "${output}" PARENT_SCOPE)
  endif()
endfunction()
