import { AMAZON_LOCATION_TYPES } from '@stockwise/domain/ledger/network';
import type { Sql } from '../database';

/**
 * Which products a statement covers: the whole catalogue, a keyset page by SKU (`after` < sku ≤
 * `through`, at most `limit`), or a short list of SKUs. Pages and lists reach the ledger through the
 * (account_id, product_id, location_id, occurred_at) index, one range per SKU × location, so a page
 * costs what its SKUs cost; the whole catalogue reads the time window once through
 * (account_id, occurred_at, id).
 */
export interface ProductScope {
  after?: string | undefined;
  through?: string | undefined;
  limit?: number | undefined;
  skus?: readonly string[] | undefined;
}

/** `AND …` on products (alias p) for a scope; pushes its parameters. Empty for the whole catalogue. */
export function productScopeSql(params: unknown[], scope: ProductScope): string {
  let where = '';
  if (scope.skus) {
    params.push(scope.skus);
    where += ` AND p.sku = ANY($${params.length}::text[])`;
  }
  if (scope.after !== undefined) {
    params.push(scope.after);
    where += ` AND p.sku > $${params.length}`;
  }
  if (scope.through !== undefined) {
    params.push(scope.through);
    where += ` AND p.sku <= $${params.length}`;
  }
  if (scope.limit !== undefined) {
    params.push(scope.limit);
    where += ` ORDER BY p.sku LIMIT $${params.length}`;
  }
  return where;
}

export const isWholeCatalogue = (scope: ProductScope) =>
  scope.skus === undefined &&
  scope.after === undefined &&
  scope.through === undefined &&
  scope.limit === undefined;

/**
 * Settings for the health statements, for the rest of the current transaction (no effect outside one):
 * no JIT — compiling a statement this size takes seconds, more than it ever saves — enough memory to
 * sort a page of SKUs without spilling to disk, and grouping by sorting: the ledger rows arrive ordered
 * by product, so grouping them costs a sort within each product, where the planner (which cannot
 * estimate the groups) would otherwise hash a million groups to disk and sort them all again.
 */
export async function useReportSettings(sql: Sql): Promise<void> {
  await sql.query(
    `SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true), set_config('enable_hashagg', 'off', true)`,
  );
}

/**
 * The balance rows (SKU × location, alias i) of the products in `prod`, each looked up by primary key —
 * never a scan of the account's balances for one page.
 */
export const SCOPED_BALANCES_SQL = `SELECT i.* FROM prod CROSS JOIN LATERAL (
    SELECT b.product_id, b.location_id, b.on_hand, b.reserved, b.inbound, b.unfulfillable FROM stock_balances b
    WHERE b.product_id = prod.id AND b.account_id = $1 OFFSET 0
  ) i`;

/**
 * The account's Amazon locations (ids), as a subquery: the location types of Amazon's network
 * (domain/ledger/network.ts AMAZON_LOCATION_TYPES) pushed onto `params`. What Amazon's figures count
 * (docs/formulas.md#amazons-scope).
 */
export function amazonLocationsSql(params: unknown[]): string {
  params.push(AMAZON_LOCATION_TYPES);
  return `SELECT id FROM locations WHERE account_id = $1 AND type = ANY($${String(params.length)}::text[])`;
}

/** Location ids as a subquery over a parameter pushed onto `params` (a report's scope). */
export function locationIdsSql(params: unknown[], ids: readonly number[]): string {
  params.push(ids);
  return `SELECT unnest($${String(params.length)}::bigint[])`;
}

/** A report's locations as a subquery of ids: those given, else Amazon's (docs/formulas.md#amazons-scope). */
export const locationScopeSql = (params: unknown[], ids: readonly number[] | undefined) =>
  ids === undefined ? amazonLocationsSql(params) : locationIdsSql(params, ids);

/**
 * Movements (alias m: product_id, location_id, occurred_at, type and the on-hand, reserved and inbound
 * deltas) of the products in `outer` — a list aliased prod with an id, `prod` by default — from `since`
 * up to `until` (SQL timestamptz; no end by default), at `locations` (a subquery of ids; all by default): one range of stock_movements_product_time per SKU,
 * read from the index alone. With `outer` ordered by id, the rows come out ordered by product and time,
 * so grouping by product needs no sort.
 */
export function movementRangesSql(
  columns: string,
  range: { since: string; until?: string; outer?: string; locations?: string },
): string {
  return `SELECT ${columns} FROM ${range.outer ?? 'prod'} CROSS JOIN LATERAL (
      SELECT x.product_id, x.location_id, x.occurred_at, x.type, x.on_hand_delta, x.reserved_delta, x.inbound_delta
      FROM stock_movements x
      WHERE x.account_id = $1 AND x.product_id = prod.id AND x.occurred_at >= ${range.since}
        ${range.until === undefined ? '' : `AND x.occurred_at < ${range.until}`}
        ${range.locations === undefined ? '' : `AND x.location_id IN (${range.locations})`}
      OFFSET 0
    ) m`;
}
