-- Outbound availability (a signed webhook and/or the channel's own API, coalesced per batch window)
-- and Amazon's FBA inventory age report kept beside the ledger's own age layers.

ALTER TABLE sales_channels
  -- Where changed available-to-sell quantities are POSTed (https, or http on the loopback interface).
  ADD COLUMN availability_url text,
  -- AES-256-GCM box of the HMAC-SHA256 key that signs each delivery (X-Stockwise-Signature).
  ADD COLUMN availability_secret_enc text,
  -- Also push changed quantities through the channel's connector (Shopify inventory_levels/set, SP-API listings).
  ADD COLUMN push_connector boolean NOT NULL DEFAULT false,
  -- The change-feed cursor the last successful delivery read up to.
  ADD COLUMN push_cursor text,
  -- One delivery at a time per channel, however many workers run.
  ADD COLUMN push_locked_until timestamptz,
  -- Back-off after failed deliveries: nothing is attempted before push_retry_after.
  ADD COLUMN push_failures integer NOT NULL DEFAULT 0,
  ADD COLUMN push_retry_after timestamptz,
  ADD COLUMN last_push_at timestamptz,
  ADD COLUMN last_push_error text;

-- What each channel was last told per SKU: a delivery carries only SKUs whose figure differs.
CREATE TABLE channel_availability_sent (
  account_id bigint NOT NULL,
  channel_id bigint NOT NULL REFERENCES sales_channels(id) ON DELETE CASCADE,
  product_id bigint NOT NULL,
  available_to_sell integer NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel_id, product_id),
  FOREIGN KEY (account_id, product_id) REFERENCES products (account_id, id) ON DELETE CASCADE
);

-- The change feed re-reads movements created since the oldest transaction that was still open at the
-- previous read (they may commit a lower id late). Movements are appended in created_at order, so a
-- BRIN index answers that range for almost nothing per insert.
CREATE INDEX stock_movements_created_brin ON stock_movements USING brin (created_at);

-- Amazon's FBA inventory planning / age report, one row per SKU × Amazon location × snapshot date.
CREATE TABLE fba_inventory_age (
  account_id bigint NOT NULL,
  location_id bigint NOT NULL,
  product_id bigint NOT NULL,
  snapshot_date date NOT NULL,
  import_id bigint REFERENCES imports(id) ON DELETE SET NULL,
  fnsku text,
  asin text,
  condition text,
  available integer NOT NULL,
  reserved integer,
  pending_removal integer,
  unfulfillable integer,
  age_0_90 integer NOT NULL,
  age_91_180 integer NOT NULL,
  age_181_270 integer NOT NULL,
  age_271_365 integer NOT NULL,
  age_365_plus integer NOT NULL,
  units_shipped_t30 integer,
  units_shipped_t90 integer,
  sell_through numeric(12, 4),
  estimated_excess integer,
  days_of_supply numeric(12, 2),
  recommended_action text,
  PRIMARY KEY (account_id, location_id, product_id, snapshot_date),
  FOREIGN KEY (account_id, product_id) REFERENCES products (account_id, id) ON DELETE CASCADE,
  FOREIGN KEY (account_id, location_id) REFERENCES locations (account_id, id) ON DELETE CASCADE
);
CREATE INDEX fba_inventory_age_latest ON fba_inventory_age (account_id, location_id, snapshot_date DESC);
