-- The planning version was one row for every account (0025): a catalogue, supplier or forecast write in
-- one account made every account's planning cache compute its position again, and on PostgreSQL every
-- such write of every account queued on that one row's lock until it committed. Each account now has
-- its own version, given a new number from the same sequence by every statement that changes its rows
-- (statement triggers read the changed rows' accounts from their transition tables). The shared
-- `planning` row stays for rows of no account (the default fee schedules) and TRUNCATE, and is part
-- of every account's version. An UPDATE is read from its new rows: no row moves to another account.
CREATE TABLE account_cache_versions (
  account_id bigint PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  version bigint NOT NULL
);

CREATE FUNCTION bump_account_planning_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- In account order, so two statements bumping several accounts never wait on each other in a cycle.
  INSERT INTO account_cache_versions (account_id, version)
  SELECT a.account_id, nextval('cache_version_seq')
    FROM (SELECT DISTINCT account_id FROM changed_rows WHERE account_id IS NOT NULL) a
   ORDER BY a.account_id
  ON CONFLICT (account_id) DO UPDATE SET version = EXCLUDED.version;
  IF EXISTS (SELECT 1 FROM changed_rows WHERE account_id IS NULL) THEN
    UPDATE cache_versions SET version = nextval('cache_version_seq') WHERE name = 'planning';
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['products', 'locations', 'suppliers', 'supplier_products', 'purchase_orders',
    'purchase_order_lines', 'purchase_order_receipts', 'replenishment_settings', 'fee_schedules',
    'forecast_runs', 'forecasts', 'replenishment_cost_defaults', 'sales_demand', 'non_stock_rules',
    'forecast_events', 'forecast_overrides']
  LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', t || '_planning_version', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION bump_planning_version()', t || '_planning_version', t);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION bump_account_planning_versions()', t || '_planning_version_ins', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION bump_account_planning_versions()', t || '_planning_version_upd', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION bump_account_planning_versions()', t || '_planning_version_del', t);
  END LOOP;
END $$;
