#include "storage/CatalogRepository.h"

#include "storage/SqlText.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <map>

using namespace Poco::Data::Keywords;

namespace ict::storage {

CatalogRepository::CatalogRepository(bss::sdk::Database& database) : _database(database) {}

domain::BssCatalog CatalogRepository::load(std::int64_t organizationId) const {
    Poco::Data::Session session = _database.session();
    const auto dialect = _database.dialect();
    Poco::Int64 org = organizationId;
    domain::BssCatalog catalog;
    std::map<Poco::Int64, std::size_t> byId;
    {
        Poco::Data::Statement select(session);
        select << forDialect(dialect, "SELECT id, name, sku FROM products WHERE"
                                      " organization_id = ? ORDER BY id"),
            use(org), now;
        Poco::Data::RecordSet rows(select);
        for (std::size_t r = 0; r < rows.rowCount(); ++r) {
            domain::CatalogProduct product;
            product.id = rows.value(0, r).convert<Poco::Int64>();
            product.name = rows.value(1, r).convert<std::string>();
            product.sku = rows.value(2, r).convert<std::string>();
            byId.emplace(product.id, catalog.products.size());
            catalog.products.push_back(std::move(product));
        }
    }
    {
        Poco::Data::Statement select(session);
        select << forDialect(dialect, "SELECT o.product_id, o.microsoft_offer_id FROM"
                                      " product_offers o JOIN products p ON p.id = o.product_id"
                                      " WHERE p.organization_id = ?"),
            use(org), now;
        Poco::Data::RecordSet rows(select);
        for (std::size_t r = 0; r < rows.rowCount(); ++r) {
            auto found = byId.find(rows.value(0, r).convert<Poco::Int64>());
            if (found != byId.end())
                catalog.products[found->second].offerIds.push_back(
                    rows.value(1, r).convert<std::string>());
        }
    }
    {
        Poco::Data::Statement select(session);
        select << forDialect(dialect, "SELECT b.product_id, b.id, b.billing_cycle,"
                                      " b.term_duration FROM product_billing_plans b JOIN"
                                      " products p ON p.id = b.product_id WHERE"
                                      " p.organization_id = ? ORDER BY b.id"),
            use(org), now;
        Poco::Data::RecordSet rows(select);
        for (std::size_t r = 0; r < rows.rowCount(); ++r) {
            auto found = byId.find(rows.value(0, r).convert<Poco::Int64>());
            if (found != byId.end())
                catalog.products[found->second].billingPlans.push_back(
                    {rows.value(1, r).convert<Poco::Int64>(),
                     rows.value(2, r).convert<std::string>(),
                     rows.value(3, r).convert<std::string>()});
        }
    }
    Poco::Data::Statement select(session);
    select << forDialect(dialect, "SELECT id, mpn_id, name FROM accounts WHERE"
                                  " organization_id = ? AND kind = 'reseller' AND"
                                  " mpn_id IS NOT NULL ORDER BY id"),
        use(org), now;
    Poco::Data::RecordSet rows(select);
    for (std::size_t r = 0; r < rows.rowCount(); ++r)
        catalog.resellerAccounts.push_back({rows.value(0, r).convert<Poco::Int64>(),
                                            rows.value(1, r).convert<std::string>(),
                                            rows.value(2, r).convert<std::string>()});
    return catalog;
}

} // namespace ict::storage
