/** Shared by the replenishment integration tests: a steady sales history in the ledger, and a restock line as the API returns it. */
import { expect } from 'vitest';
import type { LedgerEntry } from '../../src/ledger/ledger.service';
import type { Stockwise } from '../../src/stockwise';
import { dayAt } from '../support/days';
import { productInput, type TestAccount } from '../support/factories';
import type { Api, OwnerApi } from '../support/owner-api';

export interface RestockItem {
  sku: string;
  location: string;
  recommendedQuantity: number;
  unconstrainedQuantity: number;
  casePack: number;
  moq: number;
  alert: string | null;
  orderByDate: string | null;
  shipDate: string | null;
  daysOfSupply: number | null;
  supplier: string | null;
  reasoning: { summary: string; capacity: { cutQuantity: number; profitPerCubicFoot: number } | null };
}

/** A moment on the day `offset` days from today, never in the future. */
export const day = dayAt;

/** 60 days of steady sales: a receipt, then `perDay` units shipped daily (stopping when stock runs out). */
export async function seedHistory(
  sw: Stockwise,
  account: TestAccount,
  s: { sku: string; location: string; received: number; perDay: number },
) {
  const entries: LedgerEntry[] = [
    {
      sku: s.sku,
      location: s.location,
      request: { type: 'receipt', quantity: s.received, unitCost: 4 },
      occurredAt: day(-61),
    },
  ];
  let left = s.received;
  for (let d = -60; d < 0; d++) {
    const q = Math.min(left, s.perDay);
    if (q <= 0) break;
    left -= q;
    entries.push({
      sku: s.sku,
      location: s.location,
      request: { type: 'shipment', quantity: q },
      occurredAt: day(d),
      unitPrice: 20,
      channel: 'amazon',
    });
  }
  await sw.ledger.post(account.actor, entries);
}

/**
 * An Amazon US location FBA1 and, for each SKU, a $20 mug (category Mugs) with `received` units there
 * and 3 sold a day (`seedHistory`).
 */
export async function seedFbaMugs(t: OwnerApi, received: Record<string, number>): Promise<void> {
  const fba = { code: 'FBA1', name: 'Amazon US', type: 'amazon_fba', marketplace: 'US' };
  expect((await t.api.post('/api/v1/locations', fba)).status).toBe(201);
  for (const sku of Object.keys(received)) {
    const product = productInput({ sku, category: 'Mugs', price: 20 });
    expect((await t.api.post('/api/v1/products', product)).status).toBe(201);
  }
  for (const [sku, units] of Object.entries(received))
    await seedHistory(t.sw, t.owner, { sku, location: 'FBA1', received: units, perDay: 3 });
}

/** The lines of GET /restock (`query` as `?asOf=…`), expecting 200; `T` says which fields the suite reads. */
export async function restockItems<T>(api: Api, query = ''): Promise<T[]> {
  const res = await api.get(`/api/v1/restock${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as unknown as T[];
}

/** A SKU's line of GET /restock (its type says which reasoning fields the suite reads). */
export async function restockLine<T extends RestockItem>(t: OwnerApi, sku: string): Promise<T> {
  return (await restockItems<T>(t.api)).find((i) => i.sku === sku)!;
}
