import type { LedgerDay } from '@stockwise/domain/forecasting/daily-history';
import { demandRepository } from '@stockwise/db/forecasting/demand.repository';
import type { Stockwise } from '../../src/stockwise';

/**
 * The ledger's days per SKU over [from, to), its Amazon locations summed (Amazon's scope, what the
 * health factors count; docs/formulas.md#amazons-scope), or every location with `allLocations`.
 */
export async function ledgerDaysBySku(
  sw: Stockwise,
  accountId: number,
  range: { from: string; to: string; allLocations?: boolean },
): Promise<Map<string, { opening: number; days: LedgerDay[] }>> {
  const amazon = new Set(
    (
      await sw.db.query<{ id: number }>(
        `SELECT id FROM locations WHERE account_id = $1 AND type = 'amazon_fba'`,
        [accountId],
      )
    ).map((l) => l.id),
  );
  const items = (await demandRepository.ledgerDays(sw.db, accountId, range)).filter(
    (item) => range.allLocations === true || amazon.has(item.locationId),
  );
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
