-- A demand-only order's shipped units have one record (docs/decisions.md 59): its `order_history_shipments`
-- rows. Forecasting reads them as demand beside `sales_demand` (recordedDemandSql), the profit report as
-- sales; `sales_demand` keeps only what a sales history file stated. Until now the same units were written
-- to both: they are taken out of `sales_demand` here, so every reader's figures stay what they were.

-- 1. Orders taken in as demand only before migration 0067 (decision 47) have no history rows: their units
-- are in `sales_demand` alone. Such an order is shipped with its allocations marked shipped at an Amazon
-- location, and no ledger movement names it. The order does not keep the instant it shipped; the paths of
-- that time (the All Orders report) recorded its demand on the day it was ordered. An order is recovered,
-- shipped at its order time and costed at the SKU's unit cost now, only when `sales_demand` holds its
-- units on that day at that location (with those of the other orders recovered on the same day and the
-- history rows already there); an order whose demand was recorded on another day (a sync's or a file's ship
-- date) cannot be told apart and stays in `sales_demand` as sales history, outside the profit report.
WITH cand AS (
  SELECT o.account_id, o.id AS order_id, l.product_id, a.location_id, a.shipped AS units, l.unit_price,
    o.channel, o.ordered_at, (o.ordered_at AT TIME ZONE 'UTC')::date AS day
  FROM orders o
  JOIN order_lines l ON l.account_id = o.account_id AND l.order_id = o.id
  JOIN order_allocations a ON a.order_line_id = l.id AND a.shipped > 0
  JOIN locations loc ON loc.account_id = a.account_id AND loc.id = a.location_id AND loc.type = 'amazon_fba'
  WHERE o.status IN ('shipped', 'partially_shipped')
    AND NOT EXISTS (SELECT 1 FROM order_history_shipments h WHERE h.account_id = o.account_id AND h.order_id = o.id)
    AND NOT EXISTS (SELECT 1 FROM stock_movements m
                    WHERE m.account_id = o.account_id AND m.reference_type = 'order' AND m.reference_id = o.id::text)),
need AS (
  SELECT account_id, product_id, location_id, day, sum(units) AS units FROM (
    SELECT account_id, product_id, location_id, day, units FROM cand
    UNION ALL
    SELECT h.account_id, h.product_id, h.location_id, (h.shipped_at AT TIME ZONE 'UTC')::date, h.units
    FROM order_history_shipments h
    WHERE EXISTS (SELECT 1 FROM orders o WHERE o.account_id = h.account_id AND o.id = h.order_id)) x
  GROUP BY account_id, product_id, location_id, day),
short AS (
  SELECT n.account_id, n.product_id, n.location_id, n.day FROM need n
  LEFT JOIN sales_demand s ON s.account_id = n.account_id AND s.product_id = n.product_id
    AND s.location_id = n.location_id AND s.day = n.day
  WHERE coalesce(s.units, 0) < n.units),
refused AS (
  SELECT DISTINCT c.account_id, c.order_id FROM cand c
  JOIN short k ON k.account_id = c.account_id AND k.product_id = c.product_id AND k.location_id = c.location_id
    AND k.day = c.day)
INSERT INTO order_history_shipments (account_id, order_id, product_id, location_id, units, unit_price, unit_cost, channel, shipped_at)
SELECT c.account_id, c.order_id, c.product_id, c.location_id, c.units, c.unit_price, p.unit_cost, c.channel, c.ordered_at
FROM cand c JOIN products p ON p.account_id = c.account_id AND p.id = c.product_id
WHERE NOT EXISTS (SELECT 1 FROM refused r WHERE r.account_id = c.account_id AND r.order_id = c.order_id)
ORDER BY c.account_id, c.order_id, c.product_id;

-- 2. The history rows' units and revenue leave `sales_demand` (rows of orders that are gone stay there, as
-- sales history: step 3 removes them). A day left with no units and no revenue is removed (its history
-- rows are the sale now); a day that also holds a sales history file's lines keeps them.
WITH h AS (
  SELECT h.account_id, h.product_id, h.location_id, (h.shipped_at AT TIME ZONE 'UTC')::date AS day,
    sum(h.units)::int AS units, sum(h.units * coalesce(h.unit_price, 0)) AS revenue, count(*)::int AS lines
  FROM order_history_shipments h
  WHERE EXISTS (SELECT 1 FROM orders o WHERE o.account_id = h.account_id AND o.id = h.order_id)
  GROUP BY 1, 2, 3, 4)
UPDATE sales_demand s SET units = s.units - h.units, revenue = s.revenue - h.revenue,
  lines = greatest(s.lines - h.lines, 0)
FROM h WHERE s.account_id = h.account_id AND s.product_id = h.product_id AND s.location_id = h.location_id
  AND s.day = h.day;
DELETE FROM sales_demand s WHERE s.units = 0 AND round(s.revenue, 2) = 0
  AND EXISTS (SELECT 1 FROM order_history_shipments h
              WHERE h.account_id = s.account_id AND h.product_id = s.product_id AND h.location_id = s.location_id
                AND (h.shipped_at AT TIME ZONE 'UTC')::date = s.day);

-- 3. A history row belongs to its order, in its account (as an order's lines do).
DELETE FROM order_history_shipments h
WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.account_id = h.account_id AND o.id = h.order_id);
ALTER TABLE order_history_shipments ADD CONSTRAINT order_history_shipments_order
  FOREIGN KEY (account_id, order_id) REFERENCES orders (account_id, id) ON DELETE CASCADE;

-- 4. Being demand, the rows note the SKUs they change for the planning cache, as `sales_demand`'s do (0059).
CREATE TRIGGER order_history_shipments_planning_version_zchanges_ins AFTER INSERT ON order_history_shipments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_planning_changes('product');
CREATE TRIGGER order_history_shipments_planning_version_zchanges_upd AFTER UPDATE ON order_history_shipments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_planning_changes('product');
CREATE TRIGGER order_history_shipments_planning_version_zchanges_del AFTER DELETE ON order_history_shipments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_planning_changes('product');
