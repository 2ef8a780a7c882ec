-- Host schema, version 3, SQLite dialect. How a billing plan charges (since ABI 1.3):
--  'fixed'             a price per unit and billing period, charged for the period (every plan
--                      before this version);
--  'usage_in_arrears'  what was consumed in a billing period, charged after it ends (Azure plans:
--                      the Azure Plan Migration Tool maps the Azure plan offer to a product with a
--                      monthly plan of this model; price_minor is then 0, the rating is usage's).
-- An Azure subscription under an imported Azure plan is a subscriptions row of the plan's account
-- whose parent_subscription_id is the plan's row and external_ms_subscription_id the Azure
-- subscription id; its billing plan is the plan's.

ALTER TABLE product_billing_plans ADD COLUMN charge_model TEXT NOT NULL DEFAULT 'fixed'
    CHECK (charge_model IN ('fixed', 'usage_in_arrears'));
