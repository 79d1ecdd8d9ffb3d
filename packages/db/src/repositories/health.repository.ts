import type { Sql } from '../database';

/**
 * Per-SKU inputs of the inventory-health factors on a date D, aggregated in SQL from balances and the
 * last 90 days of the ledger (set-based: one statement for the whole catalogue or one page of it).
 *
 * - on hand / inbound at D = balance now − movements on or after D
 * - average on hand over [D−90, D) = opening + Σ delta × (90 − day) ÷ 90 (day = index in the window)
 * - in-stock days over [D−30, D): days that started with stock on hand or received units (the SQL
 *   twin of domain/health/factors.ts dailyInStock, checked against it by the integration tests)
 * - daily demand: the latest stored SKU forecast made on or before D, its mean over D … D+89;
 *   without one, units shipped in the last 90 days ÷ 90
 */
export interface SkuFactorRow {
  productId: number;
  sku: string;
  title: string;
  asin: string | null;
  fnsku: string | null;
  listingStatus: 'active' | 'inactive' | 'error';
  replenishable: boolean;
  price: number | null;
  unitCost: number | null;
  cubicFeet: number | null;
  sizeTier: string | null;
  onHand: number;
  reserved: number;
  inbound: number;
  unfulfillable: number;
  unitsShipped7: number;
  unitsShipped30: number;
  unitsShipped60: number;
  unitsShipped90: number;
  averageOnHand90: number;
  inStockDays30: number;
  dailyDemand: number;
  demandSource: 'forecast' | 'trailing-90-days';
  excessUnits: number;
}

export interface FactorTotals {
  skus: number;
  totalUnits: number;
  excessUnits: number;
  strandedUnits: number;
  unitsShipped90: number;
  averageOnHand90: number;
  inStockWeighted: number;
  inStockWeight: number;
  inStockShareSum: number;
  inStockCount: number;
}

export interface Dragger {
  sku: string;
  value: number;
  units: number;
}

export interface FactorOverview {
  totals: FactorTotals;
  draggers: { excessPercent: Dragger[]; sellThrough: Dragger[]; strandedPercent: Dragger[]; inStockRate: Dragger[] };
}

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

const isWholeCatalogue = (scope: ProductScope) => scope.skus === undefined && scope.after === undefined && scope.through === undefined && scope.limit === undefined;

/**
 * Settings for the health statements, for the rest of the current transaction (no effect outside one):
 * no JIT — compiling a statement this size takes seconds, more than it ever saves — enough memory to
 * sort a page of SKUs without spilling to disk, and grouping by sorting: the ledger rows arrive ordered
 * by product, so grouping them costs a sort within each product, where the planner (which cannot
 * estimate the groups) would otherwise hash a million groups to disk and sort them all again.
 */
export async function useReportSettings(sql: Sql): Promise<void> {
  await sql.query(`SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true), set_config('enable_hashagg', 'off', true)`);
}

/**
 * The balance rows (SKU × location, alias i) of the products in `prod`, each looked up by primary key —
 * never a scan of the account's balances for one page.
 */
export const ITEMS_SQL = `SELECT i.* FROM prod CROSS JOIN LATERAL (
    SELECT b.product_id, b.location_id, b.on_hand, b.reserved, b.inbound, b.unfulfillable FROM stock_balances b
    WHERE b.product_id = prod.id AND b.account_id = $1 OFFSET 0
  ) i`;

/**
 * Movements of the products in `prod` (alias m: product_id, location_id, occurred_at, type and the
 * on-hand, reserved and inbound deltas) since `since` (SQL timestamptz): one range per SKU of
 * stock_movements_product_time, read from the index alone. `outer` replaces `prod` as the driving
 * list (alias prod, with an id) — ordered by id, the rows come out ordered by product and time.
 */
export function scopedMovementsSql(since: string, columns: string, outer = 'prod'): string {
  return `SELECT ${columns} FROM ${outer} CROSS JOIN LATERAL (
      SELECT x.product_id, x.location_id, x.occurred_at, x.type, x.on_hand_delta, x.reserved_delta, x.inbound_delta FROM stock_movements x
      WHERE x.account_id = $1 AND x.product_id = prod.id AND x.occurred_at >= ${since}
      OFFSET 0
    ) m`;
}

/**
 * The per-SKU CTEs. $1 = account, $2 = D ('YYYY-MM-DD'); `where` filters products (alias p).
 *
 * Days are numbered from D−90 (day 0) and each SKU's ledger days (all locations summed) are read once,
 * in order: with on hand now, Σ deltas of the window and the running Σ to each day, the level at the end
 * of day d is `now − total + running(d)`; it holds until the next day with movements. The last 30 days
 * [60, 90) are in stock where a level > 0 covers them, plus days with an arrival that started without
 * stock — the SQL twin of domain/health/factors.ts dailyInStock (checked against it by the tests).
 */
function factorCtes(scope: ProductScope, where: string): string {
  return `
  prod AS MATERIALIZED (
    SELECT p.id, p.sku, p.title, p.asin, p.fnsku, p.listing_status, p.replenishable, p.price, p.unit_cost, p.cubic_feet, p.size_tier
    FROM products p WHERE p.account_id = $1 ${where}
  ),
  bal AS MATERIALIZED (
    SELECT b.product_id, sum(b.on_hand)::int AS on_hand, sum(b.reserved)::int AS reserved, sum(b.inbound)::int AS inbound,
      sum(b.unfulfillable)::int AS unfulfillable
    FROM (${isWholeCatalogue(scope) ? 'SELECT * FROM stock_balances WHERE account_id = $1' : ITEMS_SQL}) b GROUP BY b.product_id
  ),
  -- Each SKU's ledger days, in order of SKU then day (the lookups run in product order and each product's
  -- rows come out in time order, so grouping and windows sort only within a product). Only the last 30
  -- days [60, 90) need their own row; the days before them and the days from D on are one row each.
  daily AS (
    SELECT mv.product_id, mv.on_hand_now, mv.day, sum(mv.on_hand_delta)::int AS delta, sum(GREATEST(mv.on_hand_delta, 0))::int AS arrived,
      sum(mv.inbound_delta)::int AS inbound_delta, sum(mv.reserved_delta)::int AS reserved_delta,
      sum(mv.shipped)::int AS shipped, sum(mv.shipped) FILTER (WHERE mv.d >= 30)::int AS shipped_from30,
      sum(mv.on_hand_delta * (90 - mv.d)) FILTER (WHERE mv.d < 90)::bigint AS weighted
    FROM (
      SELECT m.*, CASE WHEN m.d < 60 THEN -1 WHEN m.d >= 90 THEN 90 ELSE m.d END AS day
      FROM (${scopedMovementsSql(
        `(($2::date - 90)::timestamp AT TIME ZONE 'UTC')`,
        `prod.id AS product_id, prod.on_hand_now, ((m.occurred_at AT TIME ZONE 'UTC')::date - ($2::date - 90)) AS d, m.on_hand_delta, m.inbound_delta, m.reserved_delta,
          CASE WHEN m.type = 'shipment' THEN -m.on_hand_delta ELSE 0 END AS shipped`,
        // products (not the CTE) so that the planner knows the ids are distinct and sorts only within each
        `(SELECT p.id, (SELECT coalesce(sum(b.on_hand), 0) FROM stock_balances b WHERE b.account_id = $1 AND b.product_id = p.id)::int AS on_hand_now
          FROM products p WHERE p.account_id = $1 ${isWholeCatalogue(scope) ? '' : 'AND p.id IN (SELECT id FROM prod)'} ORDER BY p.id) prod`,
      )}) m
    ) mv
    GROUP BY mv.product_id, mv.on_hand_now, mv.day
  ),
  seq AS (
    SELECT d.*, d.on_hand_now - sum(d.delta) OVER whole + sum(d.delta) OVER upto AS level_end,
      lead(d.day) OVER upto AS next_day, min(d.day) OVER whole AS first_day
    FROM daily d
    WINDOW whole AS (PARTITION BY d.product_id), upto AS (PARTITION BY d.product_id ORDER BY d.day)
  ),
  agg AS (
    SELECT product_id,
      coalesce(sum(delta) FILTER (WHERE day >= 90), 0) AS after_delta,
      coalesce(sum(inbound_delta) FILTER (WHERE day >= 90), 0) AS after_inbound,
      coalesce(sum(reserved_delta) FILTER (WHERE day >= 90), 0) AS after_reserved,
      coalesce(sum(delta) FILTER (WHERE day < 90), 0) AS window_delta,
      coalesce(sum(weighted) FILTER (WHERE day < 90), 0)::bigint AS weighted_delta,
      coalesce(sum(shipped) FILTER (WHERE day >= 83 AND day < 90), 0) AS shipped7,
      coalesce(sum(shipped) FILTER (WHERE day >= 60 AND day < 90), 0) AS shipped30,
      coalesce(sum(shipped_from30) FILTER (WHERE day < 90), 0) AS shipped60,
      coalesce(sum(shipped) FILTER (WHERE day < 90), 0) AS shipped90,
      -- before the first day with movements: the opening level (that day's own start included)
      CASE WHEN min(level_end - delta) FILTER (WHERE day = first_day) > 0 THEN GREATEST(0, LEAST(min(first_day), 89) - 60 + 1) ELSE 0 END
      + coalesce(sum(GREATEST(0, LEAST(coalesce(next_day, 89), 89) - GREATEST(day + 1, 60) + 1)) FILTER (WHERE level_end > 0), 0)
      + count(*) FILTER (WHERE day >= 60 AND day < 90 AND arrived > 0 AND level_end - delta <= 0) AS in_stock_days30
    FROM seq GROUP BY product_id
  ),
  fc AS (
    SELECT prod.id AS product_id, f.daily
    FROM prod CROSS JOIN LATERAL (
      SELECT (SELECT avg(x) FROM unnest(f.mean[($2::date - f.as_of) + 1 : ($2::date - f.as_of) + 90]) AS x) AS daily
      FROM forecasts f
      WHERE f.account_id = $1 AND f.product_id = prod.id AND f.location_id IS NULL AND f.as_of <= $2::date
      ORDER BY f.as_of DESC, f.id DESC LIMIT 1
    ) f
  ),
  sku_factors AS MATERIALIZED (
    SELECT prod.*, GREATEST(v.on_hand_d, 0) AS on_hand, v.reserved_d, GREATEST(v.inbound_d, 0) AS inbound, v.unfulfillable_now,
      v.shipped7, v.shipped30, v.shipped60, v.shipped90,
      GREATEST(0, (v.on_hand_d - v.window_delta) + v.weighted_delta / 90.0) AS avg_on_hand90,
      v.in_stock_days30,
      CASE WHEN fc.daily IS NOT NULL THEN fc.daily ELSE v.shipped90 / 90.0 END AS daily_demand,
      CASE WHEN fc.daily IS NOT NULL THEN 'forecast' ELSE 'trailing-90-days' END AS demand_source
    FROM prod LEFT JOIN bal ON bal.product_id = prod.id LEFT JOIN agg ON agg.product_id = prod.id LEFT JOIN fc ON fc.product_id = prod.id
    CROSS JOIN LATERAL (SELECT
      coalesce(bal.on_hand, 0) - coalesce(agg.after_delta, 0) AS on_hand_d,
      coalesce(bal.reserved, 0) - coalesce(agg.after_reserved, 0) AS reserved_d,
      coalesce(bal.inbound, 0) - coalesce(agg.after_inbound, 0) AS inbound_d,
      coalesce(bal.unfulfillable, 0) AS unfulfillable_now,
      coalesce(agg.window_delta, 0) AS window_delta, coalesce(agg.weighted_delta, 0) AS weighted_delta,
      coalesce(agg.shipped7, 0) AS shipped7, coalesce(agg.shipped30, 0) AS shipped30,
      coalesce(agg.shipped60, 0) AS shipped60, coalesce(agg.shipped90, 0) AS shipped90,
      coalesce(agg.in_stock_days30, CASE WHEN coalesce(bal.on_hand, 0) > 0 THEN 30 ELSE 0 END) AS in_stock_days30
    ) v
  ),
  sku_excess AS (
    SELECT sf.*, LEAST(sf.on_hand, GREATEST(0, floor(sf.on_hand - 90 * sf.daily_demand)))::int AS excess_units
    FROM sku_factors sf
  )`;
}

interface FactorRowSql {
  id: number;
  sku: string;
  title: string;
  asin: string | null;
  fnsku: string | null;
  listing_status: 'active' | 'inactive' | 'error';
  replenishable: boolean;
  price: number | null;
  unit_cost: number | null;
  cubic_feet: number | null;
  size_tier: string | null;
  on_hand: number;
  reserved_d: number;
  inbound: number;
  unfulfillable_now: number;
  shipped7: number;
  shipped30: number;
  shipped60: number;
  shipped90: number;
  avg_on_hand90: number;
  in_stock_days30: number;
  daily_demand: number;
  demand_source: 'forecast' | 'trailing-90-days';
  excess_units: number;
}

const mapRow = (r: FactorRowSql): SkuFactorRow => ({
  productId: r.id,
  sku: r.sku,
  title: r.title,
  asin: r.asin,
  fnsku: r.fnsku,
  listingStatus: r.listing_status,
  replenishable: r.replenishable,
  price: r.price,
  unitCost: r.unit_cost,
  cubicFeet: r.cubic_feet,
  sizeTier: r.size_tier,
  onHand: r.on_hand,
  reserved: Math.max(0, r.reserved_d),
  inbound: r.inbound,
  unfulfillable: r.unfulfillable_now,
  unitsShipped7: r.shipped7,
  unitsShipped30: r.shipped30,
  unitsShipped60: r.shipped60,
  unitsShipped90: r.shipped90,
  averageOnHand90: r.avg_on_hand90,
  inStockDays30: Math.min(30, Math.max(0, r.in_stock_days30)),
  dailyDemand: Math.max(0, r.daily_demand),
  demandSource: r.demand_source,
  excessUnits: r.excess_units,
});

export const healthRepository = {
  /** One page of SKUs (by SKU: after `after`, through `through`, at most `limit`) or the listed SKUs, with their factor inputs on `asOf`. */
  async skuFactorsPage(sql: Sql, accountId: number, q: { asOf: string } & ProductScope): Promise<SkuFactorRow[]> {
    const params: unknown[] = [accountId, q.asOf];
    const scope: ProductScope = { after: q.after, through: q.through, limit: q.limit, skus: q.skus };
    const where = productScopeSql(params, scope);
    const rows = await sql.query<FactorRowSql>(`WITH ${factorCtes(scope, where)} SELECT * FROM sku_excess ORDER BY sku`, params);
    return rows.map(mapRow);
  },

  /**
   * Catalogue totals of the factor inputs and the SKUs dragging each factor down (top `top`), in one
   * statement: memory stays flat however large the catalogue.
   */
  async overview(sql: Sql, accountId: number, q: { asOf: string; top: number }): Promise<FactorOverview> {
    const [row] = await sql.query<{ totals_a: Record<string, unknown>; totals_b: Record<string, unknown>; excess: Dragger[] | null; sell: Dragger[] | null; stranded: Dragger[] | null; stock: Dragger[] | null }>(
      `WITH ${factorCtes({}, '')},
       rep AS (SELECT * FROM sku_excess WHERE replenishable)
       SELECT
         (SELECT json_build_object(
            'skus', count(*), 'totalUnits', coalesce(sum(on_hand), 0), 'excessUnits', coalesce(sum(excess_units), 0),
            'strandedUnits', coalesce(sum(on_hand) FILTER (WHERE listing_status <> 'active'), 0),
            'unitsShipped90', coalesce(sum(shipped90), 0), 'averageOnHand90', coalesce(sum(avg_on_hand90), 0))
          FROM sku_excess) AS totals_a,
         (SELECT json_build_object(
            'inStockWeighted', coalesce(sum(shipped60 * LEAST(30, GREATEST(0, in_stock_days30)) / 30.0), 0),
            'inStockWeight', coalesce(sum(shipped60), 0),
            'inStockShareSum', coalesce(sum(LEAST(30, GREATEST(0, in_stock_days30)) / 30.0), 0),
            'inStockCount', count(*))
          FROM rep) AS totals_b,
         (SELECT json_agg(x) FROM (SELECT sku, excess_units AS units, excess_units AS value FROM sku_excess WHERE excess_units > 0
            ORDER BY excess_units DESC, sku LIMIT $3) x) AS excess,
         (SELECT json_agg(x) FROM (SELECT sku, round(avg_on_hand90)::int AS units,
            CASE WHEN avg_on_hand90 > 0 THEN shipped90 / avg_on_hand90 ELSE 0 END AS value
            FROM sku_excess WHERE avg_on_hand90 > shipped90 ORDER BY avg_on_hand90 - shipped90 DESC, sku LIMIT $3) x) AS sell,
         (SELECT json_agg(x) FROM (SELECT sku, on_hand AS units, on_hand AS value FROM sku_excess
            WHERE listing_status <> 'active' AND on_hand > 0 ORDER BY on_hand DESC, sku LIMIT $3) x) AS stranded,
         (SELECT json_agg(x) FROM (SELECT sku, shipped60 AS units, LEAST(30, GREATEST(0, in_stock_days30)) / 30.0 AS value FROM rep
            WHERE in_stock_days30 < 30 ORDER BY shipped60 * (30 - in_stock_days30) DESC, sku LIMIT $3) x) AS stock`,
      [accountId, q.asOf, q.top],
    );
    const r = row!;
    const t = { ...r.totals_a, ...r.totals_b };
    const num = (k: string) => Number(t[k] ?? 0);
    return {
      totals: {
        skus: num('skus'),
        totalUnits: num('totalUnits'),
        excessUnits: num('excessUnits'),
        strandedUnits: num('strandedUnits'),
        unitsShipped90: num('unitsShipped90'),
        averageOnHand90: num('averageOnHand90'),
        inStockWeighted: num('inStockWeighted'),
        inStockWeight: num('inStockWeight'),
        inStockShareSum: num('inStockShareSum'),
        inStockCount: num('inStockCount'),
      },
      draggers: {
        excessPercent: (r.excess ?? []).map(numeric),
        sellThrough: (r.sell ?? []).map(numeric),
        strandedPercent: (r.stranded ?? []).map(numeric),
        inStockRate: (r.stock ?? []).map(numeric),
      },
    };
  },
};

export interface IpiSnapshotRecord {
  week: string;
  asOf: string;
  score: number;
  factors: Record<string, number | null>;
}

export interface AmazonScoreRecord {
  id: number;
  marketplace: string;
  asOf: string;
  score: number;
  note: string | null;
}

export const ipiHistoryRepository = {
  async upsertSnapshot(sql: Sql, accountId: number, s: IpiSnapshotRecord): Promise<void> {
    await sql.query(
      `INSERT INTO ipi_snapshots (account_id, week, as_of, score, factors) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (account_id, week) DO UPDATE SET as_of = EXCLUDED.as_of, score = EXCLUDED.score, factors = EXCLUDED.factors, computed_at = now()`,
      [accountId, s.week, s.asOf, s.score, JSON.stringify(s.factors)],
    );
  },

  async snapshots(sql: Sql, accountId: number, q: { since: string }): Promise<IpiSnapshotRecord[]> {
    const rows = await sql.query<{ week: string; as_of: string; score: number; factors: Record<string, number | null> }>(
      'SELECT week, as_of, score, factors FROM ipi_snapshots WHERE account_id = $1 AND week >= $2::date ORDER BY week',
      [accountId, q.since],
    );
    return rows.map((r) => ({ week: r.week, asOf: r.as_of, score: r.score, factors: r.factors }));
  },

  async addAmazonScore(sql: Sql, accountId: number, s: { marketplace: string; asOf: string; score: number; note: string | null; enteredBy: number }): Promise<AmazonScoreRecord> {
    const [row] = await sql.query<{ id: number; marketplace: string; as_of: string; score: number; note: string | null }>(
      `INSERT INTO amazon_ipi_scores (account_id, marketplace, as_of, score, note, entered_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (account_id, marketplace, as_of) DO UPDATE SET score = EXCLUDED.score, note = EXCLUDED.note, entered_by = EXCLUDED.entered_by
       RETURNING id, marketplace, as_of, score, note`,
      [accountId, s.marketplace, s.asOf, s.score, s.note, s.enteredBy],
    );
    return { id: row!.id, marketplace: row!.marketplace, asOf: row!.as_of, score: row!.score, note: row!.note };
  },

  async amazonScores(sql: Sql, accountId: number, q: { limit: number }): Promise<AmazonScoreRecord[]> {
    const rows = await sql.query<{ id: number; marketplace: string; as_of: string; score: number; note: string | null }>(
      'SELECT id, marketplace, as_of, score, note FROM amazon_ipi_scores WHERE account_id = $1 ORDER BY as_of DESC, id DESC LIMIT $2',
      [accountId, q.limit],
    );
    return rows.map((r) => ({ id: r.id, marketplace: r.marketplace, asOf: r.as_of, score: r.score, note: r.note }));
  },
};

const numeric = (d: Dragger): Dragger => ({ sku: d.sku, value: d.value, units: d.units });
