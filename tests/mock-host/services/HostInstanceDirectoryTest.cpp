// [S14] through the real InstanceDirectory on a fresh host database (ICT_TEST_DB).
#include "services/HostInstanceDirectory.h"
#include "mock-host/services/support/DirectoryDatabase.h"

#include <bss/sdk/ToolError.h>

#include <cppunit/extensions/HelperMacros.h>

#include <memory>

using bss::sdk::InstanceOrigin;
using bss::sdk::Organization;

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
        _data = std::make_unique<mockhost::test::DirectoryDatabase>();
        _root = _data->root;
        _country = _data->country;
        _simple = _data->simple;
        _rootInstance = _data->addInstance(_root.id, "Root PC", "root-token-1");
        _countryInstance = _data->addInstance(_country.id, "Country PC", "country-token");
        _directory = std::make_unique<mockhost::HostInstanceDirectory>(*_data->db, _data->clock);
    }
    void tearDown() override {
        _directory.reset();
        _data.reset();
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
        assertNotFound([&] {
            _directory->storeRefreshToken(_rootInstance, _simple, "x", _data->clock.now());
        });
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
    template <typename F> static void assertNotFound(F call) {
        try {
            call();
            CPPUNIT_FAIL("expected ToolError(NotFound)");
        } catch (const bss::sdk::ToolError& e) {
            CPPUNIT_ASSERT(e.code() == bss::sdk::ErrorCode::NotFound);
        }
    }

    std::unique_ptr<mockhost::test::DirectoryDatabase> _data;
    Organization _root, _country, _simple;
    std::int64_t _rootInstance = 0;
    std::int64_t _countryInstance = 0;
    std::unique_ptr<mockhost::HostInstanceDirectory> _directory;
};

CPPUNIT_TEST_SUITE_REGISTRATION(HostInstanceDirectoryTest);
