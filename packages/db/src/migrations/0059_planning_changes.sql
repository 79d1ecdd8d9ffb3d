-- Which SKUs a change of the planning inputs touched (docs/decisions.md 38): every statement that gives
-- an account a new planning version (0049) also notes here the products whose inputs it changed, or one
-- row with no product when it changed something account-wide (a location, a supplier, a purchase order,
-- fee or cost defaults, a forecast run, an event of a category or of every SKU, a category override, a
-- product created, deleted or renamed) or more products than are worth re-planning one by one. The
-- planning cache re-plans only the SKUs noted after the version it last computed; a row with no product
-- makes it compute everything. Bookkeeping only: what a change means for a plan lives in the server.
--
-- Ids are taken while the statement holds its account's row of account_cache_versions (these triggers
-- fire after the version's, their names sorting after it), which it keeps until commit: an account's
-- rows become visible in id order, so "every row above the last id read" is every change made since.
-- The ledger needs none: its movements carry their product and are read by id.
CREATE TABLE planning_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  product_id bigint
);
CREATE INDEX planning_changes_account ON planning_changes (account_id, id);

-- What a statement touched, per kind of table (the trigger's argument): `product` rows carry their
-- product; `products` are the products themselves; an `event` names SKUs or a wider scope; any other
-- table is account-wide. Above 1,000 products in one statement, one account-wide row instead.
CREATE FUNCTION note_planning_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kind text := TG_ARGV[0];
  accs bigint[] := '{}';
  prods bigint[] := '{}';
  a bigint[];
  p bigint[];
BEGIN
  IF kind = 'products' AND TG_OP = 'UPDATE' THEN
    -- An update keeps the product's place in the catalogue unless its SKU changes.
    SELECT array_agg(n.account_id), array_agg(CASE WHEN o.sku = n.sku THEN n.id END) INTO a, p
      FROM new_rows n JOIN old_rows o ON o.id = n.id;
    accs := accs || coalesce(a, '{}'); prods := prods || coalesce(p, '{}');
  ELSE
    IF TG_OP <> 'DELETE' THEN
      IF kind = 'product' THEN
        SELECT array_agg(account_id), array_agg(product_id) INTO a, p FROM new_rows;
      ELSIF kind = 'event' THEN
        SELECT array_agg(e.account_id), array_agg(x.id) INTO a, p FROM new_rows e
          LEFT JOIN LATERAL (SELECT id FROM products WHERE e.scope = 'skus' AND account_id = e.account_id
                                AND sku = ANY(e.skus)) x ON true
         WHERE e.scope <> 'skus' OR x.id IS NOT NULL;
      ELSE
        SELECT array_agg(account_id), array_agg(NULL::bigint) INTO a, p FROM new_rows;
      END IF;
      accs := accs || coalesce(a, '{}'); prods := prods || coalesce(p, '{}');
    END IF;
    IF TG_OP <> 'INSERT' THEN
      IF kind = 'product' THEN
        SELECT array_agg(account_id), array_agg(product_id) INTO a, p FROM old_rows;
      ELSIF kind = 'event' THEN
        SELECT array_agg(e.account_id), array_agg(x.id) INTO a, p FROM old_rows e
          LEFT JOIN LATERAL (SELECT id FROM products WHERE e.scope = 'skus' AND account_id = e.account_id
                                AND sku = ANY(e.skus)) x ON true
         WHERE e.scope <> 'skus' OR x.id IS NOT NULL;
      ELSE
        SELECT array_agg(account_id), array_agg(NULL::bigint) INTO a, p FROM old_rows;
      END IF;
      accs := accs || coalesce(a, '{}'); prods := prods || coalesce(p, '{}');
    END IF;
  END IF;
  WITH d AS (SELECT DISTINCT u.account_id, u.product_id FROM unnest(accs, prods) AS u(account_id, product_id)
              WHERE u.account_id IS NOT NULL),
       w AS (SELECT account_id, bool_or(product_id IS NULL) OR count(*) > 1000 AS wide
               FROM d GROUP BY account_id)
  INSERT INTO planning_changes (account_id, product_id)
  SELECT account_id, product_id FROM (
    SELECT w.account_id, NULL::bigint AS product_id FROM w WHERE w.wide
    UNION ALL
    SELECT d.account_id, d.product_id FROM d JOIN w USING (account_id) WHERE NOT w.wide) x
  ORDER BY account_id, product_id;
  RETURN NULL;
END $$;

DO $$
DECLARE t text; k text;
BEGIN
  FOREACH t IN ARRAY ARRAY['products', 'locations', 'suppliers', 'supplier_products', 'purchase_orders',
    'purchase_order_lines', 'purchase_order_receipts', 'replenishment_settings', 'fee_schedules',
    'forecast_runs', 'forecasts', 'replenishment_cost_defaults', 'sales_demand', 'non_stock_rules',
    'forecast_events', 'forecast_overrides']
  LOOP
    k := CASE WHEN t IN ('supplier_products', 'replenishment_settings', 'forecasts', 'sales_demand',
                         'forecast_overrides') THEN 'product'
              WHEN t = 'products' THEN 'products'
              WHEN t = 'forecast_events' THEN 'event'
              ELSE 'account' END;
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION note_planning_changes(%L)', t || '_planning_version_zchanges_ins', t, k);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION note_planning_changes(%L)', t || '_planning_version_zchanges_upd', t, k);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION note_planning_changes(%L)', t || '_planning_version_zchanges_del', t, k);
  END LOOP;
END $$;
