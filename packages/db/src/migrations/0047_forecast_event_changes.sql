-- Each change of a seller's event, with the scope it had (an edit notes the old scope and, when it
-- moved, the new one), replacing the account-wide time of 0046: a stored forecast is recomputed only
-- when an event applying to its SKU changed after its inputs were read (docs/forecasting.md, "Calendar
-- and events"). Bookkeeping only; the rule lives in the domain (forecasting/event-staleness.ts).
CREATE TABLE forecast_event_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  changed_at timestamptz NOT NULL,
  scope text NOT NULL,
  category text,
  skus text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX forecast_event_changes_account ON forecast_event_changes (account_id, changed_at);

CREATE FUNCTION note_forecast_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO forecast_event_changes (account_id, changed_at, scope, category, skus)
    VALUES (OLD.account_id, now(), OLD.scope, OLD.category, OLD.skus);
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND
      (OLD.scope, OLD.category, OLD.skus) IS DISTINCT FROM (NEW.scope, NEW.category, NEW.skus)) THEN
    INSERT INTO forecast_event_changes (account_id, changed_at, scope, category, skus)
    VALUES (NEW.account_id, now(), NEW.scope, NEW.category, NEW.skus);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER forecast_event_changes AFTER INSERT OR UPDATE OR DELETE ON forecast_events
  FOR EACH ROW EXECUTE FUNCTION note_forecast_event_change();

-- What 0046 knew: each event as last saved, and the account's last change, whose scope (a deletion's)
-- is unknown, as a change of every SKU (what it meant until now).
INSERT INTO forecast_event_changes (account_id, changed_at, scope, category, skus)
  SELECT account_id, updated_at, scope, category, skus FROM forecast_events;
INSERT INTO forecast_event_changes (account_id, changed_at, scope)
  SELECT account_id, changed_at, 'all' FROM forecast_events_changed;

DROP TRIGGER forecast_events_changed ON forecast_events;
DROP FUNCTION note_forecast_events_change();
DROP TABLE forecast_events_changed;
