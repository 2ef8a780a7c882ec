#include "data/DataGenerator.h"
#include "data/DataSetFile.h"

#include <cppunit/extensions/HelperMacros.h>

#include <Poco/Exception.h>

#include <algorithm>
#include <map>
#include <set>

using namespace mockhost::emulator;

class DataGeneratorTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(DataGeneratorTest);
    CPPUNIT_TEST(sameSeedGivesSameDataOtherSeedDiffers);
    CPPUNIT_TEST(mixIsRealistic);
    CPPUNIT_TEST(directAndIndirectModels);
    CPPUNIT_TEST(fileRoundTripKeepsEverything);
    CPPUNIT_TEST(rejectsNegativeCounts);
    CPPUNIT_TEST(moreSubscriptionsPerTenantWhenAsked);
    CPPUNIT_TEST_SUITE_END();

public:
    void sameSeedGivesSameDataOtherSeedDiffers() {
        GeneratorOptions options;
        options.seed = 42;
        options.tenantCount = 120;
        const std::string first = DataSetFile::toJson(DataGenerator::generate(options));
        const std::string second = DataSetFile::toJson(DataGenerator::generate(options));
        CPPUNIT_ASSERT(first == second);
        options.seed = 43;
        CPPUNIT_ASSERT(first != DataSetFile::toJson(DataGenerator::generate(options)));
    }

    void moreSubscriptionsPerTenantWhenAsked() {
        GeneratorOptions options;
        options.seed = 7;
        options.tenantCount = 2000;
        options.model = SalesModel::Direct;
        const DataSet usual = DataGenerator::generate(options);
        options.maxSubscriptionsPerTenant = 10;
        const DataSet more = DataGenerator::generate(options);
        CPPUNIT_ASSERT_EQUAL(std::size_t(2000), more.customers.size());
        const double usualMean = double(usual.subscriptionCount()) / 2000;
        const double moreMean = double(more.subscriptionCount()) / 2000;
        CPPUNIT_ASSERT_MESSAGE(std::to_string(usualMean), usualMean > 4.6 && usualMean < 5.6);
        CPPUNIT_ASSERT_MESSAGE(std::to_string(moreMean), moreMean > 5.6 && moreMean < 6.6);
        std::size_t atMostTen = 0, overEight = 0;
        for (const auto& customer : more.customers) {
            atMostTen += customer.subscriptions.size() <= 10;
            overEight += customer.subscriptions.size() > 8 && customer.subscriptions.size() <= 10;
        }
        // Besides the ~1 in 150 heavy tenants, none has more than 10; some have 9 or 10.
        CPPUNIT_ASSERT(atMostTen >= 2000 - 2000 / 150 - 1);
        CPPUNIT_ASSERT(overEight > 100);
    }

    void mixIsRealistic() {
        GeneratorOptions options;
        options.seed = 42;
        options.tenantCount = 200;
        options.model = SalesModel::Both;
        const DataSet data = DataGenerator::generate(options);
        CPPUNIT_ASSERT_EQUAL(std::size_t(200), data.customers.size());
        const double average = double(data.subscriptionCount()) / data.customers.size();
        CPPUNIT_ASSERT_MESSAGE(std::to_string(average), average > 4.0 && average < 9.0);

        std::map<std::string, int> families;
        std::set<std::string> statuses, cycles, names;
        int empty = 0, hundreds = 0, unicode = 0, duplicates = 0, mixedSellers = 0;
        for (const auto& customer : data.customers) {
            if (customer.subscriptions.empty())
                ++empty;
            if (customer.subscriptions.size() >= 100)
                ++hundreds;
            if (!names.insert(customer.companyName).second)
                ++duplicates;
            for (unsigned char c : customer.companyName)
                if (c >= 0x80) {
                    ++unicode;
                    break;
                }
            std::set<std::string> sellers;
            for (const auto& s : customer.subscriptions) {
                sellers.insert(s.partnerId);
                statuses.insert(s.status);
                cycles.insert(s.billingCycle);
                if (!s.parentSubscriptionId.empty()) {
                    ++families["addon"];
                    bool parentFound = false;
                    for (const auto& p : customer.subscriptions)
                        parentFound |= p.id == s.parentSubscriptionId;
                    CPPUNIT_ASSERT_MESSAGE("add-on parent must exist", parentFound);
                } else if (s.productTypeId == "OnlineServicesNCE") {
                    ++families["nce"];
                    CPPUNIT_ASSERT_EQUAL(
                        std::size_t(2),
                        std::size_t(std::count(s.offerId.begin(), s.offerId.end(), ':')));
                } else if (s.offerId == "MS-AZR-0145P") {
                    ++families["azureLegacy"];
                } else if (s.offerId == "DZH318Z0BPS6:0001:DZH318Z0BML6") {
                    ++families["azurePlan"];
                } else if (s.productTypeId.empty() && s.offerId.size() == 36) {
                    ++families["legacy"];
                }
            }
            if (sellers.size() > 1)
                ++mixedSellers;
        }
        for (const char* family : {"addon", "nce", "azureLegacy", "azurePlan", "legacy"})
            CPPUNIT_ASSERT_MESSAGE(family, families[family] > 0);
        for (const char* status : {"active", "suspended", "expired", "deleted"})
            CPPUNIT_ASSERT_MESSAGE(status, statuses.count(status) == 1);
        for (const char* cycle : {"monthly", "annual", "triennial", "one_time"})
            CPPUNIT_ASSERT_MESSAGE(cycle, cycles.count(cycle) == 1);
        CPPUNIT_ASSERT(empty > 0);
        CPPUNIT_ASSERT(hundreds > 0);
        CPPUNIT_ASSERT(unicode > 0);
        CPPUNIT_ASSERT(duplicates > 0);
        CPPUNIT_ASSERT(mixedSellers > 0);
        std::set<std::string> domains;
        for (const auto& customer : data.customers)
            CPPUNIT_ASSERT_MESSAGE(customer.domain, domains.insert(customer.domain).second);
    }

    void directAndIndirectModels() {
        GeneratorOptions options;
        options.tenantCount = 80;
        options.model = SalesModel::Direct;
        const DataSet direct = DataGenerator::generate(options);
        CPPUNIT_ASSERT(direct.resellers.empty());
        for (const auto& customer : direct.customers)
            for (const auto& s : customer.subscriptions)
                CPPUNIT_ASSERT_EQUAL(std::string(""), s.partnerId);

        options.model = SalesModel::Indirect;
        options.resellerCount = 4;
        const DataSet indirect = DataGenerator::generate(options);
        CPPUNIT_ASSERT_EQUAL(std::size_t(4), indirect.resellers.size());
        for (const auto& customer : indirect.customers) {
            CPPUNIT_ASSERT(!customer.resellerIds.empty());
            for (const auto& s : customer.subscriptions)
                CPPUNIT_ASSERT_MESSAGE(s.partnerId, indirect.findResellerByMpnId(s.partnerId));
        }
    }

    void fileRoundTripKeepsEverything() {
        GeneratorOptions options;
        options.tenantCount = 30;
        DataSet data = DataGenerator::generate(options);
        data.customers[0].left = true;
        const std::string text = DataSetFile::toJson(data);
        const DataSet back = DataSetFile::fromJson(text);
        CPPUNIT_ASSERT_EQUAL(data.subscriptionCount(), back.subscriptionCount());
        CPPUNIT_ASSERT(back.customers[0].left);
        CPPUNIT_ASSERT(text == DataSetFile::toJson(back));
    }

    void rejectsNegativeCounts() {
        GeneratorOptions options;
        options.tenantCount = -1;
        CPPUNIT_ASSERT_THROW(DataGenerator::generate(options), Poco::InvalidArgumentException);
        CPPUNIT_ASSERT_THROW(parseSalesModel("tier3"), Poco::InvalidArgumentException);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(DataGeneratorTest);
