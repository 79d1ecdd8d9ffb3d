import { expect } from 'vitest';
import { parseIsoDate } from '@stockwise/domain/dates/dates';
import type { useStockwise } from './backends';
import { newAccountApi } from './owner-api';
import { movementBody } from './factories';
import { FBA_US, seedLocations } from './seed';

/** A product's size in inches and its weight in pounds. */
export interface Box {
  length: number;
  width: number;
  height: number;
  weight: number;
}

/** An Amazon location of another marketplace, beside the US one. */
export interface OtherAmazon {
  code: string;
  name: string;
  marketplace: string;
}

/** Amazon Germany (marketplace DE, EUR). */
export const FBA_DE: OtherAmazon = { code: 'FBA-DE', name: 'Amazon Germany', marketplace: 'DE' };

/** A 12 × 12 × 12 in, 1 lb cube: one cubic foot, oversize at Amazon. */
export const CUBE: Box = { length: 12, width: 12, height: 12, weight: 1 };

/**
 * A new account with the seller's own warehouse and one Amazon US location — the two networks whose
 * figures Amazon's reports keep apart (docs/formulas.md, Amazon's scope) — and `skus` of `box` size;
 * `otherAmazon`: Amazon locations of other marketplaces too.
 */
export async function twoNetworkSeller(
  ctx: ReturnType<typeof useStockwise>,
  options: {
    skus: readonly string[];
    box?: Box;
    warehouse?: string;
    amazon?: string;
    otherAmazon?: readonly OtherAmazon[];
  },
) {
  const { owner, api } = await newAccountApi(ctx);
  const warehouse = options.warehouse ?? 'WH1';
  const amazon = options.amazon ?? 'FBA-US';
  await seedLocations(
    api,
    { code: warehouse, name: 'Own warehouse', type: 'warehouse' },
    { ...FBA_US, code: amazon },
    ...(options.otherAmazon ?? []).map((l) => ({ ...l, type: 'amazon_fba' as const })),
  );
  const size = options.box
    ? { ...options.box, dimensionUnit: 'in', weightUnit: 'lb' }
    : ({} as Record<string, never>);
  for (const sku of options.skus)
    expect((await api.post('/api/v1/products', { sku, title: sku, ...size })).status).toBe(201);
  const move = async (body: Record<string, unknown>) => {
    expect((await api.post('/api/v1/movements', body)).status).toBe(201);
  };
  return { owner, api, move };
}

/** A seller of `sku`, a CUBE, at Amazon US and `other`, with 10 units received at each store at `receivedAt`. */
export async function cubesAtTwoStores(
  ctx: ReturnType<typeof useStockwise>,
  sku: string,
  other: OtherAmazon,
  receivedAt: string,
) {
  const seller = await twoNetworkSeller(ctx, { skus: [sku], box: CUBE, otherAmazon: [other] });
  for (const location of [other.code, FBA_US.code])
    await seller.move({ ...movementBody('receipt', sku, location, 10), occurredAt: receivedAt });
  return seller;
}

/**
 * The hand-checked storage case (docs/formulas.md): a 12×10×8 in, 1.5 lb BOX, 3 units received at the warehouse
 * 200 days before `asOf` (2025-07-20) at $4, one of them moved to Amazon on 2025-07-10.
 */
export async function boxMovedToAmazon(ctx: ReturnType<typeof useStockwise>) {
  const seller = await twoNetworkSeller(ctx, {
    skus: ['BOX'],
    box: { length: 12, width: 10, height: 8, weight: 1.5 },
    warehouse: 'WH',
    amazon: 'FBA',
  });
  const asOf = '2025-07-20';
  const received = new Date((parseIsoDate(asOf) - 200) * 86_400_000 + 12 * 3_600_000).toISOString();
  await seller.move({
    type: 'receipt',
    sku: 'BOX',
    location: 'WH',
    quantity: 3,
    unitCost: 4,
    occurredAt: received,
  });
  // one unit reaches Amazon on 2025-07-10 (a test may send another the same day)
  const transferOne = () =>
    seller.move({
      type: 'transfer',
      sku: 'BOX',
      location: 'WH',
      toLocation: 'FBA',
      quantity: 1,
      occurredAt: '2025-07-10T12:00:00Z',
    });
  await transferOne();
  return { ...seller, asOf, transferOne };
}
