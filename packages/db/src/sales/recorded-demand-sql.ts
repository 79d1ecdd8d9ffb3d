/**
 * Demand recorded apart from the ledger, as SQL: one row per source row with `product_id`, `location_id`,
 * `day` (UTC), `units` and `revenue`. Two records feed it and each fact lives in one of them
 * (docs/decisions.md 59): a sales history's days (`sales_demand`) and the shipped lines of demand-only
 * orders (`order_history_shipments`, decision 47: orders Amazon shipped before its figures were read),
 * which are also the profit report's sales. Every reader of demand (forecast days, order sizes, the sales
 * history, the items planned on demand) reads both through here.
 *
 * `account`, `from` and `to` are SQL expressions (placeholders); `from`/`to` bound the day when given;
 * `where` is a further condition on `product_id` / `location_id`, columns both tables have.
 */
export function recordedDemandSql(q: {
  account: string;
  from?: string | undefined;
  to?: string | undefined;
  where?: string | undefined;
}): string {
  const also = q.where === undefined ? '' : ` AND ${q.where}`;
  // A day is a UTC day: an instant is bounded by the day's start in UTC, as the profit report bounds it.
  const bound = (column: string, day: string) =>
    column === 'day' ? `${day}::date` : `(${day}::date::timestamp AT TIME ZONE 'UTC')`;
  const within = (column: string) =>
    (q.from === undefined ? '' : ` AND ${column} >= ${bound(column, q.from)}`) +
    (q.to === undefined ? '' : ` AND ${column} < ${bound(column, q.to)}`);
  return `SELECT product_id, location_id, day, units, revenue FROM sales_demand
    WHERE account_id = ${q.account}${within('day')}${also}
    UNION ALL
    SELECT product_id, location_id, (shipped_at AT TIME ZONE 'UTC')::date, units, units * coalesce(unit_price, 0)
    FROM order_history_shipments
    WHERE account_id = ${q.account}${within('shipped_at')}${also}`;
}
