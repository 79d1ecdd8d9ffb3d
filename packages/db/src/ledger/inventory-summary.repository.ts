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
  /** Cubic feet of the units on hand (products without dimensions count 0). */
  cubicFeet: number;
}

/**
 * The catalogue's SKU counts. Stock-outs are not counted here: they are the planning positions'
 * `out_of_stock` alert (docs/formulas.md), which the service reads from the position.
 */
export interface SkuCountsRecord {
  skus: number;
  replenishableSkus: number;
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
      cubic_feet: number;
    }>(
      `SELECT l.code, l.name, l.type, l.capacity_cubic_feet,
         count(b.product_id)::int AS skus,
         coalesce(sum(b.on_hand), 0)::bigint AS on_hand,
         coalesce(sum(b.reserved), 0)::bigint AS reserved,
         coalesce(sum(b.inbound), 0)::bigint AS inbound,
         coalesce(sum(b.unfulfillable), 0)::bigint AS unfulfillable,
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
      cubicFeet: r.cubic_feet,
    }));
  },

  /** How many products the catalogue has, and how many of them are replenishable. */
  async skuCounts(sql: Sql, accountId: number): Promise<SkuCountsRecord> {
    const [row] = await sql.query<{ skus: number; replenishable: number }>(
      `SELECT count(*)::int AS skus, (count(*) FILTER (WHERE replenishable))::int AS replenishable
       FROM products WHERE account_id = $1`,
      [accountId],
    );
    return { skus: row?.skus ?? 0, replenishableSkus: row?.replenishable ?? 0 };
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
    return sql.query<LayerAgeRecord>(
      `SELECT ${age('a.received_at')} AS "ageDays",
         CASE WHEN a.location_id IN (${amazon}) THEN ${age('a.arrived_at')} END AS "amazonAgeDays", p.currency,
         sum(a.quantity_remaining)::bigint AS units,
         coalesce(sum(coalesce(p.cubic_feet, 0) * a.quantity_remaining), 0)::float8 AS "cubicFeet",
         coalesce(sum(a.unit_cost * a.quantity_remaining), 0)::float8 AS value
       FROM age_layers a JOIN products p ON p.id = a.product_id
       WHERE a.account_id = $1 AND a.quantity_remaining > 0
       GROUP BY 1, 2, 3
       ORDER BY 1, 2, 3`,
      params,
    );
  },
};
