import { expect } from 'vitest';
import type { Api } from './owner-api';

/** A fee schedule as GET /fees lists it: its fields, with the row's id and source (default or the seller's). */
export type ListedFeeSchedule = Record<string, unknown> & { id: number; source: string };

/** GET /fees, expecting 200: every schedule the account sees, the shipped defaults among them. */
export async function listFees(api: Api): Promise<ListedFeeSchedule[]> {
  const res = await api.get('/api/v1/fees');
  expect(res.status).toBe(200);
  return res.body['items'] as ListedFeeSchedule[];
}

/** The shipped US schedule in `list`: its id, and its fields without the row's id, source and date. */
export function shippedUsSchedule(list: readonly ListedFeeSchedule[]): {
  id: number;
  seeded: Record<string, unknown>;
} {
  const row = list.find((f) => f.source === 'default' && f['marketplace'] === 'US');
  if (!row) throw new Error('GET /fees lists no shipped US schedule');
  const { id, source: _source, updatedAt: _updatedAt, ...seeded } = row;
  return { id, seeded };
}
