-- Returns booked from a returns / credit-note import (issue 18): one row per return key (Amazon's license
-- plate number, else order + SKU + date + occurrence), so the same return in a second file changes
-- nothing. The stock moves through the ledger (return movements); planning reads those, not this table,
-- so it needs no cache_versions trigger.
CREATE TABLE booked_returns (
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  return_key text NOT NULL,
  import_id bigint REFERENCES imports(id) ON DELETE SET NULL,
  line_no integer NOT NULL,
  order_id bigint REFERENCES orders(id) ON DELETE SET NULL,
  booked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, return_key)
);
