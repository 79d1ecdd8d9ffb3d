import {
  PRICE_RESPONSE_RULES,
  estimatePriceResponse,
  type PriceResponse,
} from '@stockwise/domain/forecasting/price-response';
import type { Sql } from '@stockwise/db/database';
import type { ProductRecord } from '@stockwise/db/catalog/products.repository';
import { excessRepository } from '@stockwise/db/reports/excess.repository';

/**
 * The price response of each of `of` (docs/forecasting.md, "Price response"): weekly selling prices
 * on the ledger's shipments over the weeks before `asOf`, pooled over the `catalogue`'s SKUs of the
 * same categories. The clearance advice and forecasts over planned price changes read it.
 */
export async function priceResponses(
  sql: Sql,
  accountId: number,
  a: { asOf: string; of: readonly ProductRecord[]; catalogue: readonly ProductRecord[] },
): Promise<Map<number, PriceResponse>> {
  if (a.of.length === 0) return new Map();
  const categories = new Set(a.of.map((p) => p.category));
  const pool = a.catalogue.filter((p) => categories.has(p.category));
  const prices = await excessRepository.weeklyPrices(sql, accountId, {
    asOf: a.asOf,
    weeks: PRICE_RESPONSE_RULES.weeks,
    productIds: pool.map((p) => p.id),
  });
  return estimatePriceResponse(
    pool.map((p) => ({ key: p.id, category: p.category, points: prices.get(p.id) ?? [] })),
  );
}
