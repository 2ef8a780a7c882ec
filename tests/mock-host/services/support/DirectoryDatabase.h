#pragma once
// A fresh host database (ICT_TEST_DB) with the host schema and three organizations: "Root", its
// country tenant "Country" and its simple tenant "Simple"; the host clock at 2026-01-31T10:00Z.
// Shared by the suites of the instance directory.
#include "db/HostDatabase.h"
#include "db/HostSchema.h"
#include "orgs/OrganizationDirectory.h"
#include "services/HostClock.h"
#include "services/InstanceStore.h"
#include "support/IsoTime.h"
#include "support/TestDatabase.h"

#include <memory>
#include <string>

namespace mockhost::test {

struct DirectoryDatabase {
    DirectoryDatabase() : testDb(std::make_unique<ict::test::TestDatabase>()), db(openPool()) {
        HostSchema(MOCK_HOST_SCHEMA_DIR).apply(*db, kNow);
        clock.set(parseIso(kNow, "clock"));
        OrganizationDirectory orgs(*db);
        const auto rootId = orgs.add("Root", bss::sdk::OrganizationKind::Root, {});
        orgs.add("Country", bss::sdk::OrganizationKind::CountryTenant, rootId);
        orgs.add("Simple", bss::sdk::OrganizationKind::SimpleTenant, rootId);
        root = *orgs.byName("Root");
        country = *orgs.byName("Country");
        simple = *orgs.byName("Simple");
    }

    /// Another connection pool on the same database, as a second process has.
    std::unique_ptr<HostDatabase> openPool() const {
        return std::make_unique<HostDatabase>(DatabaseSpec::parse(testDb->hostOption()));
    }

    /// Adds a direct instance of `owner` holding `refreshToken` (valid until 2027-01-31).
    std::int64_t addInstance(std::int64_t owner, const std::string& name,
                             const std::string& refreshToken) {
        InstanceRecord r;
        r.ownerOrganizationId = owner;
        r.name = name;
        r.cspModel = "direct";
        r.partnerCenterUrl = "https://127.0.0.1:8443";
        r.loginUrl = "https://127.0.0.1:8443";
        r.partnerTenantId = "3f2b8a4e-1c1d-4d0e-9a55-0d1e2f3a4b5c";
        r.appId = "6c1f9a30-2b7d-4e8f-8a11-5e0b9c7d2f41";
        r.appSecret = "secret";
        r.refreshToken = refreshToken;
        r.refreshTokenExpiresAtIso = "2027-01-31T10:00:00Z";
        return InstanceStore(*db).add(r, kNow);
    }

    static constexpr const char* kNow = "2026-01-31T10:00:00Z";
    std::unique_ptr<ict::test::TestDatabase> testDb;
    std::unique_ptr<HostDatabase> db;
    HostClock clock;
    bss::sdk::Organization root, country, simple;
};

} // namespace mockhost::test
