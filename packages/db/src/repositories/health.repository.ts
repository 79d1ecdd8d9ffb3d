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

interface Scope {
  /** Products to include: the SQL of a subquery selecting `id` (with its own parameters already placed). */
  where: string;
}

/**
 * The per-SKU CTE. $1 = account, $2 = D ('YYYY-MM-DD'); `scope.where` filters products (alias p).
 */
function factorCtes(scope: Scope): string {
  return `
  prod AS MATERIALIZED (
    SELECT p.id, p.sku, p.title, p.asin, p.fnsku, p.listing_status, p.replenishable, p.price, p.unit_cost, p.cubic_feet, p.size_tier
    FROM products p WHERE p.account_id = $1 ${scope.where}
  ),
  bal AS (
    SELECT b.product_id, sum(b.on_hand)::int AS on_hand, sum(b.reserved)::int AS reserved, sum(b.inbound)::int AS inbound,
      sum(b.unfulfillable)::int AS unfulfillable
    FROM stock_balances b JOIN prod ON prod.id = b.product_id WHERE b.account_id = $1 GROUP BY b.product_id
  ),
  mv AS (
    SELECT m.product_id, ((m.occurred_at AT TIME ZONE 'UTC')::date - ($2::date - 90)) AS day, m.type, m.on_hand_delta,
      m.inbound_delta, m.reserved_delta
    FROM stock_movements m JOIN prod ON prod.id = m.product_id
    WHERE m.account_id = $1 AND m.occurred_at >= (($2::date - 90)::timestamp AT TIME ZONE 'UTC')
  ),
  daily AS (
    SELECT product_id, day, sum(on_hand_delta)::int AS delta, sum(GREATEST(on_hand_delta, 0))::int AS arrived,
      sum(inbound_delta)::int AS inbound_delta, sum(reserved_delta)::int AS reserved_delta,
      sum(CASE WHEN type = 'shipment' THEN -on_hand_delta ELSE 0 END)::int AS shipped
    FROM mv GROUP BY product_id, day
  ),
  agg AS (
    SELECT product_id,
      coalesce(sum(delta) FILTER (WHERE day >= 90), 0) AS after_delta,
      coalesce(sum(inbound_delta) FILTER (WHERE day >= 90), 0) AS after_inbound,
      coalesce(sum(reserved_delta) FILTER (WHERE day >= 90), 0) AS after_reserved,
      coalesce(sum(delta) FILTER (WHERE day < 90), 0) AS window_delta,
      coalesce(sum(delta * (90 - day)) FILTER (WHERE day < 90), 0) AS weighted_delta,
      coalesce(sum(delta) FILTER (WHERE day >= 60 AND day < 90), 0) AS last30_delta,
      coalesce(sum(shipped) FILTER (WHERE day >= 83 AND day < 90), 0) AS shipped7,
      coalesce(sum(shipped) FILTER (WHERE day >= 60 AND day < 90), 0) AS shipped30,
      coalesce(sum(shipped) FILTER (WHERE day >= 30 AND day < 90), 0) AS shipped60,
      coalesce(sum(shipped) FILTER (WHERE day < 90), 0) AS shipped90
    FROM daily GROUP BY product_id
  ),
  base AS (
    SELECT prod.*, coalesce(bal.on_hand, 0) - coalesce(agg.after_delta, 0) AS on_hand_d,
      coalesce(bal.reserved, 0) - coalesce(agg.after_reserved, 0) AS reserved_d,
      coalesce(bal.inbound, 0) - coalesce(agg.after_inbound, 0) AS inbound_d,
      coalesce(bal.unfulfillable, 0) AS unfulfillable_now,
      coalesce(agg.window_delta, 0) AS window_delta, coalesce(agg.weighted_delta, 0) AS weighted_delta,
      coalesce(agg.last30_delta, 0) AS last30_delta,
      coalesce(agg.shipped7, 0) AS shipped7, coalesce(agg.shipped30, 0) AS shipped30,
      coalesce(agg.shipped60, 0) AS shipped60, coalesce(agg.shipped90, 0) AS shipped90
    FROM prod LEFT JOIN bal ON bal.product_id = prod.id LEFT JOIN agg ON agg.product_id = prod.id
  ),
  last30 AS (
    SELECT d.product_id, d.day, d.arrived,
      b.on_hand_d - b.last30_delta + sum(d.delta) OVER w AS level_end,
      lead(d.day) OVER (PARTITION BY d.product_id ORDER BY d.day) AS next_day,
      b.on_hand_d - b.last30_delta + coalesce(sum(d.delta) OVER w, 0) - d.delta AS level_start
    FROM daily d JOIN base b ON b.id = d.product_id
    WHERE d.day >= 60 AND d.day < 90
    WINDOW w AS (PARTITION BY d.product_id ORDER BY d.day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
  ),
  stock30 AS (
    SELECT product_id, min(day) AS first_day,
      sum(CASE WHEN level_end > 0 THEN coalesce(next_day, 89) - day ELSE 0 END) AS segment_days,
      count(*) FILTER (WHERE level_start <= 0 AND arrived > 0) AS arrival_days
    FROM last30 GROUP BY product_id
  ),
  fc AS (
    SELECT DISTINCT ON (f.product_id) f.product_id,
      (SELECT avg(x) FROM unnest(f.mean[($2::date - f.as_of) + 1 : ($2::date - f.as_of) + 90]) AS x) AS daily
    FROM forecasts f JOIN prod ON prod.id = f.product_id
    WHERE f.account_id = $1 AND f.location_id IS NULL AND f.as_of <= $2::date
    ORDER BY f.product_id, f.as_of DESC, f.id DESC
  ),
  sku_factors AS MATERIALIZED (
    SELECT b.*, GREATEST(b.on_hand_d, 0) AS on_hand, GREATEST(b.inbound_d, 0) AS inbound,
      GREATEST(0, (b.on_hand_d - b.window_delta) + b.weighted_delta / 90.0) AS avg_on_hand90,
      CASE WHEN s.product_id IS NULL THEN (CASE WHEN b.on_hand_d - b.last30_delta > 0 THEN 30 ELSE 0 END)
        ELSE (CASE WHEN b.on_hand_d - b.last30_delta > 0 THEN s.first_day - 60 + 1 ELSE 0 END) + s.segment_days + s.arrival_days
      END AS in_stock_days30,
      CASE WHEN fc.daily IS NOT NULL THEN fc.daily ELSE b.shipped90 / 90.0 END AS daily_demand,
      CASE WHEN fc.daily IS NOT NULL THEN 'forecast' ELSE 'trailing-90-days' END AS demand_source
    FROM base b LEFT JOIN stock30 s ON s.product_id = b.id LEFT JOIN fc ON fc.product_id = b.id
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
  /** One page of SKUs (by SKU, after `after`) with their factor inputs on `asOf`. */
  async skuFactorsPage(sql: Sql, accountId: number, q: { asOf: string; after?: string | undefined; limit: number; skus?: readonly string[] | undefined }): Promise<SkuFactorRow[]> {
    const params: unknown[] = [accountId, q.asOf];
    let where = '';
    if (q.skus) {
      params.push(q.skus);
      where += ` AND p.sku = ANY($${params.length}::text[])`;
    }
    if (q.after !== undefined) {
      params.push(q.after);
      where += ` AND p.sku > $${params.length}`;
    }
    params.push(q.limit);
    where += ` ORDER BY p.sku LIMIT $${params.length}`;
    const rows = await sql.query<FactorRowSql>(`WITH ${factorCtes({ where })} SELECT * FROM sku_excess ORDER BY sku`, params);
    return rows.map(mapRow);
  },

  /**
   * Catalogue totals of the factor inputs and the SKUs dragging each factor down (top `top`), in one
   * statement: memory stays flat however large the catalogue.
   */
  async overview(sql: Sql, accountId: number, q: { asOf: string; top: number }): Promise<FactorOverview> {
    const [row] = await sql.query<{ totals_a: Record<string, unknown>; totals_b: Record<string, unknown>; excess: Dragger[] | null; sell: Dragger[] | null; stranded: Dragger[] | null; stock: Dragger[] | null }>(
      `WITH ${factorCtes({ where: '' })},
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
