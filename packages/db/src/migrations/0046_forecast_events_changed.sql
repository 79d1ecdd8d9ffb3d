-- When the seller's events last changed, per account, deletions included (max(updated_at) of the
-- remaining events cannot see a deleted one): a stored forecast made before it does not reflect the
-- events, so the forecast endpoint and the planning position compute it again (docs/forecasting.md,
-- "Price response"). Bookkeeping only, as the planning version (0025); the rule lives in the domain.
CREATE TABLE forecast_events_changed (
  account_id bigint PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  changed_at timestamptz NOT NULL
);

CREATE FUNCTION note_forecast_events_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO forecast_events_changed (account_id, changed_at)
  VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.account_id ELSE NEW.account_id END, now())
  ON CONFLICT (account_id) DO UPDATE SET changed_at = GREATEST(forecast_events_changed.changed_at, EXCLUDED.changed_at);
  RETURN NULL;
END $$;

CREATE TRIGGER forecast_events_changed AFTER INSERT OR UPDATE OR DELETE ON forecast_events
  FOR EACH ROW EXECUTE FUNCTION note_forecast_events_change();
