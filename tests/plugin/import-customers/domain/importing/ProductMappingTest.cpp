#include "domain/importing/ProductMapping.h"

#include <cppunit/extensions/HelperMacros.h>

using ict::domain::CatalogProduct;
using ict::domain::MappingOutcome;
using ict::domain::mapProduct;
using ict::domain::offerMappingKeys;
using ict::domain::ProductMapping;

namespace {

const char* nceOffer = "CFQ7TTC0LH18:0001:CFQ7TTC0K971";
const char* legacyOffer = "2828BE95-46BA-4F91-B2FD-0BEF192ECF60";

CatalogProduct product(std::int64_t id, const char* name, std::vector<std::string> offers) {
    CatalogProduct result;
    result.id = id;
    result.name = name;
    result.sku = std::string("SKU-") + std::to_string(id);
    result.offerIds = std::move(offers);
    result.billingPlans = {{id * 10 + 1, "monthly", "P1M"},
                           {id * 10 + 2, "monthly", "P1Y"},
                           {id * 10 + 3, "annual", "P1Y"}};
    return result;
}

} // namespace

class ProductMappingTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ProductMappingTest);
    CPPUNIT_TEST(keysOfAnNceOfferGoFromSpecificToProductId);
    CPPUNIT_TEST(keysOfALegacyOfferAreTheOfferItself);
    CPPUNIT_TEST(nceMapsByProductId);
    CPPUNIT_TEST(mostSpecificKeyWins);
    CPPUNIT_TEST(legacyMapsByExactOfferIdIgnoringCase);
    CPPUNIT_TEST(noProduct);
    CPPUNIT_TEST(ambiguousProductListsTheNames);
    CPPUNIT_TEST(ambiguityIsNotResolvedByALooserKey);
    CPPUNIT_TEST(noBillingPlanForCycleAndTerm);
    CPPUNIT_TEST(outcomeNames);
    CPPUNIT_TEST_SUITE_END();

public:
    void keysOfAnNceOfferGoFromSpecificToProductId() {
        const std::vector<std::string> expected = {nceOffer, "CFQ7TTC0LH18:0001", "CFQ7TTC0LH18"};
        CPPUNIT_ASSERT(offerMappingKeys(nceOffer) == expected);
        const std::vector<std::string> twoParts = {"ABC:0001", "ABC"};
        CPPUNIT_ASSERT(offerMappingKeys("ABC:0001") == twoParts);
    }
    void keysOfALegacyOfferAreTheOfferItself() {
        CPPUNIT_ASSERT(offerMappingKeys(legacyOffer) == std::vector<std::string>{legacyOffer});
        CPPUNIT_ASSERT(offerMappingKeys("MS-AZR-0145P") ==
                       std::vector<std::string>{"MS-AZR-0145P"});
        CPPUNIT_ASSERT(offerMappingKeys("").empty());
    }
    void nceMapsByProductId() {
        const std::vector<CatalogProduct> catalog = {
            product(1, "Exchange Online", {"CFQ7TTC0LH16"}),
            product(2, "Microsoft 365 E3", {"cfq7ttc0lh18"})};
        const ProductMapping mapping = mapProduct(catalog, nceOffer, "Monthly", "P1Y");
        CPPUNIT_ASSERT(mapping.outcome == MappingOutcome::Mapped);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(2), mapping.productId);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(22), mapping.billingPlanId);
        CPPUNIT_ASSERT_EQUAL(std::string("CFQ7TTC0LH18"), mapping.matchedKey);
        CPPUNIT_ASSERT_EQUAL(std::string(""), mapping.message);
    }
    void mostSpecificKeyWins() {
        const std::vector<CatalogProduct> catalog = {
            product(1, "M365 E3 (any SKU)", {"CFQ7TTC0LH18"}),
            product(2, "M365 E3 SKU 0001", {"CFQ7TTC0LH18:0001"})};
        const ProductMapping bySku = mapProduct(catalog, nceOffer, "annual", "P1Y");
        CPPUNIT_ASSERT_EQUAL(std::int64_t(2), bySku.productId);
        CPPUNIT_ASSERT_EQUAL(std::string("CFQ7TTC0LH18:0001"), bySku.matchedKey);
        const std::vector<CatalogProduct> exact = {product(1, "Any", {"CFQ7TTC0LH18"}),
                                                   product(3, "Exact", {nceOffer})};
        CPPUNIT_ASSERT_EQUAL(std::int64_t(3),
                             mapProduct(exact, nceOffer, "annual", "P1Y").productId);
    }
    void legacyMapsByExactOfferIdIgnoringCase() {
        const std::vector<CatalogProduct> catalog = {
            product(4, "Office 365 E3 (legacy)", {"2828be95-46ba-4f91-b2fd-0bef192ecf60"})};
        const ProductMapping mapping = mapProduct(catalog, legacyOffer, "monthly", "P1M");
        CPPUNIT_ASSERT(mapping.mapped());
        CPPUNIT_ASSERT_EQUAL(std::int64_t(41), mapping.billingPlanId);
    }
    void noProduct() {
        const std::vector<CatalogProduct> catalog = {product(1, "Exchange", {"CFQ7TTC0LH16"})};
        const ProductMapping mapping = mapProduct(catalog, nceOffer, "monthly", "P1M");
        CPPUNIT_ASSERT(mapping.outcome == MappingOutcome::NoProduct);
        CPPUNIT_ASSERT_EQUAL(
            std::string("Offer 'CFQ7TTC0LH18:0001:CFQ7TTC0K971' is mapped to no BSS product."),
            mapping.message);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), mapping.productId);
    }
    void ambiguousProductListsTheNames() {
        const std::vector<CatalogProduct> catalog = {
            product(1, "Microsoft 365 E3", {"CFQ7TTC0LH18"}), product(2, "Other", {"X"}),
            product(3, "M365 E3 (old)", {"CFQ7TTC0LH18", "Y"})};
        const ProductMapping mapping = mapProduct(catalog, nceOffer, "monthly", "P1M");
        CPPUNIT_ASSERT(mapping.outcome == MappingOutcome::AmbiguousProduct);
        CPPUNIT_ASSERT_EQUAL(std::string("Offer 'CFQ7TTC0LH18:0001:CFQ7TTC0K971' is mapped to 2 "
                                         "BSS products: Microsoft 365 E3, M365 E3 (old)."),
                             mapping.message);
    }
    void ambiguityIsNotResolvedByALooserKey() {
        const std::vector<CatalogProduct> catalog = {product(1, "A", {"CFQ7TTC0LH18:0001"}),
                                                     product(2, "B", {"CFQ7TTC0LH18:0001"}),
                                                     product(3, "C", {"CFQ7TTC0LH18"})};
        const ProductMapping mapping = mapProduct(catalog, nceOffer, "monthly", "P1M");
        CPPUNIT_ASSERT(mapping.outcome == MappingOutcome::AmbiguousProduct);
        CPPUNIT_ASSERT_EQUAL(std::string("CFQ7TTC0LH18:0001"), mapping.matchedKey);
    }
    void noBillingPlanForCycleAndTerm() {
        const std::vector<CatalogProduct> catalog = {
            product(2, "Microsoft 365 E3", {"CFQ7TTC0LH18"})};
        const ProductMapping mapping = mapProduct(catalog, nceOffer, "triennial", "P3Y");
        CPPUNIT_ASSERT(mapping.outcome == MappingOutcome::NoBillingPlan);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(2), mapping.productId);
        CPPUNIT_ASSERT_EQUAL(std::string("Product 'Microsoft 365 E3' has no billing plan for "
                                         "billing cycle 'triennial' and term 'P3Y'."),
                             mapping.message);
    }
    void outcomeNames() {
        CPPUNIT_ASSERT_EQUAL(std::string("ambiguous_product"),
                             std::string(mappingOutcomeName(MappingOutcome::AmbiguousProduct)));
        CPPUNIT_ASSERT_EQUAL(std::string("no_billing_plan"),
                             std::string(mappingOutcomeName(MappingOutcome::NoBillingPlan)));
        CPPUNIT_ASSERT_EQUAL(std::string("unset"),
                             std::string(mappingOutcomeName(MappingOutcome::Unset)));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ProductMappingTest);
