# Third-party packages, all from Debian 12.

# Debian's Poco DataPostgreSQL config links a target named PostgreSQL::client that only Poco's own
# (uninstalled) FindPostgreSQL.cmake defines (pocoproject/poco #3036). Provide it before Poco.
find_package(PostgreSQL REQUIRED)
if(NOT TARGET PostgreSQL::client)
  add_library(PostgreSQL::client INTERFACE IMPORTED)
  target_link_libraries(PostgreSQL::client INTERFACE PostgreSQL::PostgreSQL)
endif()

find_package(Poco 1.11 REQUIRED COMPONENTS
  Foundation Util Net NetSSL Crypto JSON Data DataSQLite DataPostgreSQL)
find_package(Boost 1.74 REQUIRED COMPONENTS filesystem)
# libcrypto itself (already under Poco Crypto and NetSSL): the host's PBKDF2-HMAC-SHA256.
find_package(OpenSSL REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(CPPUNIT REQUIRED IMPORTED_TARGET cppunit)
find_package(Threads REQUIRED)
