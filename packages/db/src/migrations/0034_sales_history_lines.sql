-- Sales-history lines already counted as demand, by order id, product, day and occurrence (the n-th line
-- of that SKU in that order on that day, within its file): a line that an overlapping file repeats is
-- counted once (docs/forecasting.md "History and censoring"). Lines without an order id are not kept.
CREATE TABLE sales_history_lines (
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  order_id text NOT NULL,
  product_id bigint NOT NULL,
  day date NOT NULL,
  occurrence integer NOT NULL,
  -- The line of the import that counted it.
  import_id bigint NOT NULL,
  line_no integer NOT NULL,
  PRIMARY KEY (account_id, order_id, product_id, day, occurrence),
  FOREIGN KEY (account_id, product_id) REFERENCES products (account_id, id) ON DELETE CASCADE
);
CREATE INDEX sales_history_lines_import ON sales_history_lines (import_id, line_no);
