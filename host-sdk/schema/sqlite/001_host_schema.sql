-- Host schema, version 1, SQLite dialect. Tools may read these tables and write the ones their
-- contract allows (accounts, subscriptions). Times are UTC ISO-8601 text "YYYY-MM-DDTHH:MM:SSZ",
-- dates "YYYY-MM-DD". Money is integer minor units with an ISO currency.

CREATE TABLE organizations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('root', 'country_tenant', 'simple_tenant')),
    parent_id   INTEGER REFERENCES organizations(id),
    CHECK ((kind = 'root') = (parent_id IS NULL))
);

CREATE TABLE users (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    login           TEXT NOT NULL UNIQUE,
    display_name    TEXT NOT NULL,
    password_salt   TEXT NOT NULL,
    password_hash   TEXT NOT NULL
);

CREATE TABLE roles (
    id   INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE role_permissions (
    role_id    INTEGER NOT NULL REFERENCES roles(id),
    permission TEXT NOT NULL,
    PRIMARY KEY (role_id, permission)
);

CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users(id),
    role_id INTEGER NOT NULL REFERENCES roles(id),
    PRIMARY KEY (user_id, role_id)
);

CREATE TABLE tool_enablement (
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    tool_id         TEXT NOT NULL,
    enabled         INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    changed_at      TEXT NOT NULL,
    PRIMARY KEY (organization_id, tool_id)
);

CREATE TABLE microsoft_instances (
    id                       INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_organization_id    INTEGER NOT NULL REFERENCES organizations(id),
    name                     TEXT NOT NULL,
    csp_model                TEXT NOT NULL CHECK (csp_model IN ('direct', 'indirect', 'both')),
    partner_center_url       TEXT NOT NULL,
    login_url                TEXT NOT NULL,
    ca_bundle_path           TEXT NOT NULL DEFAULT '',
    partner_tenant_id        TEXT NOT NULL,
    app_id                   TEXT NOT NULL,
    app_secret               TEXT NOT NULL,
    refresh_token            TEXT NOT NULL DEFAULT '',
    refresh_token_expires_at TEXT,
    updated_at               TEXT NOT NULL,
    UNIQUE (owner_organization_id, name)
);

CREATE TABLE accounts (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id       INTEGER NOT NULL REFERENCES organizations(id),
    kind                  TEXT NOT NULL CHECK (kind IN ('customer', 'reseller')),
    parent_account_id     INTEGER REFERENCES accounts(id),
    name                  TEXT NOT NULL,
    external_ms_tenant_id TEXT,
    mpn_id                TEXT,
    primary_domain        TEXT,
    contact_first_name    TEXT,
    contact_last_name     TEXT,
    contact_email         TEXT,
    contact_phone         TEXT,
    address_line1         TEXT,
    address_line2         TEXT,
    address_line3         TEXT,
    city                  TEXT,
    state                 TEXT,
    postal_code           TEXT,
    country               TEXT,
    responsible_user_id   INTEGER REFERENCES users(id),
    created_at            TEXT NOT NULL,
    created_by_import     TEXT
);
-- One account per Microsoft tenant and per reseller MPN id in an organization: the database, not
-- the tool, is what makes "never created twice" hold under concurrent imports.
CREATE UNIQUE INDEX accounts_ms_tenant ON accounts (organization_id, external_ms_tenant_id);
CREATE UNIQUE INDEX accounts_reseller_mpn ON accounts (organization_id, kind, mpn_id);
CREATE INDEX accounts_domain ON accounts (organization_id, primary_domain);

CREATE TABLE products (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    name            TEXT NOT NULL,
    sku             TEXT NOT NULL,
    UNIQUE (organization_id, sku)
);

-- The Microsoft offer ids (legacy offer id, or NCE product id / "productId:skuId") a product sells.
CREATE TABLE product_offers (
    product_id         INTEGER NOT NULL REFERENCES products(id),
    microsoft_offer_id TEXT NOT NULL,
    PRIMARY KEY (product_id, microsoft_offer_id)
);
CREATE INDEX product_offers_offer ON product_offers (microsoft_offer_id);

-- How a product is billed for a billing cycle ("monthly", "annual", "triennial", "none") and a
-- term ISO-8601 duration ("P1M", "P1Y", "P3Y"; "" for none).
CREATE TABLE product_billing_plans (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    product_id    INTEGER NOT NULL REFERENCES products(id),
    billing_cycle TEXT NOT NULL,
    term_duration TEXT NOT NULL,
    price_minor   INTEGER NOT NULL,
    currency      TEXT NOT NULL,
    UNIQUE (product_id, billing_cycle, term_duration)
);

CREATE TABLE subscriptions (
    id                          INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id                  INTEGER NOT NULL REFERENCES accounts(id),
    external_ms_subscription_id TEXT NOT NULL,
    product_id                  INTEGER NOT NULL REFERENCES products(id),
    billing_plan_id             INTEGER REFERENCES product_billing_plans(id),
    parent_subscription_id      INTEGER REFERENCES subscriptions(id),
    name                        TEXT NOT NULL,
    quantity                    INTEGER NOT NULL,
    status                      TEXT NOT NULL,
    billing_cycle               TEXT NOT NULL,
    term_duration               TEXT NOT NULL,
    start_date                  TEXT,
    commitment_end_date         TEXT,
    auto_renew                  INTEGER NOT NULL DEFAULT 0,
    reseller_mpn_id             TEXT,
    current_period_start        TEXT,
    current_period_end          TEXT,
    next_billing_date           TEXT,
    created_at                  TEXT NOT NULL,
    created_by_import           TEXT,
    UNIQUE (account_id, external_ms_subscription_id)
);
CREATE INDEX subscriptions_external ON subscriptions (external_ms_subscription_id);
