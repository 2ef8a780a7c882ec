#pragma once
/// Options common to every mock-host command.
#include "db/DatabaseSpec.h"
#include "host/InstallLayout.h"
#include "seed/DemoEndpoint.h"

#include <optional>
#include <string>
#include <vector>

namespace mockhost {

struct HostOptions {
    std::string db = kDefaultDatabaseOption; ///< --db
    /// --key-file: the keys that seal the secrets in the database (HostKeyFile); empty: the
    /// SQLite file's path + ".key", or var/host.key for PostgreSQL.
    std::string keyFile;
    std::string pluginDir = InstallLayout::defaultPluginDir(); ///< --plugins
    std::string schemaDir = InstallLayout::defaultSchemaDir(); ///< --schema-dir
    bool seedDemo = false;                                     ///< --seed-demo
    std::optional<std::string> clock;                          ///< --clock 2026-01-31T10:00:00Z
    std::string logFile;                                       ///< --log-file
    bool quiet = false; ///< --quiet: warnings and errors only
    std::string demoPartnerCenterUrl = "https://127.0.0.1:8443"; ///< --demo-pc-url
    std::string demoLoginUrl = "https://127.0.0.1:8443";         ///< --demo-login-url
    /// Set by --emulator: the demo instances are (re)pointed at these on seeding.
    std::vector<DemoEndpoint> demoEndpoints;
};

} // namespace mockhost
