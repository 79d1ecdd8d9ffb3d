-- Order intake reads, per Amazon location, when the FBA inventory sync last read Amazon's figures there
-- (the latest synced_at of its summaries): an AFN order shipped before it is sales history only
-- (docs/decisions.md 47). This index answers that max from one index probe per location, not a scan of
-- the location's SKUs on every order taken in.
CREATE INDEX amazon_inventory_summaries_synced ON amazon_inventory_summaries (account_id, location_id, synced_at);
