# Plugins' common library: the shared domain words, no network or database.
ict_add_test_runner(common_domain_tests domain plugin/common/domain LIBS common_domain)
# Plugins' common library: the Partner Center client (parsers offline; the client against the
# emulator over TLS).
ict_add_test_runner(ict_gateway_tests gateway plugin/common/gateway LIBS common_gateway pc_emulator)
# Plugins' common library: the tool plumbing on the host SDK (reading action bodies; no host).
ict_add_test_runner(common_tool_tests adapter plugin/common/adapter LIBS common_tool)
# Import Customers Tool: domain rules, no network or database.
ict_add_test_runner(ict_domain_tests domain plugin/import-customers/domain LIBS ict_domain)
# Azure Plan Migration Tool: domain rules, no network or database.
ict_add_test_runner(apm_domain_tests domain plugin/azure-plan-migration/domain LIBS apm_domain)
# Plugin: the storage layer's units (snapshots, leases, runs, spool, results) on the host schema and
# the tool's migrations, on SQLite and PostgreSQL; no host services, no tool.
ict_add_test_runner(ict_storage_tests storage plugin/import-customers/storage LIBS ict_core mock_host_core DIALECTS
  EXTRA_SOURCES support/TestDatabase.cpp)
# Mock host: loader (own processes), schema, services and HTTP, on SQLite and PostgreSQL.
set(MOCK_HOST_FIXTURE_PLUGIN_DIR ${CMAKE_BINARY_DIR}/fixture-plugins)
add_subdirectory(mock-host/fixtures)
ict_add_test_runner(mock_host_tests host mock-host LIBS mock_host_core DIALECTS EXCLUDE /emulator/
  EXTRA_SOURCES support/TestDatabase.cpp support/CommandRunner.cpp)
if(TARGET mock_host_tests)
  add_dependencies(mock_host_tests mock-host import_customers_tool mock_host_fixture_plugins)
  target_compile_definitions(mock_host_tests PRIVATE
    MOCK_HOST_FIXTURE_PLUGIN_DIR="${MOCK_HOST_FIXTURE_PLUGIN_DIR}"
    ICT_TEST_TOOL_VERSION="${PROJECT_VERSION}")
endif()
# Mock host: the Partner Center emulator, over real TLS on loopback.
ict_add_test_runner(emulator_tests emulator mock-host/emulator LIBS pc_emulator)
# Plugin: Get Hierarchy end to end: the real tool on the mock host's services and database, the
# emulator over TLS, on SQLite and PostgreSQL.
# Import crash tests run the real mock-host binary (with the tool) in a child process.
ict_add_test_runner(ict_application_tests application plugin/import-customers/application
  LIBS ict_core mock_host_core pc_emulator DIALECTS
  EXTRA_SOURCES support/TestDatabase.cpp support/CommandRunner.cpp)
if(TARGET ict_application_tests)
  add_dependencies(ict_application_tests mock-host import_customers_tool)
endif()
# Azure Plan Migration Tool: its storage units (scanned list, import writes) on the host schema and
# its migrations, on SQLite and PostgreSQL; no host services, no tool.
ict_add_test_runner(apm_storage_tests storage plugin/azure-plan-migration/storage
  LIBS apm_core mock_host_core DIALECTS EXTRA_SOURCES support/TestDatabase.cpp)
# Azure Plan Migration Tool end to end: the real host with both tools loaded from the plugins
# folder, the demo emulators over TLS, on SQLite and PostgreSQL.
# Its two-host test runs real mock-host processes against a partner-center-emulator process.
ict_add_test_runner(apm_application_tests application plugin/azure-plan-migration/application
  LIBS mock_host_core pc_emulator DIALECTS
  EXTRA_SOURCES support/TestDatabase.cpp support/CommandRunner.cpp)
if(TARGET apm_application_tests)
  add_dependencies(apm_application_tests mock-host partner-center-emulator import_customers_tool
    azure_plan_migration_tool)
endif()
# Reliability: fault soak, load and security against the real host (in-process, the tool loaded
# from the plugins folder), its HTTP API and the emulator; the crash soak kills the real mock-host
# binary, on SQLite and PostgreSQL. Each suite is bounded well below the runner default.
ict_add_test_runner(ict_reliability_tests reliability reliability LIBS mock_host_core
  EXCLUDE /crash/ EXTRA_SOURCES support/TestDatabase.cpp)
if(TARGET ict_reliability_tests)
  add_dependencies(ict_reliability_tests import_customers_tool)
endif()
ict_add_test_runner(ict_crash_soak_tests reliability reliability/crash LIBS mock_host_core
  DIALECTS EXTRA_SOURCES support/TestDatabase.cpp support/CommandRunner.cpp)
if(TARGET ict_crash_soak_tests)
  add_dependencies(ict_crash_soak_tests mock-host import_customers_tool partner-center-emulator)
endif()
foreach(suite FaultSoakTest LoadTest SecurityTest)
  if(TEST reliability.${suite})
    set_tests_properties(reliability.${suite} PROPERTIES TIMEOUT 240)
  endif()
endforeach()
foreach(db sqlite postgresql)
  if(TEST reliability.CrashSoakTest.${db})
    set_tests_properties(reliability.CrashSoakTest.${db} PROPERTIES TIMEOUT 300)
  endif()
  if(TEST reliability.TwoHostsTest.${db})
    set_tests_properties(reliability.TwoHostsTest.${db} PROPERTIES TIMEOUT 180)
  endif()
endforeach()
