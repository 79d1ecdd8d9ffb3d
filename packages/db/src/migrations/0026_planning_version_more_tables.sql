-- The planning position also reads the account's ordering and shipping defaults, the sales history
-- imported without stock (demand for SKUs with no stored forecast), the non-stock rule, and the
-- seller's forecast events: a change to any of them gives `planning` a new version as well (0025).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['replenishment_cost_defaults', 'sales_demand', 'non_stock_rules', 'forecast_events']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION bump_planning_version()', t || '_planning_version', t);
  END LOOP;
END $$;
