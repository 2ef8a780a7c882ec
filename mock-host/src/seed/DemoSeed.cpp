#include "seed/DemoSeed.h"

#include "auth/PasswordHasher.h"
#include "catalog/ProductCatalog.h"
#include "host/Host.h"
#include "services/InstanceStore.h"
#include "support/IsoTime.h"

#include <optional>

namespace mockhost {
namespace {

using bss::sdk::OrganizationKind;

const char* const kRoot = "Contoso Cloud (root)";
const char* const kCountry = "Contoso Cloud Greece";
const char* const kSimple = "Contoso Reseller Shop";

std::int64_t ensureOrganization(OrganizationDirectory& orgs, const std::string& name,
                                OrganizationKind kind, std::optional<std::int64_t> parent) {
    if (auto existing = orgs.byName(name))
        return existing->id;
    return orgs.add(name, kind, parent);
}

/// The demo password's salt and hash, made once for every demo user: the password is published,
/// so a shared salt gives nothing away, and a fresh demo database hashes it once, not per user.
struct DemoHash {
    std::string salt;
    std::string hash;
};

void ensureUser(UserDirectory& users, std::optional<DemoHash>& demoHash, std::int64_t org,
                const std::string& login, const std::string& displayName, const std::string& role) {
    auto existing = users.byLogin(login);
    std::int64_t id = 0;
    if (existing) {
        id = existing->user.id;
    } else {
        if (!demoHash) {
            const std::string salt = PasswordHasher::newSalt();
            demoHash = DemoHash{salt, PasswordHasher::hash(kDemoPassword, salt)};
        }
        id = users.addUserWithHash(org, login, displayName, demoHash->salt, demoHash->hash);
    }
    users.grantRole(id, role);
}

const DemoEndpoint* endpointFor(const std::vector<DemoEndpoint>& endpoints,
                                const std::string& name) {
    for (const DemoEndpoint& endpoint : endpoints)
        if (endpoint.instanceName == name)
            return &endpoint;
    return nullptr;
}

/// Adds the instance when missing; with an endpoint, also overwrites its connection fields (the
/// emulator's port, CA and tokens are new in every process).
void ensureInstance(InstanceStore& store, InstanceRecord record,
                    const std::vector<DemoEndpoint>& endpoints, const std::string& now) {
    const DemoEndpoint* endpoint = endpointFor(endpoints, record.name);
    if (endpoint) {
        record.cspModel = endpoint->cspModel;
        record.partnerCenterUrl = endpoint->partnerCenterUrl;
        record.loginUrl = endpoint->loginUrl;
        record.caBundlePath = endpoint->caBundlePath;
        record.partnerTenantId = endpoint->partnerTenantId;
        record.appId = endpoint->appId;
        record.appSecret = endpoint->appSecret;
        record.refreshToken = endpoint->refreshToken;
    }
    if (!store.find(record.ownerOrganizationId, record.name))
        store.add(record, now);
    else if (endpoint)
        store.update(record, now);
}

struct DemoProduct {
    const char* name;
    const char* sku;
    std::vector<std::string> offers;
    std::vector<BillingPlan> plans;
};

std::vector<DemoProduct> demoProducts() {
    // Plans for every cycle and term the emulator generates, so the demo imports cleanly; the
    // tests cover missing and ambiguous mappings.
    auto nce = [](std::int64_t monthlyPrice) {
        return std::vector<BillingPlan>{{"monthly", "P1M", monthlyPrice * 120 / 100, "EUR"},
                                        {"monthly", "P1Y", monthlyPrice, "EUR"},
                                        {"annual", "P1Y", monthlyPrice * 12, "EUR"},
                                        {"annual", "P3Y", monthlyPrice * 12, "EUR"},
                                        {"triennial", "P3Y", monthlyPrice * 36, "EUR"}};
    };
    auto legacy = [](std::int64_t monthlyPrice) {
        return std::vector<BillingPlan>{{"monthly", "", monthlyPrice, "EUR"},
                                        {"annual", "", monthlyPrice * 12, "EUR"},
                                        {"monthly", "P1Y", monthlyPrice, "EUR"},
                                        {"annual", "P1Y", monthlyPrice * 12, "EUR"}};
    };
    return {
        {"Microsoft 365 Business Basic", "M365-BB", {"CFQ7TTC0LH18:0001"}, nce(560)},
        {"Microsoft 365 Business Standard", "M365-BS", {"CFQ7TTC0LDPB:0001"}, nce(1170)},
        {"Office 365 E3", "O365-E3", {"CFQ7TTC0LF8Q:0001"}, nce(2180)},
        {"Exchange Online (Plan 1)", "EXO-P1", {"CFQ7TTC0LH16:0001"}, nce(380)},
        {"Teams Audio Conferencing (dial-out USA/CAN)", "TEAMS-AC", {"CFQ7TTC0LHSF:0001"}, nce(0)},
        {"Office 365 E3 (legacy)",
         "O365-E3-LEGACY",
         {"796B6B5F-613C-4E24-A17C-EBA730D49C02"},
         legacy(2000)},
        {"Office 365 Extra File Storage (legacy)",
         "O365-EFS-LEGACY",
         {"3F2B6F4A-0B1C-4C8E-9C0D-6A1E2F3B4C5D"},
         legacy(20)},
        {"Microsoft Azure (legacy)", "AZURE-LEGACY", {"MS-AZR-0145P"}, {{"monthly", "", 0, "EUR"}}},
        // The Azure Plan Migration Tool's product: usage, billed monthly in arrears.
        {"Azure plan",
         "AZURE-PLAN",
         {"DZH318Z0BPS6:0001"},
         {{"monthly", "", 0, "EUR", "usage_in_arrears"}}},
    };
}

void ensureProducts(ProductCatalog& catalog, std::int64_t org) {
    for (const DemoProduct& product : demoProducts()) {
        if (!catalog.find(org, product.sku))
            catalog.add({org, product.name, product.sku, product.offers, product.plans});
    }
}

} // namespace

std::vector<DemoLogin> DemoSeed::logins() {
    return {{"admin@root", kRoot, "System Admin"},
            {"sales@root", kRoot, "Sales"},
            {"admin@country", kCountry, "System Admin"},
            {"admin@simple", kSimple, "System Admin"}};
}

void DemoSeed::apply(const DemoSeedOptions& options) {
    OrganizationDirectory& orgs = _host.organizations();
    const std::int64_t root = ensureOrganization(orgs, kRoot, OrganizationKind::Root, {});
    const std::int64_t country =
        ensureOrganization(orgs, kCountry, OrganizationKind::CountryTenant, root);
    const std::int64_t simple =
        ensureOrganization(orgs, kSimple, OrganizationKind::SimpleTenant, root);

    UserDirectory& users = _host.users();
    users.ensureRole("System Admin", {bss::sdk::kPermissionSystemAdmin});
    users.ensureRole("Sales", {});
    std::optional<DemoHash> demoHash;
    ensureUser(users, demoHash, root, "admin@root", "Root Admin", "System Admin");
    ensureUser(users, demoHash, root, "sales@root", "Root Sales", "Sales");
    ensureUser(users, demoHash, country, "admin@country", "Greece Admin", "System Admin");
    ensureUser(users, demoHash, simple, "admin@simple", "Shop Admin", "System Admin");

    const auto nowTime = _host.clock().now();
    const std::string now = formatIso(nowTime);
    const std::string expires = formatIso(nowTime + std::chrono::hours(24 * 365));
    InstanceStore store(_host.database());
    ensureInstance(store,
                   {root, kDemoDirectInstance, "direct", options.partnerCenterUrl, options.loginUrl,
                    "", "3f2b8a4e-1c1d-4d0e-9a55-0d1e2f3a4b5c",
                    "6c1f9a30-2b7d-4e8f-8a11-5e0b9c7d2f41", "demo-app-secret-direct",
                    "demo-refresh-token-direct", expires},
                   options.endpoints, now);
    ensureInstance(store,
                   {root, kDemoIndirectInstance, "indirect", options.partnerCenterUrl,
                    options.loginUrl, "", "8d4e2c1b-5a6f-4b3c-9d2e-1f0a7b6c5d4e",
                    "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "demo-app-secret-indirect",
                    "demo-refresh-token-indirect", expires},
                   options.endpoints, now);
    // Only the emulator can play a refresh token that Entra ID rejects as expired ([S9]).
    if (endpointFor(options.endpoints, kDemoExpiredInstance))
        ensureInstance(store,
                       {root, kDemoExpiredInstance, "direct", options.partnerCenterUrl,
                        options.loginUrl, "", "3f2b8a4e-1c1d-4d0e-9a55-0d1e2f3a4b5c",
                        "6c1f9a30-2b7d-4e8f-8a11-5e0b9c7d2f41", "demo-app-secret-direct",
                        "demo-refresh-token-expired", expires},
                       options.endpoints, now);

    ProductCatalog catalog(_host.database());
    ensureProducts(catalog, root);
    ensureProducts(catalog, country);

    for (const std::string& toolId : options.toolIds) {
        _host.enablement().set(root, toolId, true, now);
        _host.enablement().set(country, toolId, true, now);
    }
    _host.logger().info("demo data set present (organizations, users, instances, products)");
}

} // namespace mockhost
