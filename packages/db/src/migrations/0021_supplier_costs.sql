-- Ordering and shipping terms (docs/formulas.md Replenishment costs): per supplier, and the account's
-- defaults; NULL = the next default (supplier → account → the product's COST_DEFAULTS).
ALTER TABLE suppliers
  ADD COLUMN order_cost numeric CHECK (order_cost >= 0),
  ADD COLUMN line_cost numeric CHECK (line_cost >= 0),
  ADD COLUMN shipping_per_unit numeric CHECK (shipping_per_unit >= 0),
  ADD COLUMN shipping_per_cubic_foot numeric CHECK (shipping_per_cubic_foot >= 0),
  ADD COLUMN min_order_value numeric CHECK (min_order_value >= 0),
  ADD COLUMN free_freight_value numeric CHECK (free_freight_value >= 0);

CREATE TABLE replenishment_cost_defaults (
  account_id bigint PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  order_cost numeric CHECK (order_cost >= 0),
  line_cost numeric CHECK (line_cost >= 0),
  shipping_per_unit numeric CHECK (shipping_per_unit >= 0),
  shipping_per_cubic_foot numeric CHECK (shipping_per_cubic_foot >= 0),
  min_order_value numeric CHECK (min_order_value >= 0),
  free_freight_value numeric CHECK (free_freight_value >= 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);
