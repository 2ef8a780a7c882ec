#include "catalog/ProductCatalog.h"

#include "support/Sql.h"

#include <Poco/Data/Transaction.h>
#include <Poco/NumberParser.h>
#include <Poco/StringTokenizer.h>

#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace mockhost {

BillingPlan BillingPlan::parse(const std::string& text) {
    Poco::StringTokenizer parts(text, ":", Poco::StringTokenizer::TOK_TRIM);
    const std::string expected = " (expected <cycle>:<term>:<priceMinor>:<currency>[:<charge>], "
                                 "e.g. monthly:P1M:600:EUR or monthly::0:EUR:usage_in_arrears)";
    if (parts.count() != 4 && parts.count() != 5)
        throw std::invalid_argument("--plan: '" + text + "' has not 4 or 5 parts" + expected);
    BillingPlan plan;
    plan.billingCycle = parts[0];
    plan.termDuration = parts[1];
    Poco::Int64 price = 0;
    if (!Poco::NumberParser::tryParse64(parts[2], price) || price < 0)
        throw std::invalid_argument("--plan: price '" + parts[2] + "' in '" + text +
                                    "' is not a non-negative integer of minor units");
    plan.priceMinor = price;
    plan.currency = parts[3];
    if (plan.currency.size() != 3)
        throw std::invalid_argument("--plan: currency '" + plan.currency + "' in '" + text +
                                    "' is not a 3-letter ISO code");
    if (parts.count() == 5) {
        plan.chargeModel = parts[4];
        if (plan.chargeModel != "fixed" && plan.chargeModel != "usage_in_arrears")
            throw std::invalid_argument("--plan: charge model '" + plan.chargeModel + "' in '" +
                                        text + "' is neither fixed nor usage_in_arrears");
    }
    return plan;
}

std::optional<std::int64_t> ProductCatalog::find(std::int64_t organizationId,
                                                 const std::string& sku) {
    Poco::Data::Session session = _database.session();
    Poco::Int64 org = organizationId;
    std::string s = sku;
    std::vector<Poco::Int64> ids;
    session << sqlFor(_database.dialect(),
                      "SELECT id FROM products WHERE organization_id = ? AND sku = ?"),
        use(org), use(s), into(ids), now;
    if (ids.empty())
        return std::nullopt;
    return ids.front();
}

std::int64_t ProductCatalog::add(const ProductRecord& product) {
    if (product.name.empty())
        throw std::invalid_argument("--name: must not be empty");
    if (product.sku.empty())
        throw std::invalid_argument("--sku: must not be empty");
    if (product.offerIds.empty())
        throw std::invalid_argument("--offer: at least one Microsoft offer id is needed");
    const auto dialect = _database.dialect();
    Poco::Data::Session session = _database.session();
    Poco::Data::Transaction transaction(session);
    Poco::Int64 org = product.organizationId;
    std::string name = product.name;
    std::string sku = product.sku;
    session << sqlFor(dialect,
                      "INSERT INTO products (organization_id, name, sku) VALUES (?, ?, ?)"),
        use(org), use(name), use(sku), now;
    Poco::Int64 id = 0;
    session << sqlFor(dialect, "SELECT id FROM products WHERE organization_id = ? AND sku = ?"),
        use(org), use(sku), into(id), now;
    for (std::string offer : product.offerIds)
        session << sqlFor(dialect, "INSERT INTO product_offers (product_id, microsoft_offer_id)"
                                   " VALUES (?, ?)"),
            use(id), use(offer), now;
    for (BillingPlan plan : product.plans) {
        Poco::Int64 price = plan.priceMinor;
        session << sqlFor(
            dialect,
            "INSERT INTO product_billing_plans (product_id, billing_cycle,"
            " term_duration, price_minor, currency, charge_model) VALUES (?, ?, ?, ?, ?, ?)"),
            use(id), use(plan.billingCycle), use(plan.termDuration), use(price), use(plan.currency),
            use(plan.chargeModel), now;
    }
    transaction.commit();
    return id;
}

} // namespace mockhost
