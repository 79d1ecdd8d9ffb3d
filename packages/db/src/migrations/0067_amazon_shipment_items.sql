-- Amazon Fulfilled Shipments report (issue 18, docs/decisions.md 53): each shipment item is taken in once
-- per account (a re-import of the same shipment-item-id changes nothing); its shipment-date is the date the
-- ledger's shipment of that order and SKU carries (a synced order is re-dated by a correcting pair).
CREATE TABLE amazon_shipment_items (
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  shipment_item_id text NOT NULL,
  amazon_order_id text NOT NULL,
  sku text NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  shipped_at timestamptz NOT NULL,
  import_id bigint REFERENCES imports(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, shipment_item_id)
);

-- Amazon's figures for an Amazon location read from a file (the Manage FBA Inventory report) at the time the
-- seller says it was taken: a read like the sync's summaries, for the history cut-off of decision 47.
CREATE TABLE amazon_stock_reads (
  account_id bigint NOT NULL,
  location_id bigint NOT NULL,
  read_at timestamptz NOT NULL,
  import_id bigint REFERENCES imports(id) ON DELETE SET NULL,
  FOREIGN KEY (account_id, location_id) REFERENCES locations (account_id, id)
);
CREATE INDEX amazon_stock_reads_location ON amazon_stock_reads (account_id, location_id, read_at);

-- An order Amazon shipped before its figures were read is demand only (decision 47): no ledger movement.
-- Its units still were sales: each line's shipment is kept here with its date, price and the SKU's unit cost
-- when it was taken in, and the profit report reads it beside the ledger's shipments (decision 53).
CREATE TABLE order_history_shipments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL,
  order_id bigint NOT NULL,
  product_id bigint NOT NULL,
  location_id bigint NOT NULL,
  units integer NOT NULL CHECK (units > 0),
  unit_price numeric(14, 4),
  unit_cost numeric(14, 4),
  channel text NOT NULL,
  shipped_at timestamptz NOT NULL,
  FOREIGN KEY (account_id, product_id) REFERENCES products (account_id, id),
  FOREIGN KEY (account_id, location_id) REFERENCES locations (account_id, id)
);
CREATE INDEX order_history_shipments_time ON order_history_shipments (account_id, shipped_at);
CREATE INDEX order_history_shipments_order ON order_history_shipments (account_id, order_id);

-- Who fulfils an order and where it was sold (Amazon's FulfillmentChannel and marketplace, decision 47),
-- kept on the order: a pending order reserved later draws from where its intake would have (decision 53).
-- Null for orders taken in before, and for orders whose source does not say (the channel's preference).
ALTER TABLE orders ADD COLUMN fulfilment text CHECK (fulfilment IN ('AFN', 'MFN'));
ALTER TABLE orders ADD COLUMN marketplace text;

-- The profit report is cached by the account's version (0049, 0050): it moves with these sales as well
-- (they are written beside `sales_demand`, which moves it already; named here so no path can miss it).
CREATE TRIGGER order_history_shipments_planning_version AFTER TRUNCATE ON order_history_shipments
  FOR EACH STATEMENT EXECUTE FUNCTION bump_planning_version();
CREATE TRIGGER order_history_shipments_planning_version_ins AFTER INSERT ON order_history_shipments
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_account_planning_versions();
CREATE TRIGGER order_history_shipments_planning_version_upd AFTER UPDATE ON order_history_shipments
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_account_planning_versions();
CREATE TRIGGER order_history_shipments_planning_version_del AFTER DELETE ON order_history_shipments
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_account_planning_versions();
