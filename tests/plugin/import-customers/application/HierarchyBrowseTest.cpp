// Browsing the saved hierarchy ([S8]) and who may use an instance ([S14]), through the tool's
// actions on the mock host's services (ICT_TEST_DB database) after a real Get Hierarchy.
#include "support/ToolHarness.h"

#include <cppunit/extensions/HelperMacros.h>

#include <map>
#include <set>

using ict::application::test::JsonObject;
using ict::application::test::ToolHarness;
using mockhost::emulator::PartnerCenterEmulator;
using mockhost::emulator::SalesModel;

namespace {

std::string str(const JsonObject& object, const std::string& field) {
    return object->isNull(field) ? std::string() : object->getValue<std::string>(field);
}

std::vector<JsonObject> rows(const JsonObject& page) {
    std::vector<JsonObject> result;
    const auto array = page->getArray("rows");
    for (std::size_t i = 0; i < array->size(); ++i)
        result.push_back(array->getObject(static_cast<unsigned>(i)));
    return result;
}

} // namespace

class HierarchyBrowseTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(HierarchyBrowseTest);
    CPPUNIT_TEST(pagesCoverEveryRowOnce);
    CPPUNIT_TEST(sortsAscendingAndDescending);
    CPPUNIT_TEST(filtersNarrowTheRows);
    CPPUNIT_TEST(badBrowseInputIsRefusedNamingTheField);
    CPPUNIT_TEST(countryTenantUsesParentInstanceWithParentCredentials);
    CPPUNIT_TEST(simpleTenantCannotUseParentInstance);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override {
        _h = std::make_unique<ToolHarness>();
        _pc = &_h->startEmulator(SalesModel::Both, 25, 31);
        _id = _h->addInstance("Mixed PC", "both", *_pc);
    }
    void tearDown() override { _h.reset(); }

    void pagesCoverEveryRowOnce() {
        massRun(_h->root());
        const std::size_t total = page("")->getValue<std::size_t>("total");
        CPPUNIT_ASSERT(total > 20);
        std::multiset<std::string> seen;
        for (std::size_t offset = 0; offset < total; offset += 7) {
            const JsonObject p =
                page(",\"sort\":\"tenantId\",\"limit\":7,\"offset\":" + std::to_string(offset));
            CPPUNIT_ASSERT_EQUAL(total, p->getValue<std::size_t>("total"));
            CPPUNIT_ASSERT_EQUAL(std::min<std::size_t>(7, total - offset), rows(p).size());
            for (const JsonObject& r : rows(p))
                seen.insert(str(r, "tenantId") + "/" + str(r, "resellerMpnId"));
        }
        CPPUNIT_ASSERT_EQUAL(total, seen.size());
        CPPUNIT_ASSERT_EQUAL(total, std::set<std::string>(seen.begin(), seen.end()).size());
        // Past the end: no rows, same total.
        const JsonObject past = page(",\"offset\":" + std::to_string(total));
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), rows(past).size());
        CPPUNIT_ASSERT_EQUAL(total, past->getValue<std::size_t>("total"));
    }

    void sortsAscendingAndDescending() {
        massRun(_h->root());
        const auto up = rows(page(",\"sort\":\"tenantId\",\"limit\":500"));
        const auto down = rows(page(",\"sort\":\"tenantId\",\"descending\":true,\"limit\":500"));
        CPPUNIT_ASSERT_EQUAL(up.size(), down.size());
        for (std::size_t i = 1; i < up.size(); ++i)
            CPPUNIT_ASSERT(str(up[i - 1], "tenantId") <= str(up[i], "tenantId"));
        CPPUNIT_ASSERT_EQUAL(str(up.front(), "tenantId"), str(down.back(), "tenantId"));
        CPPUNIT_ASSERT_EQUAL(str(up.back(), "tenantId"), str(down.front(), "tenantId"));

        const auto bySubscriptions =
            rows(page(",\"sort\":\"subscriptions\",\"descending\":true,\"limit\":500"));
        for (std::size_t i = 1; i < bySubscriptions.size(); ++i)
            CPPUNIT_ASSERT(bySubscriptions[i - 1]->getValue<int>("subscriptionsInPartnerCenter") >=
                           bySubscriptions[i]->getValue<int>("subscriptionsInPartnerCenter"));
    }

    void filtersNarrowTheRows() {
        massRun(_h->root());
        const auto all = rows(page(",\"limit\":500"));
        std::map<std::string, std::size_t> byType;
        for (const JsonObject& r : all)
            ++byType[str(r, "type")];
        for (const auto& [type, count] : byType) {
            const JsonObject p = page(",\"type\":\"" + type + "\",\"limit\":500");
            CPPUNIT_ASSERT_EQUAL(count, p->getValue<std::size_t>("total"));
            for (const JsonObject& r : rows(p))
                CPPUNIT_ASSERT_EQUAL(type, str(r, "type"));
        }
        // A reseller's end customers: as many as the resellers action says.
        const auto resellers = _h->call("resellers", "{\"instanceId\":" + std::to_string(_id) + "}")
                                   ->getArray("resellers");
        CPPUNIT_ASSERT(resellers->size() > 0);
        const JsonObject reseller = resellers->getObject(0);
        const std::string mpnId = str(reseller, "mpnId");
        const JsonObject ofReseller = page(",\"resellerMpnId\":\"" + mpnId + "\",\"limit\":500");
        CPPUNIT_ASSERT_EQUAL(reseller->getValue<std::size_t>("endCustomers"),
                             ofReseller->getValue<std::size_t>("total"));
        for (const JsonObject& r : rows(ofReseller))
            CPPUNIT_ASSERT_EQUAL(mpnId, str(r, "resellerMpnId"));
        // Name (case-insensitive contains) and tenant id prefix.
        const JsonObject some = all[all.size() / 2];
        const std::string name = str(some, "companyName");
        const std::string part =
            Poco::toUpper(name.substr(0, std::min<std::size_t>(5, name.size())));
        const auto byName = rows(page(",\"name\":\"" + part + "\",\"limit\":500"));
        bool found = false;
        for (const JsonObject& r : byName) {
            found |= str(r, "tenantId") == str(some, "tenantId");
            CPPUNIT_ASSERT(Poco::toUpper(str(r, "companyName")).find(part) != std::string::npos);
        }
        CPPUNIT_ASSERT(found);
        const std::string prefix = str(some, "tenantId").substr(0, 8);
        const auto byId = rows(page(",\"tenantId\":\"" + prefix + "\",\"limit\":500"));
        CPPUNIT_ASSERT(!byId.empty());
        for (const JsonObject& r : byId)
            CPPUNIT_ASSERT_EQUAL(0, static_cast<int>(str(r, "tenantId").rfind(prefix, 0)));
        // Filters are ANDed: a name that matches nothing empties any other filter.
        CPPUNIT_ASSERT_EQUAL(std::size_t(0),
                             page(",\"type\":\"direct\",\"name\":\"zz-no-such-name-zz\"")
                                 ->getValue<std::size_t>("total"));
    }

    void badBrowseInputIsRefusedNamingTheField() {
        massRun(_h->root());
        auto refused = [&](const std::string& extra, const std::string& field) {
            try {
                page(extra);
            } catch (const bss::sdk::ToolError& e) {
                CPPUNIT_ASSERT(e.code() == bss::sdk::ErrorCode::InvalidInput);
                CPPUNIT_ASSERT_EQUAL(field, e.field());
                return std::string(e.what());
            }
            CPPUNIT_FAIL("accepted: " + extra);
            return std::string();
        };
        CPPUNIT_ASSERT_EQUAL(std::string("Field 'sort' cannot be 'bogus'."),
                             refused(",\"sort\":\"bogus\"", "sort"));
        CPPUNIT_ASSERT_EQUAL(std::string("Field 'limit' must be from 1 to 500, not '0'."),
                             refused(",\"limit\":0", "limit"));
        refused(",\"offset\":-1", "offset");
    }

    void countryTenantUsesParentInstanceWithParentCredentials() {
        const auto list = _h->call(_h->country(), "list-instances", "{}")->getArray("instances");
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), list->size());
        const JsonObject instance = list->getObject(0);
        CPPUNIT_ASSERT_EQUAL(_id, instance->getValue<std::int64_t>("id"));
        CPPUNIT_ASSERT_EQUAL(std::string("inherited"), str(instance, "origin"));
        const JsonObject job = massRun(_h->country());
        CPPUNIT_ASSERT_EQUAL(std::string("admin@country"), str(job, "user"));
        // The parent's app credentials and token were used: the emulator accepted them.
        CPPUNIT_ASSERT(_pc->state().counters().count("token") >= 1);
        const JsonObject countryPage =
            _h->call(_h->country(), "tenants", "{\"instanceId\":" + std::to_string(_id) + "}");
        CPPUNIT_ASSERT(countryPage->getValue<std::size_t>("total") > 0);
        // The country tenant's hierarchy is its own: the root has none saved yet.
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), page("")->getValue<std::size_t>("total"));
    }

    void simpleTenantCannotUseParentInstance() {
        const auto list = _h->call(_h->simple(), "list-instances", "{}")->getArray("instances");
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), list->size());
        try {
            _h->startHierarchy(_h->simple(), "{\"instanceId\":" + std::to_string(_id) + "}");
            CPPUNIT_FAIL("a simple tenant started a Get Hierarchy on its parent's instance");
        } catch (const bss::sdk::ToolError& e) {
            CPPUNIT_ASSERT(e.code() == bss::sdk::ErrorCode::NotFound);
        }
        CPPUNIT_ASSERT_EQUAL(std::uint64_t(0),
                             static_cast<std::uint64_t>(_pc->state().counters().total()));
    }

private:
    JsonObject massRun(const bss::sdk::CallContext& caller) {
        const JsonObject job = _h->runHierarchy(caller, "{\"instanceId\":" + std::to_string(_id) +
                                                            ",\"mode\":\"mass\"}");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(str(job, "error"), std::string("succeeded"),
                                     str(job, "state"));
        return job;
    }

    JsonObject page(const std::string& extra) {
        return _h->call("tenants", "{\"instanceId\":" + std::to_string(_id) + extra + "}");
    }

    std::unique_ptr<ToolHarness> _h;
    PartnerCenterEmulator* _pc = nullptr;
    std::int64_t _id = 0;
};

CPPUNIT_TEST_SUITE_REGISTRATION(HierarchyBrowseTest);
