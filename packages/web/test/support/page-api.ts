import type { Page } from 'playwright-core';

/**
 * Calls the API from the signed-in page (its session cookie authenticates): GET, or POST with a JSON
 * body; answers the parsed JSON.
 */
export function pageApi(page: Page) {
  return async <T>(path: string, body?: unknown): Promise<T> =>
    (await page.evaluate(
      async ({ p, b }) => {
        const res = await fetch(
          p,
          b === undefined
            ? undefined
            : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(b) },
        );
        return res.json() as Promise<unknown>;
      },
      { p: path, b: body },
    )) as T;
}
