#pragma once
/// What the BSS already holds that an import plan is resolved against: the organization's products
/// and its reseller accounts. Plain data; the storage layer fills it.

#include "domain/importing/CatalogProduct.h"
#include "domain/importing/ResellerAccount.h"

#include <vector>

namespace ict::domain {

struct BssCatalog {
    std::vector<CatalogProduct> products;
    std::vector<ResellerAccount> resellerAccounts;
};

} // namespace ict::domain
