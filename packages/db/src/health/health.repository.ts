import type { FactorSums } from '@stockwise/domain/health/factors';
import type { Sql } from '../database';
import type { FactorRowSql, SkuFactorRow } from './factor-inputs';
import { factorCtes, factorRules, mapFactorRow } from './factor-inputs';
import type { ProductScope } from './product-scope';
import { locationScopeSql, productScopeSql } from './product-scope';

/** The catalogue's factor sums (domain/health/factors.ts) and how many SKUs they cover. */
export interface FactorTotals extends FactorSums {
  skus: number;
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

export const healthRepository = {
  /**
   * One page of SKUs (by SKU: after `after`, through `through`, at most `limit`) or the listed SKUs, with
   * their factor inputs on `asOf` at `locationIds` (Amazon's locations by default).
   */
  async skuFactorsPage(
    sql: Sql,
    accountId: number,
    q: { asOf: string; locationIds?: readonly number[] | undefined } & ProductScope,
  ): Promise<SkuFactorRow[]> {
    const params: unknown[] = [accountId, q.asOf];
    const scope: ProductScope = { after: q.after, through: q.through, limit: q.limit, skus: q.skus };
    const where = productScopeSql(params, scope);
    const locations = locationScopeSql(params, q.locationIds);
    const rows = await sql.query<FactorRowSql>(
      `WITH ${factorCtes(params, scope, where, { locations })} SELECT * FROM sku_excess ORDER BY sku`,
      params,
    );
    return rows.map(mapFactorRow);
  },

  /**
   * Catalogue totals of the factor inputs and the SKUs dragging each factor down (top `top`), in one
   * statement: memory stays flat however large the catalogue.
   */
  async overview(sql: Sql, accountId: number, q: { asOf: string; top: number }): Promise<FactorOverview> {
    const params: unknown[] = [accountId, q.asOf, q.top];
    const rules = factorRules(params);
    const days = rules.inStock;
    const [row] = await sql.query<{
      totals_a: Record<string, unknown>;
      totals_b: Record<string, unknown>;
      excess: Dragger[] | null;
      sell: Dragger[] | null;
      stranded: Dragger[] | null;
      stock: Dragger[] | null;
    }>(
      `WITH ${factorCtes(params, {}, '', { rules })},
       rep AS (SELECT * FROM sku_excess WHERE replenishable)
       SELECT
         (SELECT json_build_object(
            'skus', count(*), 'totalUnits', coalesce(sum(on_hand), 0), 'excessUnits', coalesce(sum(excess_units), 0),
            'strandedUnits', coalesce(sum(on_hand) FILTER (WHERE listing_status <> 'active'), 0),
            'unitsShipped90', coalesce(sum(shipped90), 0), 'averageOnHand90', coalesce(sum(avg_on_hand90), 0))
          FROM sku_excess) AS totals_a,
         (SELECT json_build_object(
            'inStockWeighted', coalesce(sum(shipped60 * LEAST(${days}, GREATEST(0, in_stock_days30)) / ${days}::numeric), 0),
            'inStockWeight', coalesce(sum(shipped60), 0),
            'inStockShareSum', coalesce(sum(LEAST(${days}, GREATEST(0, in_stock_days30)) / ${days}::numeric), 0),
            'inStockCount', count(*))
          FROM rep) AS totals_b,
         (SELECT json_agg(x) FROM (SELECT sku, excess_units AS units, excess_units AS value FROM sku_excess WHERE excess_units > 0
            ORDER BY excess_units DESC, sku LIMIT $3) x) AS excess,
         (SELECT json_agg(x) FROM (SELECT sku, round(avg_on_hand90)::int AS units,
            CASE WHEN avg_on_hand90 > 0 THEN shipped90 / avg_on_hand90 ELSE 0 END AS value
            FROM sku_excess WHERE avg_on_hand90 > shipped90 ORDER BY avg_on_hand90 - shipped90 DESC, sku LIMIT $3) x) AS sell,
         (SELECT json_agg(x) FROM (SELECT sku, on_hand AS units, on_hand AS value FROM sku_excess
            WHERE listing_status <> 'active' AND on_hand > 0 ORDER BY on_hand DESC, sku LIMIT $3) x) AS stranded,
         (SELECT json_agg(x) FROM (SELECT sku, shipped60 AS units, LEAST(${days}, GREATEST(0, in_stock_days30)) / ${days}::numeric AS value FROM rep
            WHERE in_stock_days30 < ${days} ORDER BY shipped60 * (${days} - in_stock_days30) DESC, sku LIMIT $3) x) AS stock`,
      params,
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

const numeric = (d: Dragger): Dragger => ({ sku: d.sku, value: d.value, units: d.units });
