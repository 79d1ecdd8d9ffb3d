import { expect } from 'vitest';
import type { client } from './http-client';

type Api = ReturnType<typeof client>;

export const WAREHOUSE = { code: 'WH', name: 'Warehouse', type: 'warehouse' } as const;
export const FBA_US = { code: 'FBA-US', name: 'Amazon US', type: 'amazon_fba', marketplace: 'US' } as const;

/** Creates each location through the API, expecting 201. */
export async function seedLocations(
  api: Api,
  ...locations: readonly Record<string, unknown>[]
): Promise<void> {
  for (const location of locations) expect((await api.post('/api/v1/locations', location)).status).toBe(201);
}

/** Records a receipt through the API, expecting 201. */
export async function receive(api: Api, sku: string, location: string, quantity: number): Promise<void> {
  await receiveAt(api, { sku, location, quantity });
}

/** Records a receipt through the API at its unit cost and time when given, expecting 201. */
export async function receiveAt(
  api: Api,
  receipt: { sku: string; location: string; quantity: number; unitCost?: number; occurredAt?: string },
): Promise<void> {
  expect((await api.post('/api/v1/movements', { type: 'receipt', ...receipt })).status).toBe(201);
}

/** Places an order through the API (POST /orders), expecting 201: stock a test needs reserved or sold. */
export async function placeOrder(
  api: Api,
  order: { channel: string; externalId: string; lines: { sku: string; quantity: number }[] },
): Promise<void> {
  expect((await api.post('/api/v1/orders', order)).status).toBe(201);
}

/** The order GET /orders lists first for `externalId` (on `channel` when given), or undefined when none. */
export async function findOrder(
  api: Api,
  externalId: string,
  channel?: string,
): Promise<Record<string, unknown> | undefined> {
  const query = `externalId=${encodeURIComponent(externalId)}${channel ? `&channel=${channel}` : ''}`;
  const res = await api.get(`/api/v1/orders?${query}`);
  expect(res.status).toBe(200);
  return res.body.items?.[0];
}

/** A SKU's figures summed over its locations (or at one location), as GET /inventory reports them. */
export async function skuBalance(api: Api, sku: string, location?: string) {
  const res = await api.get(
    `/api/v1/inventory?sku=${encodeURIComponent(sku)}${location ? `&location=${location}` : ''}`,
  );
  const items = res.body.items as {
    onHand: number;
    reserved: number;
    available: number;
    unfulfillable: number;
  }[];
  return items.reduce(
    (s, b) => ({
      onHand: s.onHand + b.onHand,
      reserved: s.reserved + b.reserved,
      available: s.available + b.available,
      unfulfillable: s.unfulfillable + b.unfulfillable,
    }),
    { onHand: 0, reserved: 0, available: 0, unfulfillable: 0 },
  );
}
