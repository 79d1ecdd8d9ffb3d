import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import type { Actor } from '../../src/accounts/actor';
import { loadDemoSeller } from '../../src/demo/load-demo';
import { todayUtc } from '../../src/forecasting/forecast.service';
import { useStockwiseWith, type Backend } from './backends';

/**
 * A fresh Stockwise on `backend` with the demo seller (`skuCount` SKUs) loaded as of yesterday, UTC, for the
 * suites that read its history: `const demo = useDemoSeller(backend, 14); … demo.app, demo.token, demo.actor`.
 */
export function useDemoSeller(backend: Backend, skuCount: number) {
  return useStockwiseWith(
    backend,
    ['token', 'actor'],
    async ({ sw }): Promise<{ token: string; actor: Actor }> => {
      const demo = await loadDemoSeller(sw, { skuCount, asOf: isoDate(parseIsoDate(todayUtc()) - 1) });
      const { token } = await sw.auth.createTokenForEmail(demo.email, 'test');
      return { token, actor: await sw.auth.ownerOf(demo.accountName) };
    },
    180_000,
  );
}

export type DemoSeller = ReturnType<typeof useDemoSeller>;

/** The demo seller's first `limit` products, in SKU order. */
export async function demoProducts(seller: DemoSeller, limit = 100) {
  const page = await seller.sw.catalog.listProducts(seller.actor, { limit, sort: 'sku', order: 'asc' });
  return page.items;
}
