import { expect } from 'vitest';
import type { StorageMonth } from '../../src/reports/storage-overview';
import type { Api } from './owner-api';

/** GET /reports/storage/overview for `months` months around `asOf`, expecting 200: its months and whole body. */
export async function storageOverview(
  api: Api,
  asOf: string,
  months: number,
): Promise<{ months: StorageMonth[]; body: Record<string, unknown> }> {
  const res = await api.get(`/api/v1/reports/storage/overview?asOf=${asOf}&months=${String(months)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { months: res.body['months'] as StorageMonth[], body: res.body };
}
