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
  expect((await api.post('/api/v1/movements', { type: 'receipt', sku, location, quantity })).status).toBe(
    201,
  );
}

/** Uploads a file to POST /imports/{kind} as the browser would (CSV, or TSV for Amazon reports). */
export function uploadImport(api: Api, kind: string, body: string, query = '') {
  return api.call('POST', `/api/v1/imports/${kind}${query}`, {
    raw: body,
    headers: { 'Content-Type': kind.startsWith('amazon') ? 'text/tab-separated-values' : 'text/csv' },
  });
}
