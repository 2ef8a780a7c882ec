// [S14] through the real InstanceDirectory on a fresh host database (ICT_TEST_DB).
#include "services/HostInstanceDirectory.h"
#include "db/HostDatabase.h"
#include "db/HostSchema.h"
#include "orgs/OrganizationDirectory.h"
#include "services/HostClock.h"
#include "services/InstanceStore.h"
#include "support/IsoTime.h"
#include "support/TestDatabase.h"

#include <bss/sdk/ToolError.h>

#include <cppunit/extensions/HelperMacros.h>

#include <memory>

using bss::sdk::InstanceOrigin;
using bss::sdk::Organization;
using bss::sdk::OrganizationKind;

class HostInstanceDirectoryTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(HostInstanceDirectoryTest);
    CPPUNIT_TEST(rootSeesOnlyItsOwnInstances);
    CPPUNIT_TEST(countryTenantSeesParentInstancesAsInherited);
    CPPUNIT_TEST(simpleTenantSeesNoneOfTheParents);
    CPPUNIT_TEST(childReadsParentTokenRenewalAtOnce);
    CPPUNIT_TEST(simpleTenantMayNotReadParentCredentials);
    CPPUNIT_TEST(unknownInstanceIsNotFound);
    CPPUNIT_TEST(infoCarriesNoSecretButTokenState);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override {
        _testDb = std::make_unique<ict::test::TestDatabase>();
        _db = std::make_unique<mockhost::HostDatabase>(
            mockhost::DatabaseSpec::parse(_testDb->hostOption()));
        mockhost::HostSchema(MOCK_HOST_SCHEMA_DIR).apply(*_db, "2026-01-31T10:00:00Z");
        _clock.set(mockhost::parseIso("2026-01-31T10:00:00Z", "clock"));
        mockhost::OrganizationDirectory orgs(*_db);
        const auto rootId = orgs.add("Root", OrganizationKind::Root, {});
        orgs.add("Country", OrganizationKind::CountryTenant, rootId);
        orgs.add("Simple", OrganizationKind::SimpleTenant, rootId);
        _root = *orgs.byName("Root");
        _country = *orgs.byName("Country");
        _simple = *orgs.byName("Simple");
        mockhost::InstanceStore store(*_db);
        _rootInstance =
            store.add(record(_root.id, "Root PC", "root-token-1"), "2026-01-31T10:00:00Z");
        _countryInstance =
            store.add(record(_country.id, "Country PC", "country-token"), "2026-01-31T10:00:00Z");
        _directory = std::make_unique<mockhost::HostInstanceDirectory>(*_db, _clock);
    }
    void tearDown() override {
        _directory.reset();
        _db.reset();
        _testDb.reset();
    }

    void rootSeesOnlyItsOwnInstances() {
        const auto list = _directory->instancesFor(_root);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), list.size());
        CPPUNIT_ASSERT_EQUAL(std::string("Root PC"), list[0].name);
        CPPUNIT_ASSERT(list[0].origin == InstanceOrigin::Own);
    }

    void countryTenantSeesParentInstancesAsInherited() {
        const auto list = _directory->instancesFor(_country);
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), list.size());
        CPPUNIT_ASSERT_EQUAL(std::string("Country PC"), list[0].name);
        CPPUNIT_ASSERT(list[0].origin == InstanceOrigin::Own);
        CPPUNIT_ASSERT_EQUAL(std::string("Root PC"), list[1].name);
        CPPUNIT_ASSERT(list[1].origin == InstanceOrigin::InheritedFromParent);
        CPPUNIT_ASSERT_EQUAL(_root.id, list[1].ownerOrganizationId);
        CPPUNIT_ASSERT_EQUAL(std::string("Root"), list[1].ownerOrganizationName);
    }

    void simpleTenantSeesNoneOfTheParents() {
        CPPUNIT_ASSERT(_directory->instancesFor(_simple).empty());
    }

    void childReadsParentTokenRenewalAtOnce() {
        CPPUNIT_ASSERT_EQUAL(std::string("root-token-1"),
                             _directory->credentials(_rootInstance, _country).refreshToken);
        const auto expires = mockhost::parseIso("2026-04-30T10:00:00Z", "expires");
        _directory->storeRefreshToken(_rootInstance, _root, "root-token-2", expires);
        const auto seenByChild = _directory->credentials(_rootInstance, _country);
        CPPUNIT_ASSERT_EQUAL(std::string("root-token-2"), seenByChild.refreshToken);
        CPPUNIT_ASSERT(seenByChild.refreshTokenExpiresAt &&
                       *seenByChild.refreshTokenExpiresAt == expires);
        // And the other way round: the child stores on the owner's row.
        _directory->storeRefreshToken(_rootInstance, _country, "root-token-3", expires);
        CPPUNIT_ASSERT_EQUAL(std::string("root-token-3"),
                             _directory->credentials(_rootInstance, _root).refreshToken);
    }

    void simpleTenantMayNotReadParentCredentials() {
        assertNotFound([&] { _directory->credentials(_rootInstance, _simple); });
        assertNotFound(
            [&] { _directory->storeRefreshToken(_rootInstance, _simple, "x", _clock.now()); });
        // Nor may a parent use its child's instance.
        assertNotFound([&] { _directory->credentials(_countryInstance, _root); });
        CPPUNIT_ASSERT_EQUAL(std::string("root-token-1"),
                             _directory->credentials(_rootInstance, _root).refreshToken);
    }

    void unknownInstanceIsNotFound() {
        assertNotFound([&] { _directory->credentials(987654, _root); });
    }

    void infoCarriesNoSecretButTokenState() {
        const auto list = _directory->instancesFor(_root);
        CPPUNIT_ASSERT(list[0].hasRefreshToken);
        CPPUNIT_ASSERT(list[0].refreshTokenExpiresAt.has_value());
        CPPUNIT_ASSERT_EQUAL(std::string("2027-01-31T10:00:00Z"),
                             mockhost::formatIso(*list[0].refreshTokenExpiresAt));
    }

private:
    static mockhost::InstanceRecord record(std::int64_t owner, const std::string& name,
                                           const std::string& token) {
        mockhost::InstanceRecord r;
        r.ownerOrganizationId = owner;
        r.name = name;
        r.cspModel = "direct";
        r.partnerCenterUrl = "https://127.0.0.1:8443";
        r.loginUrl = "https://127.0.0.1:8443";
        r.partnerTenantId = "3f2b8a4e-1c1d-4d0e-9a55-0d1e2f3a4b5c";
        r.appId = "6c1f9a30-2b7d-4e8f-8a11-5e0b9c7d2f41";
        r.appSecret = "secret";
        r.refreshToken = token;
        r.refreshTokenExpiresAtIso = "2027-01-31T10:00:00Z";
        return r;
    }

    template <typename F> static void assertNotFound(F call) {
        try {
            call();
            CPPUNIT_FAIL("expected ToolError(NotFound)");
        } catch (const bss::sdk::ToolError& e) {
            CPPUNIT_ASSERT(e.code() == bss::sdk::ErrorCode::NotFound);
        }
    }

    std::unique_ptr<ict::test::TestDatabase> _testDb;
    std::unique_ptr<mockhost::HostDatabase> _db;
    mockhost::HostClock _clock;
    Organization _root, _country, _simple;
    std::int64_t _rootInstance = 0;
    std::int64_t _countryInstance = 0;
    std::unique_ptr<mockhost::HostInstanceDirectory> _directory;
};

CPPUNIT_TEST_SUITE_REGISTRATION(HostInstanceDirectoryTest);
