-- Inventory health over the whole catalogue (the IPI, the inventory-age and storage reports) reads the
-- ledger's last 90 days (or the month so far) of every SKU: as one range of this index, by time, answered
-- from the index alone — a contiguous slice of it, where one range per SKU of
-- stock_movements_product_time touches most of that index for 100,000 SKUs. Same key as before (what
-- lists movements by time keeps its plans), with the columns those statements read.
DROP INDEX stock_movements_time;
CREATE INDEX stock_movements_time ON stock_movements (account_id, occurred_at, id)
  INCLUDE (product_id, location_id, type, on_hand_delta, reserved_delta, inbound_delta);
