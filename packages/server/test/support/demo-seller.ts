import { beforeAll } from 'vitest';
import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import type { Actor } from '../../src/accounts/actor';
import { loadDemoSeller } from '../../src/demo/load-demo';
import { todayUtc } from '../../src/forecasting/forecast.service';
import type { createApp } from '../../src/http/app';
import type { Stockwise } from '../../src/stockwise';
import type { Backend } from './backends';
import { useStockwise } from './backends';

/**
 * A fresh Stockwise on `backend` with the demo seller (`skuCount` SKUs) loaded as of yesterday, UTC, for the
 * suites that read its history: `const demo = useDemoSeller(backend, 14); … demo.app, demo.token, demo.actor`.
 */
export function useDemoSeller(
  backend: Backend,
  skuCount: number,
): {
  readonly sw: Stockwise;
  readonly app: ReturnType<typeof createApp>;
  readonly token: string;
  readonly actor: Actor;
} {
  const ctx = useStockwise(backend);
  let owner: { token: string; actor: Actor } | undefined;
  beforeAll(async () => {
    const demo = await loadDemoSeller(ctx.sw, { skuCount, asOf: isoDate(parseIsoDate(todayUtc()) - 1) });
    const { token } = await ctx.sw.auth.createTokenForEmail(demo.email, 'test');
    owner = { token, actor: await ctx.sw.auth.ownerOf(demo.accountName) };
  }, 180_000);
  const loaded = () => {
    if (!owner) throw new Error('useDemoSeller: used outside a test');
    return owner;
  };
  return {
    get sw() {
      return ctx.sw;
    },
    get app() {
      return ctx.app;
    },
    get token() {
      return loaded().token;
    },
    get actor() {
      return loaded().actor;
    },
  };
}

export type DemoSeller = ReturnType<typeof useDemoSeller>;

/** The demo seller's first `limit` products, in SKU order. */
export async function demoProducts(seller: DemoSeller, limit = 100) {
  const page = await seller.sw.catalog.listProducts(seller.actor, { limit, sort: 'sku', order: 'asc' });
  return page.items;
}
