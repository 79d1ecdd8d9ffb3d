-- Order intake (API orders and order imports) locks and updates balance rows by account and product. The
-- only account-led index was (account_id, location_id), so the planner looked each product up by ANDing the
-- primary key with a scan of every balance entry of the account — including the versions that updates
-- leave until vacuum — once per product: a chunk of an order import cost products × balance versions and
-- grew as the import went on (1,000-line chunks: 0.4 s at the start, twice that 10,000 lines later).
-- Led by account and product, one probe finds the row.
CREATE INDEX stock_balances_account_product ON stock_balances (account_id, product_id, location_id);
-- Balances are updated in place all day (every order, every movement): room on each page keeps those
-- updates heap-only (HOT), so they add no index entries at all.
ALTER TABLE stock_balances SET (fillfactor = 80);
