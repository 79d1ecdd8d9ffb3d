import type { LedgerDay } from '@stockwise/domain/forecasting/daily-history';
import { demandRepository } from '@stockwise/db/forecasting/demand.repository';
import type { Stockwise } from '../../src/stockwise';

/** The ledger's days per SKU over [from, to), locations summed: what the domain's health factors take. */
export async function ledgerDaysBySku(
  sw: Stockwise,
  accountId: number,
  range: { from: string; to: string },
): Promise<Map<string, { opening: number; days: LedgerDay[] }>> {
  const items = await demandRepository.ledgerDays(sw.db, accountId, range);
  const products = await sw.db.query<{ id: number; sku: string }>(
    'SELECT id, sku FROM products WHERE account_id = $1',
    [accountId],
  );
  const skuOf = new Map(products.map((p) => [p.id, p.sku]));
  const perSku = new Map<string, { opening: number; days: LedgerDay[] }>();
  for (const item of items) {
    const sku = skuOf.get(item.productId)!;
    const e = perSku.get(sku) ?? { opening: 0, days: [] };
    e.opening += item.openingOnHand;
    e.days.push(...item.days);
    perSku.set(sku, e);
  }
  return perSku;
}
