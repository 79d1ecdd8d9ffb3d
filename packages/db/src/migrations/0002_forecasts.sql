-- Forecast runs and the forecasts they stored, kept over time so accuracy can be tracked.
CREATE TABLE forecast_runs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  job_id bigint,
  as_of date NOT NULL,
  horizon integer NOT NULL,
  series_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX forecast_runs_account ON forecast_runs (account_id, id DESC);

CREATE TABLE forecasts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL,
  run_id bigint REFERENCES forecast_runs(id) ON DELETE CASCADE,
  product_id bigint NOT NULL,
  -- NULL: the SKU over all locations.
  location_id bigint,
  as_of date NOT NULL,
  horizon integer NOT NULL,
  model text NOT NULL,
  params jsonb NOT NULL DEFAULT '{}'::jsonb,
  demand_class text NOT NULL,
  degenerate text,
  mean double precision[] NOT NULL,
  quantiles jsonb NOT NULL,
  dispersion double precision NOT NULL,
  level_variance double precision NOT NULL,
  backtest jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (account_id, product_id) REFERENCES products (account_id, id) ON DELETE CASCADE
);
CREATE INDEX forecasts_latest ON forecasts (account_id, product_id, location_id, as_of DESC, id DESC);
CREATE INDEX forecasts_as_of ON forecasts (account_id, as_of);
