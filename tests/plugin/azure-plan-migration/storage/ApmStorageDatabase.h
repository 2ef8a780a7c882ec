#pragma once
// A fresh host database (ICT_TEST_DB) with the host schema and the Azure Plan Migration Tool's
// migrations, a customer account holding one subscription, and a product selling the Azure plan
// offer with a monthly usage plan: what the storage suites of that tool work on.

#include "db/HostDatabase.h"
#include "db/HostSchema.h"
#include "storage/ApmMigrations.h"
#include "support/Sql.h"
#include "support/TestDatabase.h"

#include <Poco/Data/Session.h>

#include <memory>
#include <string>

namespace apm::storage::test {

class ApmStorageDatabase {
public:
    static constexpr const char* kAt = "2026-01-01T00:00:00Z";
    static constexpr const char* kTenant = "aaaaaaaa-1111-4111-8111-111111111111";
    static constexpr const char* kOffer = "DZH318Z0BPS6:0001:DZH318Z0BML6";

    ApmStorageDatabase() : _testDb(std::make_unique<ict::test::TestDatabase>()) {
        _db = std::make_unique<mockhost::HostDatabase>(
            mockhost::DatabaseSpec::parse(_testDb->hostOption()));
        mockhost::HostSchema(MOCK_HOST_SCHEMA_DIR).apply(*_db, kAt);
        migrateApmTables(*_db, kAt);
        exec("INSERT INTO organizations (name, kind) VALUES ('Root', 'root')");
        organizationId = count("SELECT MAX(id) FROM organizations");
        exec("INSERT INTO accounts (organization_id, kind, name, external_ms_tenant_id,"
             " created_at) VALUES (" +
             std::to_string(organizationId) + ", 'customer', 'Fabrikam', '" + kTenant + "', '" +
             kAt + "')");
        accountId = count("SELECT MAX(id) FROM accounts");
        exec("INSERT INTO products (organization_id, name, sku) VALUES (" +
             std::to_string(organizationId) + ", 'Azure plan', 'AZURE-PLAN')");
        productId = count("SELECT MAX(id) FROM products");
        exec("INSERT INTO product_offers VALUES (" + std::to_string(productId) +
             ", 'DZH318Z0BPS6:0001')");
        exec("INSERT INTO product_billing_plans (product_id, billing_cycle, term_duration,"
             " price_minor, currency, charge_model) VALUES (" +
             std::to_string(productId) + ", 'monthly', '', 0, 'EUR', 'usage_in_arrears')");
        billingPlanId = count("SELECT MAX(id) FROM product_billing_plans");
    }

    ~ApmStorageDatabase() {
        _db.reset(); // the pool closes before the database is dropped
        _testDb.reset();
    }

    ApmStorageDatabase(const ApmStorageDatabase&) = delete;
    ApmStorageDatabase& operator=(const ApmStorageDatabase&) = delete;

    mockhost::HostDatabase& database() { return *_db; }

    void exec(const std::string& sql) {
        Poco::Data::Session session = _db->session();
        session << sql, Poco::Data::Keywords::now;
    }

    /// The single integer `sql` (no parameters) gives.
    long long count(const std::string& sql) {
        Poco::Data::Session session = _db->session();
        Poco::Int64 value = 0;
        session << sql, Poco::Data::Keywords::into(value), Poco::Data::Keywords::now;
        return value;
    }

    long long organizationId = 0;
    long long accountId = 0;
    long long productId = 0;
    long long billingPlanId = 0;

private:
    std::unique_ptr<ict::test::TestDatabase> _testDb;
    std::unique_ptr<mockhost::HostDatabase> _db;
};

} // namespace apm::storage::test
