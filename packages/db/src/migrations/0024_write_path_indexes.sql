-- Write paths that must not slow as the ledger grows (issue 15): POST /movements answers with its
-- batch's movements (`m.batch_id = ?`), which without an index scanned the account's whole ledger
-- (22 ms at 4k movements, 230 ms at 818k on PostgreSQL).
CREATE INDEX stock_movements_batch ON stock_movements (batch_id);
-- The ledger's last movement id per account: the version the planning cache is keyed by, read on
-- every planning call (an index's last entry instead of a backward walk of the primary key that
-- skips other accounts' movements).
CREATE INDEX stock_movements_account_id ON stock_movements (account_id, id);
