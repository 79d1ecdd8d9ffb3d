import type { Sql } from '../database';
import { amazonLocationsSql } from '../health/product-scope';

/** Stock per location, summed over its SKUs (every location of the account, stocked or not). */
export interface LocationTotalsRecord {
  code: string;
  name: string;
  type: string;
  capacityCubicFeet: Record<string, number>;
  skus: number;
  onHand: number;
  reserved: number;
  available: number;
  inbound: number;
  unfulfillable: number;
  /** Replenishable SKUs with nothing available at this location. */
  stockOuts: number;
  /** Cubic feet of the units on hand (products without dimensions count 0). */
  cubicFeet: number;
}

/** The catalogue's SKU counts and the first stocked-out SKUs (replenishable, nothing available anywhere). */
export interface SkuCountsRecord {
  skus: number;
  replenishableSkus: number;
  stockOutSkus: number;
  stockOutSample: string[];
}

/** Open layer units grouped by whole days of age (UTC days) and product currency. */
export interface LayerAgeRecord {
  /** The seller's age (days since receipt, kept through transfers). */
  ageDays: number;
  /** Amazon's age (days since arrival at Amazon) of layers at Amazon locations; null elsewhere. */
  amazonAgeDays: number | null;
  currency: string;
  units: number;
  cubicFeet: number;
  /** Σ unit cost × units for layers with a cost. */
  value: number;
}

/** The stock overview's totals: per location, per SKU and per layer age, each in one grouped query. */
export const inventorySummaryRepository = {
  /** Per-location totals in one grouped query, so the overview never pages through every balance. */
  async locationTotals(sql: Sql, accountId: number): Promise<LocationTotalsRecord[]> {
    const rows = await sql.query<{
      code: string;
      name: string;
      type: string;
      capacity_cubic_feet: Record<string, number>;
      skus: number;
      on_hand: number;
      reserved: number;
      inbound: number;
      unfulfillable: number;
      stock_outs: number;
      cubic_feet: number;
    }>(
      `SELECT l.code, l.name, l.type, l.capacity_cubic_feet,
         count(b.product_id)::int AS skus,
         coalesce(sum(b.on_hand), 0)::bigint AS on_hand,
         coalesce(sum(b.reserved), 0)::bigint AS reserved,
         coalesce(sum(b.inbound), 0)::bigint AS inbound,
         coalesce(sum(b.unfulfillable), 0)::bigint AS unfulfillable,
         (count(*) FILTER (WHERE p.replenishable AND b.on_hand - b.reserved <= 0))::int AS stock_outs,
         coalesce(sum(coalesce(p.cubic_feet, 0) * b.on_hand), 0)::float8 AS cubic_feet
       FROM locations l
       LEFT JOIN stock_balances b ON b.account_id = l.account_id AND b.location_id = l.id
       LEFT JOIN products p ON p.id = b.product_id
       WHERE l.account_id = $1
       GROUP BY l.id
       ORDER BY l.code COLLATE "C"`,
      [accountId],
    );
    return rows.map((r) => ({
      code: r.code,
      name: r.name,
      type: r.type,
      capacityCubicFeet: r.capacity_cubic_feet,
      skus: r.skus,
      onHand: r.on_hand,
      reserved: r.reserved,
      available: r.on_hand - r.reserved,
      inbound: r.inbound,
      unfulfillable: r.unfulfillable,
      stockOuts: r.stock_outs,
      cubicFeet: r.cubic_feet,
    }));
  },

  /** SKU counts, and the first `sampleSize` stocked-out SKUs in SKU order (byte order on both backends). */
  async skuCounts(sql: Sql, accountId: number, sampleSize: number): Promise<SkuCountsRecord> {
    // One pass over the catalogue: available per SKU is computed once and both counted and sampled.
    const [row] = await sql.query<{
      skus: number;
      replenishable: number;
      stock_outs: number;
      sample: string[] | null;
    }>(
      `WITH per_sku AS MATERIALIZED (
         SELECT p.sku, p.replenishable, coalesce(b.available, 0) AS available
         FROM products p
         LEFT JOIN (SELECT product_id, sum(on_hand - reserved) AS available FROM stock_balances
                    WHERE account_id = $1 GROUP BY product_id) b ON b.product_id = p.id
         WHERE p.account_id = $1)
       SELECT count(*)::int AS skus, (count(*) FILTER (WHERE replenishable))::int AS replenishable,
         (count(*) FILTER (WHERE replenishable AND available <= 0))::int AS stock_outs,
         ARRAY(SELECT sku FROM per_sku WHERE replenishable AND available <= 0 ORDER BY sku COLLATE "C" LIMIT $2) AS sample
       FROM per_sku`,
      [accountId, sampleSize],
    );
    return {
      skus: row?.skus ?? 0,
      replenishableSkus: row?.replenishable ?? 0,
      stockOutSkus: row?.stock_outs ?? 0,
      stockOutSample: row?.sample ?? [],
    };
  },

  /**
   * Open layers summed per whole UTC day of age on `asOfEpochDay` (the seller's, and Amazon's at Amazon
   * locations) and per currency: a few hundred rows however many SKUs there are; the caller buckets the ages.
   */
  async layerAges(sql: Sql, accountId: number, asOfEpochDay: number): Promise<LayerAgeRecord[]> {
    const params: unknown[] = [accountId, asOfEpochDay];
    const amazon = amazonLocationsSql(params);
    const age = (column: string) =>
      `greatest(0, $2::int - floor(extract(epoch FROM ${column}) / 86400)::int)`;
    const rows = await sql.query<{
      age_days: number;
      amazon_age_days: number | null;
      currency: string;
      units: number;
      cubic_feet: number;
      value: number;
    }>(
      `SELECT ${age('a.received_at')} AS age_days,
         CASE WHEN a.location_id IN (${amazon}) THEN ${age('a.arrived_at')} END AS amazon_age_days, p.currency,
         sum(a.quantity_remaining)::bigint AS units,
         coalesce(sum(coalesce(p.cubic_feet, 0) * a.quantity_remaining), 0)::float8 AS cubic_feet,
         coalesce(sum(a.unit_cost * a.quantity_remaining), 0)::float8 AS value
       FROM age_layers a JOIN products p ON p.id = a.product_id
       WHERE a.account_id = $1 AND a.quantity_remaining > 0
       GROUP BY 1, 2, 3
       ORDER BY 1, 2, 3`,
      params,
    );
    return rows.map((r) => ({
      ageDays: r.age_days,
      amazonAgeDays: r.amazon_age_days,
      currency: r.currency,
      units: r.units,
      cubicFeet: r.cubic_feet,
      value: r.value,
    }));
  },
};
