import { arrivedUnitsSql } from '../ledger/movement-sql';
import {
  DEMAND_WINDOW_DAYS,
  EXCESS_DAYS_OF_SUPPLY,
  IN_STOCK_DAYS,
  IN_STOCK_WEIGHT_DAYS,
  SELL_THROUGH_DAYS,
  SHIPPED_LAST_WEEK_DAYS,
} from '@stockwise/domain/health/factors';
import type { ProductScope } from './product-scope';
import {
  SCOPED_BALANCES_SQL,
  amazonLocationsSql,
  isWholeCatalogue,
  movementRangesSql,
} from './product-scope';

/**
 * Per-SKU inputs of the inventory-health factors on a date D, aggregated in SQL from balances and the
 * last 90 days of the ledger (set-based: one statement for the whole catalogue or one page of it), at
 * Amazon's locations only by default (docs/formulas.md#amazons-scope) or at the locations asked for.
 *
 * - on hand / inbound at D = balance now − movements on or after D
 * - average on hand over [D−90, D) = opening + Σ delta × (90 − day) ÷ 90 (day = index in the window)
 * - in-stock days over [D−30, D): days that started with stock on hand or received units (the SQL
 *   twin of domain/health/factors.ts dailyInStock, checked against it by the integration tests)
 * - daily demand: units shipped in the 90 days before D ÷ 90, for every D (DEMAND_WINDOW_DAYS,
 *   domain/health/factors.ts trailingDailyDemand; docs/decisions.md, decision 17)
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
  /** Always the trailing 90 days (one definition for every date). */
  demandSource: 'trailing-90-days';
  excessUnits: number;
}

/** A placeholder per factor rule (the domain's windows and thresholds, in days), pushed onto `params`. */
export function factorRules(params: unknown[]) {
  const rule = (days: number) => {
    params.push(days);
    return `$${String(params.length)}::int`;
  };
  return {
    window: rule(SELL_THROUGH_DAYS),
    inStock: rule(IN_STOCK_DAYS),
    weight: rule(IN_STOCK_WEIGHT_DAYS),
    week: rule(SHIPPED_LAST_WEEK_DAYS),
    demand: rule(DEMAND_WINDOW_DAYS),
    excess: rule(EXCESS_DAYS_OF_SUPPLY),
  };
}

export type FactorRules = ReturnType<typeof factorRules>;

/**
 * The per-SKU CTEs. $1 = account, $2 = D ('YYYY-MM-DD'); `where` filters products (alias p); the
 * windows and thresholds are the domain's (domain/health/factors.ts), pushed onto `params`.
 * Below, 90, 60, 30 and 7 days stand for the sell-through, in-stock weight, in-stock and last-week windows.
 *
 * Days are numbered from D−90 (day 0); each SKU's movements since then (at the scope's locations) are read once —
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
export function factorCtes(
  params: unknown[],
  scope: ProductScope,
  where: string,
  options: { rules?: FactorRules; locations?: string } = {},
): string {
  const rules = options.rules ?? factorRules(params);
  const { window: w, inStock: s, weight: g, week: k, demand: dw, excess: e } = rules;
  const locations = options.locations ?? amazonLocationsSql(params);
  const day = (column: string) => `((${column} AT TIME ZONE 'UTC')::date - ($2::date - ${w}))`;
  const since = (days: string) => `(($2::date - ${days})::timestamp AT TIME ZONE 'UTC')`;
  return `
  loc AS MATERIALIZED (SELECT x.id FROM (${locations}) AS x(id)),
  prod AS MATERIALIZED (
    SELECT p.id, p.sku, p.title, p.asin, p.fnsku, p.listing_status, p.replenishable, p.price, p.unit_cost, p.cubic_feet, p.size_tier
    FROM products p WHERE p.account_id = $1 ${where}
  ),
  bal AS MATERIALIZED (
    SELECT b.product_id, sum(b.on_hand)::int AS on_hand, sum(b.reserved)::int AS reserved, sum(b.inbound)::int AS inbound,
      sum(b.unfulfillable)::int AS unfulfillable
    FROM (${isWholeCatalogue(scope) ? 'SELECT * FROM stock_balances WHERE account_id = $1' : SCOPED_BALANCES_SQL}) b
    WHERE b.location_id IN (SELECT id FROM loc) GROUP BY b.product_id
  ),
  mv AS MATERIALIZED (
    SELECT m.product_id,
      sum(m.on_hand_delta) FILTER (WHERE m.d >= ${w}) AS after_delta,
      sum(m.inbound_delta) FILTER (WHERE m.d >= ${w}) AS after_inbound,
      sum(m.reserved_delta) FILTER (WHERE m.d >= ${w}) AS after_reserved,
      sum(m.on_hand_delta) FILTER (WHERE m.d < ${w}) AS window_delta,
      sum(m.on_hand_delta * (${w} - m.d)) FILTER (WHERE m.d < ${w}) AS weighted_delta,
      sum(-m.on_hand_delta) FILTER (WHERE m.shipment AND m.d >= ${w} - ${k} AND m.d < ${w}) AS shipped7,
      sum(-m.on_hand_delta) FILTER (WHERE m.shipment AND m.d >= ${w} - ${s} AND m.d < ${w}) AS shipped30,
      sum(-m.on_hand_delta) FILTER (WHERE m.shipment AND m.d >= ${w} - ${g} AND m.d < ${w}) AS shipped60,
      sum(-m.on_hand_delta) FILTER (WHERE m.shipment AND m.d < ${w}) AS shipped90,
      count(*) FILTER (WHERE m.d >= ${w} - ${s} AND m.d < ${w}) AS moves30,
      sum(m.on_hand_delta) FILTER (WHERE m.d >= ${w} - ${s} AND m.d < ${w}) AS delta30,
      sum(-m.on_hand_delta) FILTER (WHERE m.d >= ${w} - ${s} AND m.d < ${w} AND m.on_hand_delta < 0) AS out30
    FROM (${
      isWholeCatalogue(scope)
        ? // the whole catalogue: the window's movements in one range of stock_movements_time (index only, by time)
          `SELECT x.product_id, ${day('x.occurred_at')} AS d, x.type = 'shipment' AS shipment,
             x.on_hand_delta, x.inbound_delta, x.reserved_delta
           FROM stock_movements x WHERE x.account_id = $1 AND x.occurred_at >= ${since(w)}
             AND x.location_id IN (SELECT id FROM loc) OFFSET 0`
        : movementRangesSql(
            `prod.id AS product_id, ${day('m.occurred_at')} AS d, m.type = 'shipment' AS shipment,
              m.on_hand_delta, m.inbound_delta, m.reserved_delta`,
            {
              since: since(w),
              locations: 'SELECT id FROM loc',
              // products (not the CTE), in id order: the planner knows the rows come out grouped by product
              outer:
                '(SELECT p.id FROM products p WHERE p.account_id = $1 AND p.id IN (SELECT id FROM prod) ORDER BY p.id) prod',
            },
          ) + ' OFFSET 0'
    }) m -- (OFFSET 0: each movement's day computed once, not once per aggregate that reads it)
    GROUP BY m.product_id
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
    SELECT m.product_id, m.opening30, m.d AS day, sum(m.on_hand_delta) AS delta, sum(m.arrived) AS arrived
    FROM (${movementRangesSql(
      `prod.id AS product_id, prod.opening30, ${day('m.occurred_at')} AS d, m.on_hand_delta, ${arrivedUnitsSql('m')} AS arrived`,
      {
        outer: `(SELECT b.id, b.opening30 FROM base b WHERE b.moves30 > 0 AND b.opening30 - b.out30 <= 0 ORDER BY b.id) prod`,
        since: since(s),
        until: `($2::date::timestamp AT TIME ZONE 'UTC')`,
        locations: 'SELECT id FROM loc',
      },
    )} OFFSET 0) m
    GROUP BY m.product_id, m.opening30, m.d
  ),
  -- Per day with movements: the day itself is in stock if it started with units or units arrived; the
  -- days up to the next day with movements (or D) if the level after it is positive; the days before the
  -- first one if the opening level is.
  short_in_stock AS (
    SELECT t.product_id,
      sum(CASE WHEN t.level_before > 0 OR t.arrived > 0 THEN 1 ELSE 0 END
        + CASE WHEN t.level_after > 0 THEN coalesce(t.next_day, ${w}) - t.day - 1 ELSE 0 END)
      + CASE WHEN min(t.opening30) > 0 THEN min(t.day) - (${w} - ${s}) ELSE 0 END AS days
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
      GREATEST(0, (b.on_hand_d - b.window_delta) + b.weighted_delta / ${w}::numeric) AS avg_on_hand90,
      CASE WHEN b.moves30 = 0 THEN CASE WHEN b.opening30 > 0 THEN ${s} ELSE 0 END
        WHEN b.opening30 - b.out30 > 0 THEN ${s}
        ELSE coalesce(si.days, 0) END AS in_stock_days30,
      -- float8 as in the domain twin (trailingDailyDemand, excessUnits): the same rounding, the same floor
      b.shipped90::float8 / ${dw} AS daily_demand
    FROM base b LEFT JOIN short_in_stock si ON si.product_id = b.id
  ),
  sku_excess AS (
    SELECT sf.*, LEAST(sf.on_hand, GREATEST(0, floor(sf.on_hand - ${e} * sf.daily_demand)))::int AS excess_units
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
  inStockDays30: Math.min(IN_STOCK_DAYS, Math.max(0, r.in_stock_days30)),
  dailyDemand: Math.max(0, r.daily_demand),
  demandSource: 'trailing-90-days',
  excessUnits: r.excess_units,
});
