-- Inventory health reads, for a page of SKUs (or the whole catalogue), each SKU's movements of the last
-- 90 days over all its locations: one range of this index per SKU, answered from the index alone
-- (index-only scan) once autovacuum has marked the append-only ledger's pages all-visible. Without
-- it, a page costs one range of stock_movements_item per SKU × location plus a heap visit per row.
CREATE INDEX stock_movements_product_time ON stock_movements (account_id, product_id, occurred_at)
  INCLUDE (location_id, type, on_hand_delta, reserved_delta, inbound_delta);
