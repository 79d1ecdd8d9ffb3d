-- Amazon settlement reports (issue 18): each settlement is booked once per account (the first import of
-- its id wins; a later file of the same id changes nothing), and its per-SKU amounts — Amazon's item fees,
-- refunded item prices, reimbursements — are what the profit report takes as fees actually paid.
CREATE TABLE settlements (
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  settlement_id text NOT NULL,
  import_id bigint REFERENCES imports(id) ON DELETE SET NULL,
  currency text NOT NULL,
  total_amount numeric(14, 2),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, settlement_id)
);

CREATE TABLE settlement_amounts (
  account_id bigint NOT NULL,
  settlement_id text NOT NULL,
  line_no int NOT NULL,
  product_id bigint NOT NULL,
  order_id text,
  kind text NOT NULL CHECK (kind IN ('fee', 'refund', 'reimbursement')),
  amount numeric(14, 4) NOT NULL,
  currency text NOT NULL,
  posted_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, settlement_id, line_no),
  FOREIGN KEY (account_id, settlement_id) REFERENCES settlements (account_id, settlement_id) ON DELETE CASCADE,
  FOREIGN KEY (account_id, product_id) REFERENCES products (account_id, id)
);
CREATE INDEX settlement_amounts_product ON settlement_amounts (account_id, product_id, posted_at);
