#pragma once
// Helpers of the import integration tests: a Partner Center data set written out tenant by tenant
// (loaded into an emulator), the BSS catalog the tests map offers to, and raw reads of the host's
// tables (every column as text, NULL as "NULL") to compare rows before and after.

#include "ToolHarness.h"
#include "catalog/ProductCatalog.h"
#include "support/ImportOutcomeTenants.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <map>
#include <string>
#include <vector>

namespace ict::application::test {

namespace pc = mockhost::emulator;

// Offers of the emulator's catalog (OfferCatalog.cpp).
constexpr const char* kBusinessBasic = "CFQ7TTC0LH18:0001:CFQ7TTC0K971";
constexpr const char* kBusinessStandard = "CFQ7TTC0LDPB:0001:CFQ7TTC0K5DM"; // mapped to nothing
constexpr const char* kOfficeE3 = "CFQ7TTC0LF8Q:0001:CFQ7TTC0K2BR";         // two products
constexpr const char* kExchange = "CFQ7TTC0LH16:0001:CFQ7TTC0K8P5";         // monthly/P1M only
constexpr const char* kTeamsAudio = "CFQ7TTC0LHSF:0001:CFQ7TTC0K6Q1";       // add-on
constexpr const char* kLegacyE3 = "796B6B5F-613C-4E24-A17C-EBA730D49C02";
constexpr const char* kAzurePlan = "DZH318Z0BPS6:0001:DZH318Z0BML6";

struct SubscriptionSpec {
    std::string id;
    std::string offerId;
    std::string offerName;
    std::string cycle = "monthly";
    std::string term = "P1M";
    std::string start = "2026-03-01";
    std::string commitmentEnd;
    int quantity = 1;
    std::string status = "active";
    bool autoRenew = false;
    std::string partnerId; ///< reseller MPN id, "" for direct
    std::string parentId;
};

inline pc::Subscription subscription(const SubscriptionSpec& spec) {
    pc::Subscription s;
    s.id = spec.id;
    s.offerId = spec.offerId;
    s.offerName = spec.offerName.empty() ? spec.offerId : spec.offerName;
    s.friendlyName = s.offerName;
    const bool legacy = spec.offerId.find(':') == std::string::npos;
    const bool azure = spec.offerId == kAzurePlan;
    s.productTypeId = legacy ? "" : azure ? "Azure" : "OnlineServicesNCE";
    s.productTypeName = s.productTypeId;
    s.quantity = spec.quantity;
    s.unitType = azure ? "Usage-based" : "Licenses";
    s.status = spec.status;
    s.billingCycle = spec.cycle;
    s.billingType = azure ? "usage" : "license";
    s.termDuration = spec.term;
    s.creationDate = spec.start + "T08:00:00Z";
    s.effectiveStartDate = spec.start + "T00:00:00Z";
    if (!spec.commitmentEnd.empty())
        s.commitmentEndDate = spec.commitmentEnd + "T00:00:00Z";
    s.autoRenewEnabled = spec.autoRenew;
    s.partnerId = spec.partnerId;
    s.parentSubscriptionId = spec.parentId;
    s.orderId = "order-" + spec.id;
    return s;
}

/// A customer with a full billing profile derived from `tag` (so each field is distinct).
inline pc::Customer customer(const std::string& id, const std::string& name,
                             const std::string& domain, const std::string& tag,
                             std::vector<SubscriptionSpec> subscriptions,
                             std::vector<std::string> resellerIds = {}) {
    pc::Customer c;
    c.id = id;
    c.commerceId = "commerce-" + id;
    c.domain = domain;
    c.companyName = name;
    c.resellerIds = std::move(resellerIds);
    c.billingProfile.id = "profile-" + id;
    c.billingProfile.firstName = tag + "First";
    c.billingProfile.lastName = tag + "Last";
    c.billingProfile.email = Poco::toLower(tag) + "@" + domain;
    c.billingProfile.culture = "en-US";
    c.billingProfile.language = "en";
    c.billingProfile.companyName = name;
    c.billingProfile.defaultAddress.country = "GR";
    c.billingProfile.defaultAddress.region = tag + " Region";
    c.billingProfile.defaultAddress.city = tag + " City";
    c.billingProfile.defaultAddress.addressLine1 = "1 " + tag + " Street";
    c.billingProfile.defaultAddress.postalCode = "10" + std::to_string(tag.size()) + "00";
    c.billingProfile.defaultAddress.firstName = tag + "First";
    c.billingProfile.defaultAddress.lastName = tag + "Last";
    c.billingProfile.defaultAddress.phoneNumber = "+30 210 000 " + std::to_string(tag.size());
    c.billingProfile.etag = "etag-" + id;
    for (const SubscriptionSpec& spec : subscriptions)
        c.subscriptions.push_back(subscription(spec));
    return c;
}

/// Replaces the emulator's customers and resellers (the partner stays).
inline void loadData(pc::PartnerCenterEmulator& emulator, std::vector<pc::Reseller> resellers,
                     std::vector<pc::Customer> customers) {
    pc::DataSet data = emulator.state().snapshot();
    data.resellers = std::move(resellers);
    data.customers = std::move(customers);
    data.auditRecords.clear();
    emulator.state().replaceData(data);
}

/// Product ids of the test catalog by sku.
using Catalog = std::map<std::string, std::int64_t>;

/// The BSS catalog of the tests: Business Basic (every NCE plan), Teams Audio (monthly/P1M),
/// legacy Office 365 E3 (annual and monthly on P1Y), Exchange (monthly/P1M only: an annual
/// subscription has no billing plan), Office 365 E3 sold by two products (ambiguous); Business
/// Standard is sold by none.
inline Catalog addCatalog(ToolHarness& h) {
    mockhost::ProductCatalog catalog(h.database());
    const std::int64_t org = h.root().organization.id;
    const auto add = [&](const std::string& name, const std::string& sku, const std::string& offer,
                         std::vector<mockhost::BillingPlan> plans) {
        mockhost::ProductRecord product;
        product.organizationId = org;
        product.name = name;
        product.sku = sku;
        product.offerIds = {offer};
        product.plans = std::move(plans);
        return catalog.add(product);
    };
    Catalog ids;
    ids["BB"] = add("Business Basic", "BB", "CFQ7TTC0LH18:0001",
                    {{"monthly", "P1M", 600, "EUR"},
                     {"monthly", "P1Y", 500, "EUR"},
                     {"annual", "P1Y", 6000, "EUR"},
                     {"triennial", "P3Y", 18000, "EUR"}});
    ids["TEAMS"] = add("Teams Audio", "TEAMS", "CFQ7TTC0LHSF", {{"monthly", "P1M", 400, "EUR"}});
    ids["E3L"] = add("Office 365 E3 (legacy)", "E3L", kLegacyE3,
                     {{"monthly", "P1Y", 2000, "EUR"}, {"annual", "P1Y", 24000, "EUR"}});
    ids["EXO"] = add("Exchange Online (Plan 1)", "EXO", "CFQ7TTC0LH16:0001",
                     {{"monthly", "P1M", 400, "EUR"}});
    ids["E3A"] = add("Office E3 A", "E3A", "CFQ7TTC0LF8Q:0001", {{"monthly", "P1M", 2200, "EUR"}});
    ids["E3B"] = add("Office E3 B", "E3B", "CFQ7TTC0LF8Q:0001", {{"monthly", "P1M", 2300, "EUR"}});
    return ids;
}

/// Every row of `sql` (one Int64 parameter, or none when `param` < 0), every column as text.
using Row = std::map<std::string, std::string>;
inline std::vector<Row> selectRows(ToolHarness& h, const std::string& sql, Poco::Int64 param = -1) {
    Poco::Data::Session session = h.database().session();
    Poco::Data::Statement select(session);
    using namespace Poco::Data::Keywords;
    select << mockhost::sqlFor(h.dialect(), sql);
    if (param >= 0)
        select, use(param);
    select.execute();
    Poco::Data::RecordSet rs(select);
    std::vector<Row> rows;
    for (std::size_t r = 0; r < rs.rowCount(); ++r) {
        Row row;
        for (std::size_t c = 0; c < rs.columnCount(); ++c)
            row[rs.columnName(c)] = rs.value(c, r).isEmpty()
                                        ? std::string("NULL")
                                        : rs.value(c, r).convert<std::string>();
        rows.push_back(std::move(row));
    }
    return rows;
}

inline long countRows(ToolHarness& h, const std::string& table) {
    Poco::Data::Session session = h.database().session();
    Poco::Int64 count = 0;
    using namespace Poco::Data::Keywords;
    session << "SELECT COUNT(*) FROM " + table, into(count), now;
    return static_cast<long>(count);
}

/// Selection body of tenant rows (tenantId, resellerMpnId).
inline std::string selection(std::int64_t instanceId,
                             const std::vector<std::pair<std::string, std::string>>& rows,
                             const std::string& policy = "") {
    std::string body = "{\"instanceId\":" + std::to_string(instanceId) + ",\"tenants\":[";
    for (std::size_t i = 0; i < rows.size(); ++i)
        body += std::string(i ? "," : "") + "{\"tenantId\":\"" + rows[i].first +
                "\",\"resellerMpnId\":\"" + rows[i].second + "\"}";
    body += "]";
    if (!policy.empty())
        body += ",\"billingPolicy\":\"" + policy + "\"";
    return body + "}";
}

inline std::string str(const JsonObject& object, const std::string& field) {
    if (!object->has(field) || object->isNull(field))
        return std::string();
    return object->get(field).convert<std::string>();
}

/// Runs an import to its end; returns the import-results answer (and checks the job succeeded).
inline JsonObject runImport(ToolHarness& h, const bss::sdk::CallContext& caller,
                            const std::string& body) {
    const JsonObject started = h.call(caller, "import", body);
    const JsonObject job = h.waitJob(caller, str(started, "jobId"));
    if (str(job, "state") != "succeeded")
        throw std::runtime_error("import job ended " + str(job, "state") + ": " +
                                 str(job, "error"));
    return h.results(caller, str(started, "runId"));
}

inline JsonObject runImport(ToolHarness& h, const std::string& body) {
    return runImport(h, h.root(), body);
}

/// Every tenant object of a results/dry-run answer (direct, then each reseller's).
using ict::test::tenantsOf;

inline JsonObject tenantOf(const JsonObject& outcome, const std::string& tenantId) {
    for (const JsonObject& tenant : tenantsOf(outcome))
        if (str(tenant, "tenantId") == tenantId)
            return tenant;
    throw std::runtime_error("tenant " + tenantId + " is not in the outcome");
}

inline JsonObject subscriptionOf(const JsonObject& tenant, const std::string& id) {
    const auto subs = tenant->getArray("subscriptions");
    for (std::size_t i = 0; i < subs->size(); ++i)
        if (str(subs->getObject(static_cast<unsigned>(i)), "subscriptionId") == id)
            return subs->getObject(static_cast<unsigned>(i));
    throw std::runtime_error("subscription " + id + " is not in the tenant's outcome");
}

} // namespace ict::application::test
