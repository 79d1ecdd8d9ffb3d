-- Amazon's FBA inventory summaries (SP-API getInventorySummaries, details=true) as last synced, per
-- Amazon location and SKU: the next sync moves inbound stages from them, and the reconciliation
-- shows them beside the ledger. The ledger itself changes only through movements.
CREATE TABLE amazon_inventory_summaries (
  account_id bigint NOT NULL,
  location_id bigint NOT NULL,
  product_id bigint NOT NULL,
  fnsku text,
  asin text,
  fulfillable integer NOT NULL CHECK (fulfillable >= 0),
  inbound_working integer NOT NULL CHECK (inbound_working >= 0),
  inbound_shipped integer NOT NULL CHECK (inbound_shipped >= 0),
  inbound_receiving integer NOT NULL CHECK (inbound_receiving >= 0),
  reserved integer NOT NULL CHECK (reserved >= 0),
  researching integer NOT NULL CHECK (researching >= 0),
  unfulfillable integer NOT NULL CHECK (unfulfillable >= 0),
  synced_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, location_id, product_id),
  FOREIGN KEY (account_id, product_id) REFERENCES products (account_id, id) ON DELETE CASCADE,
  FOREIGN KEY (account_id, location_id) REFERENCES locations (account_id, id) ON DELETE CASCADE
);
