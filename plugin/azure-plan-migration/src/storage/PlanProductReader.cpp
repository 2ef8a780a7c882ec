#include "storage/PlanProductReader.h"

#include "storage/SqlText.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;
using ict::storage::forDialect;

namespace apm::storage {

std::string productSkuPart(const std::string& offerId) {
    const auto first = offerId.find(':');
    if (first == std::string::npos)
        return offerId;
    const auto second = offerId.find(':', first + 1);
    return second == std::string::npos ? offerId : offerId.substr(0, second);
}

PlanProductReader::PlanProductReader(bss::sdk::Database& database) : _database(database) {}

std::optional<PlanProduct> PlanProductReader::productFor(std::int64_t organizationId,
                                                         const std::string& offerId) {
    Poco::Data::Session session = _database.session();
    Poco::Int64 org = organizationId;
    std::string whole = offerId;
    std::string part = productSkuPart(offerId);
    // The whole offer id first: a product for one SKU wins over one for the product:sku family.
    Poco::Data::Statement select(session);
    select << forDialect(_database.dialect(),
                         "SELECT p.id, p.name, p.sku, COALESCE(MIN(b.id), 0),"
                         " MAX(CASE WHEN o.microsoft_offer_id = ? THEN 1 ELSE 0 END) AS exact"
                         " FROM products p JOIN product_offers o ON o.product_id = p.id"
                         " LEFT JOIN product_billing_plans b ON b.product_id = p.id"
                         " AND b.charge_model = 'usage_in_arrears' AND b.billing_cycle = 'monthly'"
                         " WHERE p.organization_id = ? AND o.microsoft_offer_id IN (?, ?)"
                         " GROUP BY p.id, p.name, p.sku ORDER BY exact DESC, p.id LIMIT 1"),
        use(whole), use(org), use(whole), use(part), now;
    Poco::Data::RecordSet rows(select);
    if (rows.rowCount() == 0)
        return std::nullopt;
    PlanProduct product;
    product.productId = rows.value(0, 0).convert<Poco::Int64>();
    product.productName = rows.value(1, 0).convert<std::string>();
    product.sku = rows.value(2, 0).convert<std::string>();
    product.usageBillingPlanId = rows.value(3, 0).convert<Poco::Int64>();
    return product;
}

} // namespace apm::storage
