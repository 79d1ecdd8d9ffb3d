-- Sales history without stock (docs/forecasting.md "History and censoring"): demand per SKU × location
-- × day as a seller's invoice export states it (units net of returns and cancellations, revenue), read by
-- forecasting together with the ledger's shipments. Stock is not touched: the ledger starts when the
-- seller counts it.
CREATE TABLE sales_demand (
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  product_id bigint NOT NULL,
  location_id bigint NOT NULL,
  day date NOT NULL,
  units integer NOT NULL,
  revenue numeric(16, 4) NOT NULL DEFAULT 0,
  lines integer NOT NULL DEFAULT 0,
  PRIMARY KEY (account_id, product_id, location_id, day),
  FOREIGN KEY (account_id, product_id) REFERENCES products (account_id, id) ON DELETE CASCADE,
  FOREIGN KEY (account_id, location_id) REFERENCES locations (account_id, id) ON DELETE CASCADE
);
CREATE INDEX sales_demand_day ON sales_demand (account_id, day);

-- Postage, fees, bank charges, vouchers: codes that are sold but never stocked. Kept out of demand and
-- of planning; set by the account's non-stock rule (docs/vocabulary.md "Non-stock codes").
ALTER TABLE products ADD COLUMN non_stock boolean NOT NULL DEFAULT false;

-- The account's non-stock rule; absent = the default in packages/domain/src/imports/sales-history.ts.
CREATE TABLE non_stock_rules (
  account_id bigint PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  codes text[] NOT NULL,
  prefixes text[] NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
