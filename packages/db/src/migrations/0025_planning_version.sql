-- What the planning position reads besides the ledger (catalogue, locations, suppliers and their terms,
-- purchase orders, settings, fee schedules, forecasts) has no last-id of its own: every statement that
-- changes one of those tables gives `planning` a new version, taken from a sequence so that a
-- rolled-back change never hands out a version a later change reuses. The planning cache
-- (packages/server/src/replenishment/cached-planning.service.ts) keys its entries by this version and
-- the ledger's last movement id. One row for every account: these tables change rarely (never on the
-- order path), so a change anywhere re-computes every account's position once.
CREATE SEQUENCE cache_version_seq;
CREATE TABLE cache_versions (
  name text PRIMARY KEY,
  version bigint NOT NULL
);
INSERT INTO cache_versions (name, version) VALUES ('planning', nextval('cache_version_seq'));

CREATE FUNCTION bump_planning_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cache_versions SET version = nextval('cache_version_seq') WHERE name = 'planning';
  RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['products', 'locations', 'suppliers', 'supplier_products', 'purchase_orders',
    'purchase_order_lines', 'purchase_order_receipts', 'replenishment_settings', 'fee_schedules',
    'forecast_runs', 'forecasts']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION bump_planning_version()', t || '_planning_version', t);
  END LOOP;
END $$;
