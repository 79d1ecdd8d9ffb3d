import { openPgliteDatabase } from '@stockwise/db/pglite-database';
import { createStockwise } from '../stockwise';
import { createApp } from './app';

export const OPENAPI_PATH = '/api/openapi.json';

/**
 * The published OpenAPI document as JSON text, built in-process from the routes exactly as `GET /api/openapi.json`
 * serves it (no socket). The services sit on an empty in-memory database that no request touches.
 */
export async function openApiJson(): Promise<string> {
  const sw = createStockwise(await openPgliteDatabase());
  try {
    const res = await createApp(sw).request(OPENAPI_PATH);
    if (!res.ok) throw new Error(`${OPENAPI_PATH} answered ${res.status}`);
    return await res.text();
  } finally {
    await sw.close();
  }
}
