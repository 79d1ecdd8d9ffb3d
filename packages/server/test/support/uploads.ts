import { expect } from 'vitest';
import type { Api } from './owner-api';

/** Uploads a file to POST /imports/{kind} as the browser would (CSV, or TSV for Amazon reports). */
export function uploadImport(api: Api, kind: string, body: string, query = '') {
  return api.call('POST', `/api/v1/imports/${kind}${query}`, {
    raw: body,
    headers: { 'Content-Type': kind.startsWith('amazon') ? 'text/tab-separated-values' : 'text/csv' },
  });
}

/** `uploadImport` of a file the import must take (201; else the failure shows the problem it answered). */
export async function importTaken(api: Api, kind: string, body: string, query = '') {
  const res = await uploadImport(api, kind, body, query);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res;
}
