# CPack: one Debian package per install component. All packages carry the project version (the
# tool's semantic version, root CMakeLists.txt); the ABI comes from bss/sdk/Version.h.
#
# ABI dependency: bss-mock-host Provides the virtual package bss-host-abi-<major> at version
# <major>.<minor>; the tool Depends on bss-host-abi-<major> (>= <major>.<minor>), which is the
# host's own rule (same major, host minor not older). A real BSS host package provides the same.
set(abi_package bss-host-abi-${BSS_HOST_SDK_ABI_MAJOR})
set(abi_version ${BSS_HOST_SDK_ABI_MAJOR}.${BSS_HOST_SDK_ABI_MINOR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME bss)
set(CPACK_PACKAGE_VENDOR "Import Customers Tool project")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Import Customers Tool maintainers <ict-maintainers@example.invalid>")
# No CPACK_PACKAGE_DESCRIPTION_SUMMARY: each component description's first line is its summary.
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/packages)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL plugin azureplan sdk mockhost)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)

set(CPACK_DEBIAN_PLUGIN_PACKAGE_NAME bss-import-customers-tool)
set(CPACK_DEBIAN_PLUGIN_PACKAGE_DEPENDS "${abi_package} (>= ${abi_version}), ca-certificates")
set(CPACK_COMPONENT_PLUGIN_DESCRIPTION
  "Import Customers Tool for a BSS host\nImports customers (Microsoft tenants) and subscriptions from Microsoft Partner\nCenter into the BSS. Installs the tool library and its manifest into\n/usr/lib/bss/plugins.")

set(CPACK_DEBIAN_AZUREPLAN_PACKAGE_NAME bss-azure-plan-migration-tool)
set(CPACK_DEBIAN_AZUREPLAN_PACKAGE_DEPENDS "${abi_package} (>= ${abi_version}), ca-certificates")
set(CPACK_COMPONENT_AZUREPLAN_DESCRIPTION
  "Azure Plan Migration Tool for a BSS host\nBrings a tenant's Azure plan and its Azure subscriptions from Microsoft Partner\nCenter into the BSS, after the Import Customers Tool brought the customer. Installs\nthe tool library and its manifest into /usr/lib/bss/plugins.")

set(CPACK_DEBIAN_SDK_PACKAGE_NAME bss-host-sdk-dev)
set(CPACK_DEBIAN_SDK_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_SDK_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_SDK_PACKAGE_SHLIBDEPS OFF)
set(CPACK_DEBIAN_SDK_PACKAGE_DEPENDS
  "libpoco-dev (>= 1.11), libboost1.74-dev | libboost-dev (>= 1.74), cmake (>= 3.16)")
set(CPACK_COMPONENT_SDK_DESCRIPTION
  "BSS host SDK (C++17 headers, host schema, CMake package)\nHeader-only contract between a BSS host and its tool libraries (ABI ${abi_version},\nSDK ${BSS_HOST_SDK_VERSION}). find_package(BssHostSdk CONFIG REQUIRED) gives Bss::HostSdk.")

set(CPACK_DEBIAN_MOCKHOST_PACKAGE_NAME bss-mock-host)
set(CPACK_DEBIAN_MOCKHOST_PACKAGE_PROVIDES "${abi_package} (= ${abi_version})")
set(CPACK_DEBIAN_MOCKHOST_PACKAGE_DEPENDS "ca-certificates")
set(CPACK_COMPONENT_MOCKHOST_DESCRIPTION
  "Standalone BSS mock host and Partner Center emulator\nLoads BSS tool libraries from /usr/lib/bss/plugins (host ABI ${abi_version}), holds the\nhost database (SQLite or PostgreSQL) and serves a JSON API; ships partner-center-emulator.")

include(CPack)
