-- Seller-entered events and promotions (docs/forecasting.md, "Calendar and events"): a name, the days
-- it runs (inclusive), what it applies to (every SKU, a category, a list of SKUs) and the expected
-- lift, or NULL to learn it from earlier days of the same name. Rules on the values live in the domain.
CREATE TABLE forecast_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  scope text NOT NULL,
  category text,
  skus text[] NOT NULL DEFAULT '{}',
  lift double precision,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX forecast_events_account ON forecast_events (account_id, starts_on, id);
