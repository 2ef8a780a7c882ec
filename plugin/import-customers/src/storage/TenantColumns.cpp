#include "storage/TenantColumns.h"

#include "storage/RelatedAccountsJson.h"

namespace ict::storage {

std::string tenantColumns(const std::string& prefix) {
    static const char* const kNames[kTenantColumnCount] = {"tenant_id",
                                                           "reseller_mpn_id",
                                                           "placement",
                                                           "company_name",
                                                           "primary_domain",
                                                           "status",
                                                           "related_accounts",
                                                           "needs_confirmation",
                                                           "confirmation_reason",
                                                           "id_matched_account_id",
                                                           "pc_subscription_count",
                                                           "bss_subscription_count",
                                                           "importable",
                                                           "not_importable_reason"};
    std::string columns;
    for (std::size_t i = 0; i < kTenantColumnCount; ++i)
        columns += (i ? ", " : "") + prefix + kNames[i];
    return columns;
}

domain::TenantRow tenantRowAt(Poco::Data::RecordSet& rows, std::size_t r, std::size_t first) {
    auto text = [&](std::size_t column) {
        return rows.value(first + column, r).convert<std::string>();
    };
    auto number = [&](std::size_t column) {
        return rows.value(first + column, r).convert<Poco::Int64>();
    };
    domain::TenantRow row;
    row.tenantId = text(0);
    row.resellerMpnId = text(1);
    row.placement = domain::parseTenantPlacement(text(2));
    row.companyName = text(3);
    row.primaryDomain = text(4);
    row.status = domain::parseTenantStatus(text(5));
    row.relatedAccounts = relatedAccountsFromJson(text(6));
    row.needsConfirmation = number(7) != 0;
    row.confirmationReason = text(8);
    row.idMatchedAccountId = number(9);
    row.partnerCenterSubscriptionCount = number(10);
    row.bssSubscriptionCount = number(11);
    row.importable = number(12) != 0;
    row.notImportableReason = text(13);
    return row;
}

} // namespace ict::storage
