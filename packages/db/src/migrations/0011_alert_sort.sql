-- Alerts carry the parameters their title needs (rendered in the reader's language) and their urgency:
-- the day the condition bites (docs/formulas.md Alerts). The list sorts by severity, urgency, id.
ALTER TABLE alerts ADD COLUMN params jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE alerts ADD COLUMN urgent_on date;
-- Alerts from before this migration carry neither; the next evaluation fills them in. Location-less
-- stock alerts of the old per-SKU rules are resolved by that evaluation (their dedupe keys changed).
CREATE INDEX alerts_account_status ON alerts (account_id, status, id);
