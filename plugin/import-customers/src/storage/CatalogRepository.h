#pragma once
/// Reads what an import resolves against from the host schema: the organization's products with
/// their Microsoft offer ids and billing plans, and its reseller accounts. Thread-safe; throws
/// Poco::Exception on a database failure.

#include "domain/importing/BssCatalog.h"

#include <bss/sdk/Database.h>

#include <cstdint>

namespace ict::storage {

class CatalogRepository {
public:
    explicit CatalogRepository(bss::sdk::Database& database);

    domain::BssCatalog load(std::int64_t organizationId) const;

private:
    bss::sdk::Database& _database;
};

} // namespace ict::storage
