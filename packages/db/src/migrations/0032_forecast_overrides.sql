-- Forecast overrides (docs/forecasting.md, "Overrides"): the seller scales or replaces the forecast of a
-- SKU (product_id) or a category over a period. Rules on the values live in the domain; a row is applied
-- after the forecast wherever one is read, so the planning position reads this table: its changes give
-- `planning` a new version (0025).
CREATE TABLE forecast_overrides (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  product_id bigint REFERENCES products(id) ON DELETE CASCADE,
  category text,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  mode text NOT NULL,
  value double precision NOT NULL,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((product_id IS NULL) <> (category IS NULL))
);
CREATE INDEX forecast_overrides_product ON forecast_overrides (account_id, product_id);
CREATE INDEX forecast_overrides_category ON forecast_overrides (account_id, category);
CREATE TRIGGER forecast_overrides_planning_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON forecast_overrides FOR EACH STATEMENT EXECUTE FUNCTION bump_planning_version();
