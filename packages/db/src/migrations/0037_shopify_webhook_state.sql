-- Shopify webhooks beyond orders (docs/decisions.md, "Shopify inventory levels are what the channel
-- shows"): which SKU each Shopify inventory item is, the level Shopify last reported per item and
-- location (never the ledger's stock), and the refunds already applied so a retried refund changes nothing.
CREATE TABLE shopify_inventory_items (
  channel_id bigint NOT NULL REFERENCES sales_channels(id) ON DELETE CASCADE,
  inventory_item_id text NOT NULL,
  sku text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel_id, inventory_item_id)
);

CREATE TABLE shopify_inventory_levels (
  channel_id bigint NOT NULL REFERENCES sales_channels(id) ON DELETE CASCADE,
  inventory_item_id text NOT NULL,
  shopify_location_id text NOT NULL,
  available integer,
  reported_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel_id, inventory_item_id, shopify_location_id)
);

CREATE TABLE shopify_refunds_applied (
  channel_id bigint NOT NULL REFERENCES sales_channels(id) ON DELETE CASCADE,
  refund_id text NOT NULL,
  order_id bigint,
  outcome text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel_id, refund_id)
);
