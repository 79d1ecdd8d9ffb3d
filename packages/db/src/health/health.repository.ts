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
  draggers: {
    excessPercent: Dragger[];
    sellThrough: Dragger[];
    strandedPercent: Dragger[];
    inStockRate: Dragger[];
  };
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

const isWholeCatalogue = (scope: ProductScope) =>
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
 * Movements of the products in `outer` (a list aliased prod, with an id, ordered by id) from `since` up
 * to `until` (SQL timestamptz, or null for no end): one range of stock_movements_product_time per SKU,
 * read from the index alone. The rows come out ordered by product, so grouping by product needs no sort.
 */
function movementRangesSql(columns: string, outer: string, since: string, until: string | null): string {
  return `SELECT ${columns} FROM ${outer} CROSS JOIN LATERAL (
      SELECT x.occurred_at, x.type, x.on_hand_delta, x.reserved_delta, x.inbound_delta FROM stock_movements x
      WHERE x.account_id = $1 AND x.product_id = prod.id AND x.occurred_at >= ${since} ${until === null ? '' : `AND x.occurred_at < ${until}`}
      OFFSET 0
    ) m`;
}

/**
 * The per-SKU CTEs. $1 = account, $2 = D ('YYYY-MM-DD'); `where` filters products (alias p).
 *
 * Days are numbered from D−90 (day 0); each SKU's movements since then (all locations) are read once —
 * for the whole catalogue as one time range of stock_movements_time (a contiguous slice of the index, where
 * 100,000 per-SKU ranges would touch most of stock_movements_product_time), for a page or a list of SKUs
 * one range per SKU — and folded into one row of sums per SKU: movements on or after D (to go back from today's balance to D),
 * the window's Σ delta and Σ delta × (90 − day) (average on hand), units shipped over 7/30/60/90 days,
 * and over the last 30 days [60, 90) Σ delta and the units that left.
 *
 * In-stock days over [60, 90), the SQL twin of domain/health/factors.ts dailyInStock (a day is in stock
 * when it started with units on hand or units arrived during it; checked against it by the tests):
 * - no movement in those 30 days: 30 if the opening level is positive, else 0;
 * - opening level > units that left: the level never reached 0, so 30 (most SKUs, no per-day work);
 * - otherwise (the SKUs that may have run out) the days are rebuilt from that SKU's last 30 days only.
 */
export function factorCtes(scope: ProductScope, where: string): string {
  const window = `(($2::date - 90)::timestamp AT TIME ZONE 'UTC')`;
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
  mv AS MATERIALIZED (
    SELECT m.product_id,
      sum(m.on_hand_delta) FILTER (WHERE m.d >= 90) AS after_delta,
      sum(m.inbound_delta) FILTER (WHERE m.d >= 90) AS after_inbound,
      sum(m.reserved_delta) FILTER (WHERE m.d >= 90) AS after_reserved,
      sum(m.on_hand_delta) FILTER (WHERE m.d < 90) AS window_delta,
      sum(m.on_hand_delta * (90 - m.d)) FILTER (WHERE m.d < 90) AS weighted_delta,
      sum(-m.on_hand_delta) FILTER (WHERE m.shipment AND m.d >= 83 AND m.d < 90) AS shipped7,
      sum(-m.on_hand_delta) FILTER (WHERE m.shipment AND m.d >= 60 AND m.d < 90) AS shipped30,
      sum(-m.on_hand_delta) FILTER (WHERE m.shipment AND m.d >= 30 AND m.d < 90) AS shipped60,
      sum(-m.on_hand_delta) FILTER (WHERE m.shipment AND m.d < 90) AS shipped90,
      count(*) FILTER (WHERE m.d >= 60 AND m.d < 90) AS moves30,
      sum(m.on_hand_delta) FILTER (WHERE m.d >= 60 AND m.d < 90) AS delta30,
      sum(-m.on_hand_delta) FILTER (WHERE m.d >= 60 AND m.d < 90 AND m.on_hand_delta < 0) AS out30
    FROM (${
      isWholeCatalogue(scope)
        ? // the whole catalogue: the window's movements in one range of stock_movements_time (index only, by time)
          `SELECT x.product_id, ((x.occurred_at AT TIME ZONE 'UTC')::date - ($2::date - 90)) AS d, x.type = 'shipment' AS shipment,
             x.on_hand_delta, x.inbound_delta, x.reserved_delta
           FROM stock_movements x WHERE x.account_id = $1 AND x.occurred_at >= ${window} OFFSET 0`
        : movementRangesSql(
            `prod.id AS product_id, ((m.occurred_at AT TIME ZONE 'UTC')::date - ($2::date - 90)) AS d, m.type = 'shipment' AS shipment,
              m.on_hand_delta, m.inbound_delta, m.reserved_delta`,
            // products (not the CTE), in id order: the planner knows the rows come out grouped by product
            '(SELECT p.id FROM products p WHERE p.account_id = $1 AND p.id IN (SELECT id FROM prod) ORDER BY p.id) prod',
            window,
            null,
          ) + ' OFFSET 0'
    }) m -- (OFFSET 0: each movement's day computed once, not once per aggregate that reads it)
    GROUP BY m.product_id
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
  base AS MATERIALIZED (
    SELECT prod.*, v.*
    FROM prod LEFT JOIN bal ON bal.product_id = prod.id LEFT JOIN mv ON mv.product_id = prod.id
    CROSS JOIN LATERAL (SELECT
      coalesce(bal.on_hand, 0) - coalesce(mv.after_delta, 0) AS on_hand_d,
      coalesce(bal.reserved, 0) - coalesce(mv.after_reserved, 0) AS reserved_d,
      coalesce(bal.inbound, 0) - coalesce(mv.after_inbound, 0) AS inbound_d,
      coalesce(bal.unfulfillable, 0) AS unfulfillable_now,
      coalesce(mv.window_delta, 0) AS window_delta, coalesce(mv.weighted_delta, 0) AS weighted_delta,
      coalesce(mv.shipped7, 0) AS shipped7, coalesce(mv.shipped30, 0) AS shipped30,
      coalesce(mv.shipped60, 0) AS shipped60, coalesce(mv.shipped90, 0) AS shipped90,
      coalesce(mv.moves30, 0) AS moves30, coalesce(mv.out30, 0) AS out30,
      coalesce(bal.on_hand, 0) - coalesce(mv.after_delta, 0) - coalesce(mv.delta30, 0) AS opening30
    ) v
  ),
  -- The SKUs that may have run out in the last 30 days, their movements of those days one row per day.
  short_days AS (
    SELECT m.product_id, m.opening30, m.d AS day, sum(m.on_hand_delta) AS delta, sum(GREATEST(m.on_hand_delta, 0)) AS arrived
    FROM (${movementRangesSql(
      `prod.id AS product_id, prod.opening30, ((m.occurred_at AT TIME ZONE 'UTC')::date - ($2::date - 90)) AS d, m.on_hand_delta`,
      `(SELECT b.id, b.opening30 FROM base b WHERE b.moves30 > 0 AND b.opening30 - b.out30 <= 0 ORDER BY b.id) prod`,
      `(($2::date - 30)::timestamp AT TIME ZONE 'UTC')`,
      `($2::date::timestamp AT TIME ZONE 'UTC')`,
    )} OFFSET 0) m
    GROUP BY m.product_id, m.opening30, m.d
  ),
  -- Per day with movements: the day itself is in stock if it started with units or units arrived; the
  -- days up to the next day with movements (or D) if the level after it is positive; the days before the
  -- first one if the opening level is.
  short_in_stock AS (
    SELECT t.product_id,
      sum(CASE WHEN t.level_before > 0 OR t.arrived > 0 THEN 1 ELSE 0 END
        + CASE WHEN t.level_after > 0 THEN coalesce(t.next_day, 90) - t.day - 1 ELSE 0 END)
      + CASE WHEN min(t.opening30) > 0 THEN min(t.day) - 60 ELSE 0 END AS days
    FROM (
      SELECT s.product_id, s.opening30, s.day, s.arrived, s.opening30 + sum(s.delta) OVER w - s.delta AS level_before,
        s.opening30 + sum(s.delta) OVER w AS level_after, lead(s.day) OVER w AS next_day
      FROM short_days s WINDOW w AS (PARTITION BY s.product_id ORDER BY s.day)
    ) t
    GROUP BY t.product_id
  ),
  sku_factors AS MATERIALIZED (
    SELECT b.id, b.sku, b.title, b.asin, b.fnsku, b.listing_status, b.replenishable, b.price, b.unit_cost, b.cubic_feet, b.size_tier,
      GREATEST(b.on_hand_d, 0) AS on_hand, b.reserved_d, GREATEST(b.inbound_d, 0) AS inbound, b.unfulfillable_now,
      b.shipped7, b.shipped30, b.shipped60, b.shipped90,
      GREATEST(0, (b.on_hand_d - b.window_delta) + b.weighted_delta / 90.0) AS avg_on_hand90,
      CASE WHEN b.moves30 = 0 THEN CASE WHEN b.opening30 > 0 THEN 30 ELSE 0 END
        WHEN b.opening30 - b.out30 > 0 THEN 30
        ELSE coalesce(si.days, 0) END AS in_stock_days30,
      CASE WHEN fc.daily IS NOT NULL THEN fc.daily ELSE b.shipped90 / 90.0 END AS daily_demand,
      CASE WHEN fc.daily IS NOT NULL THEN 'forecast' ELSE 'trailing-90-days' END AS demand_source
    FROM base b LEFT JOIN fc ON fc.product_id = b.id LEFT JOIN short_in_stock si ON si.product_id = b.id
  ),
  sku_excess AS (
    SELECT sf.*, LEAST(sf.on_hand, GREATEST(0, floor(sf.on_hand - 90 * sf.daily_demand)))::int AS excess_units
    FROM sku_factors sf
  )`;
}

export interface FactorRowSql {
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

export const mapFactorRow = (r: FactorRowSql): SkuFactorRow => ({
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
  async skuFactorsPage(
    sql: Sql,
    accountId: number,
    q: { asOf: string } & ProductScope,
  ): Promise<SkuFactorRow[]> {
    const params: unknown[] = [accountId, q.asOf];
    const scope: ProductScope = { after: q.after, through: q.through, limit: q.limit, skus: q.skus };
    const where = productScopeSql(params, scope);
    const rows = await sql.query<FactorRowSql>(
      `WITH ${factorCtes(scope, where)} SELECT * FROM sku_excess ORDER BY sku`,
      params,
    );
    return rows.map(mapFactorRow);
  },

  /**
   * Catalogue totals of the factor inputs and the SKUs dragging each factor down (top `top`), in one
   * statement: memory stays flat however large the catalogue.
   */
  async overview(sql: Sql, accountId: number, q: { asOf: string; top: number }): Promise<FactorOverview> {
    const [row] = await sql.query<{
      totals_a: Record<string, unknown>;
      totals_b: Record<string, unknown>;
      excess: Dragger[] | null;
      sell: Dragger[] | null;
      stranded: Dragger[] | null;
      stock: Dragger[] | null;
    }>(
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
    const rows = await sql.query<{
      week: string;
      as_of: string;
      score: number;
      factors: Record<string, number | null>;
    }>(
      'SELECT week, as_of, score, factors FROM ipi_snapshots WHERE account_id = $1 AND week >= $2::date ORDER BY week',
      [accountId, q.since],
    );
    return rows.map((r) => ({ week: r.week, asOf: r.as_of, score: r.score, factors: r.factors }));
  },

  async addAmazonScore(
    sql: Sql,
    accountId: number,
    s: { marketplace: string; asOf: string; score: number; note: string | null; enteredBy: number },
  ): Promise<AmazonScoreRecord> {
    const [row] = await sql.query<{
      id: number;
      marketplace: string;
      as_of: string;
      score: number;
      note: string | null;
    }>(
      `INSERT INTO amazon_ipi_scores (account_id, marketplace, as_of, score, note, entered_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (account_id, marketplace, as_of) DO UPDATE SET score = EXCLUDED.score, note = EXCLUDED.note, entered_by = EXCLUDED.entered_by
       RETURNING id, marketplace, as_of, score, note`,
      [accountId, s.marketplace, s.asOf, s.score, s.note, s.enteredBy],
    );
    return {
      id: row!.id,
      marketplace: row!.marketplace,
      asOf: row!.as_of,
      score: row!.score,
      note: row!.note,
    };
  },

  async amazonScores(sql: Sql, accountId: number, q: { limit: number }): Promise<AmazonScoreRecord[]> {
    const rows = await sql.query<{
      id: number;
      marketplace: string;
      as_of: string;
      score: number;
      note: string | null;
    }>(
      'SELECT id, marketplace, as_of, score, note FROM amazon_ipi_scores WHERE account_id = $1 ORDER BY as_of DESC, id DESC LIMIT $2',
      [accountId, q.limit],
    );
    return rows.map((r) => ({
      id: r.id,
      marketplace: r.marketplace,
      asOf: r.as_of,
      score: r.score,
      note: r.note,
    }));
  },
};

const numeric = (d: Dragger): Dragger => ({ sku: d.sku, value: d.value, units: d.units });
