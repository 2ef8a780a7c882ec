// HostServices::enabledTools (since ABI 1.2) on a real host: the plugin folder of the build, the
// demo organizations, enablement rows changed through the host, on the database of ICT_TEST_DB.
#include "host/Host.h"
#include "support/TestDatabase.h"

#include <cppunit/extensions/HelperMacros.h>

#include <memory>

namespace {

const std::string kTool = "import-customers";
const std::string kAzureTool = "azure-plan-migration";

std::vector<std::string> idsOf(const std::vector<bss::sdk::ToolSummary>& tools) {
    std::vector<std::string> ids;
    for (const auto& tool : tools)
        ids.push_back(tool.id);
    return ids;
}

} // namespace

class HostEnabledToolsTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(HostEnabledToolsTest);
    CPPUNIT_TEST(listsTheStartedToolsEnabledForTheOrganization);
    CPPUNIT_TEST(followsEnablementChanges);
    CPPUNIT_TEST(aToolSeesTheListThroughItsServices);
    CPPUNIT_TEST_SUITE_END();

    // A process loads tool libraries once: one host serves the suite, its tests run in order and
    // the last one stops the tools.
    struct Shared {
        ict::test::TestDatabase db;
        std::unique_ptr<mockhost::Host> host;
    };
    static Shared& shared() {
        static Shared instance;
        return instance;
    }

    mockhost::Host* _host = nullptr;

    std::int64_t org(const std::string& name) { return _host->organizations().require(name).id; }

public:
    void setUp() override {
        Shared& s = shared();
        if (!s.host) {
            mockhost::HostOptions options;
            options.db = s.db.hostOption();
            options.pluginDir = ICT_BINARY_DIR "/plugins";
            options.quiet = true;
            options.seedDemo = true;
            s.host = std::make_unique<mockhost::Host>(options);
            s.host->loadTools();
            s.host->startTools();
        }
        _host = s.host.get();
    }

    void listsTheStartedToolsEnabledForTheOrganization() {
        // Both tools of the plugins folder, ordered by id.
        const auto root = _host->enabledTools(org("Contoso Cloud (root)"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), root.size());
        CPPUNIT_ASSERT_EQUAL(kAzureTool, root[0].id);
        CPPUNIT_ASSERT_EQUAL(std::string("Azure Plan Migration Tool"), root[0].displayName);
        CPPUNIT_ASSERT_EQUAL(kTool, root[1].id);
        CPPUNIT_ASSERT_EQUAL(std::string("Import Customers Tool"), root[1].displayName);
        CPPUNIT_ASSERT_EQUAL(std::string("BSS Setup > Tools"), root[1].menuPath);
        // The demo enables the tools for the root and the country tenant, not the simple tenant.
        CPPUNIT_ASSERT(idsOf(_host->enabledTools(org("Contoso Cloud Greece"))) ==
                       (std::vector<std::string>{kAzureTool, kTool}));
        CPPUNIT_ASSERT(_host->enabledTools(org("Contoso Reseller Shop")).empty());
        CPPUNIT_ASSERT(_host->enabledTools(987654321).empty());
    }

    void followsEnablementChanges() {
        const std::int64_t shop = org("Contoso Reseller Shop");
        _host->enablement().set(shop, kTool, true, "2026-12-04T12:00:00Z");
        CPPUNIT_ASSERT(idsOf(_host->enabledTools(shop)) == std::vector<std::string>{kTool});
        // Each tool is enabled on its own.
        _host->enablement().set(shop, kAzureTool, true, "2026-12-04T12:00:30Z");
        CPPUNIT_ASSERT(idsOf(_host->enabledTools(shop)) ==
                       (std::vector<std::string>{kAzureTool, kTool}));
        _host->enablement().set(shop, kAzureTool, false, "2026-12-04T12:00:40Z");
        _host->enablement().set(shop, kTool, false, "2026-12-04T12:01:00Z");
        CPPUNIT_ASSERT(_host->enabledTools(shop).empty());
        // An enablement row of a tool this host does not run lists nothing.
        _host->enablement().set(shop, "no-such-tool", true, "2026-12-04T12:02:00Z");
        CPPUNIT_ASSERT(_host->enabledTools(shop).empty());
    }

    void aToolSeesTheListThroughItsServices() {
        mockhost::RunningTool* running = _host->tool(kTool);
        CPPUNIT_ASSERT(running);
        bss::sdk::HostServices& services = *running->services;
        CPPUNIT_ASSERT(idsOf(services.enabledTools(org("Contoso Cloud (root)"))) ==
                       (std::vector<std::string>{kAzureTool, kTool}));
        _host->stopTools();
        // A stopped tool is no longer listed (and no longer calls: this is the host's view).
        CPPUNIT_ASSERT(_host->enabledTools(org("Contoso Cloud (root)")).empty());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(HostEnabledToolsTest);
