import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { screenshot } from './support/browser';
import { generateRestockPlan } from './support/fixtures';
import { downloaded, en, openRestock as openPlanner, shownRows, type Item } from './support/restock-planner';
import type { RunningServer } from './support/server';
import { useBrowserSession } from './support/session';
import { RUN_BROWSER_SUITES, choose } from './support/steps';

// A page sweep in a real browser on a loaded 2-core CI machine can pass 60 s; a hang still fails.
vi.setConfig({ testTimeout: 300_000 });

/**
 * The restock planner (issue 17) with 600 generated lines (served by intercepting /api/v1/restock):
 * the filters, search, sort, grouping, totals and CSV export, timed, so this file runs alone
 * (`TIMED` in vitest.config.ts). The demo seller's real plan is in restock-planner-demo.e2e.test.ts.
 */

const ROWS = 600;

/**
 * Types into the search box inside the page and times until the table holds `expected` rows (its
 * aria-rowcount; only the rows in view are drawn): the input event, React's render and the
 * browser's layout, without Playwright's round trips.
 */
function timeSearch(page: Page, text: string, expected: number): Promise<number> {
  return page.evaluate(
    ([value, rows]) =>
      new Promise<number>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>('[data-testid="planner-search"]')!;
        const descriptor = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
        const start = performance.now();
        descriptor.set?.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const check = () => {
          const table = document.querySelector('[data-testid="restock-table"]');
          if (table?.getAttribute('aria-rowcount') === String(rows + 1)) {
            // Measured once the frame showing the rows is painted.
            requestAnimationFrame(() => {
              resolve(performance.now() - start);
            });
          } else if (performance.now() - start > 10_000) reject(new Error('rows never matched'));
          else requestAnimationFrame(check);
        };
        check();
      }),
    [text, expected] as const,
  );
}

describe.skipIf(!RUN_BROWSER_SUITES)('restock planner (browser)', () => {
  let server: RunningServer;
  let page: Page;
  let errors: string[];
  const generated = generateRestockPlan(ROWS);
  const items = generated.items as Item[];

  const session = useBrowserSession({ signIn: true });
  beforeAll(() => {
    ({ server, page, errors } = session);
  });

  const openRestock = () => openPlanner(page, server.url);

  describe('600 generated lines', () => {
    beforeAll(async () => {
      await page.route(/\/api\/v1\/restock(\?|$)/, (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(generated) }),
      );
    });

    it('searches and filters in under 200 ms, with totals of what is shown', async () => {
      await openRestock();
      expect(await shownRows(page)).toBe(ROWS);
      const shown = (n: number) => `Showing ${en(n)} of ${en(ROWS)} lines`;
      expect(await page.getByTestId('planner-shown').innerText()).toBe(shown(ROWS));

      // "GEN-00012" matches GEN-000120 … GEN-000129.
      const timings: number[] = [];
      // The fastest of five: on a machine shared with other suites, one run may wait for the CPU.
      for (let i = 0; i < 5; i++) {
        timings.push(await timeSearch(page, 'gen-00012', 10));
        timings.push(await timeSearch(page, '', ROWS));
      }
      const narrowing = Math.min(...timings.filter((_, i) => i % 2 === 0));
      console.log(`[restock planner] ${ROWS} rows: search timings ms ${timings.map(Math.round).join(', ')}`);
      expect(narrowing).toBeLessThan(200);

      // Location and action filters combine with the search; totals follow the shown rows.
      await page.getByTestId('planner-search').fill('towel');
      await choose(page, 'planner-action', 'Purchase');
      await choose(page, 'planner-location', 'WH1');
      const expected = items.filter(
        (i) => i.action === 'purchase' && i.location === 'WH1' && /towel/i.test(`${i.sku} ${i.title}`),
      );
      expect(expected.length).toBeGreaterThan(0);
      await expect.poll(() => shownRows(page)).toBe(expected.length);
      const withQuantity = expected.filter((i) => i.recommendedQuantity > 0);
      const allLines = items.filter((i) => i.recommendedQuantity > 0).length;
      expect(await page.getByTestId('planner-total-lines').innerText()).toBe(
        `${en(withQuantity.length)} of ${en(allLines)}`,
      );
      const units = withQuantity.reduce((s, i) => s + i.recommendedQuantity, 0);
      expect(await page.getByTestId('planner-total-units').innerText()).toContain(en(units));
      const cost = expected.reduce((s, i) => s + (i.estimatedCost ?? 0), 0);
      expect(await page.getByTestId('planner-total-cost').innerText()).toBe(en(Math.round(cost)));
    });

    it('sorts by a column, both ways, and exports exactly the rows shown, in their order', async () => {
      await page.getByTestId('sort-quantity').click();
      const quantities = async () =>
        (
          await page.locator('tbody tr[data-sku]').evaluateAll((rows) => rows.map((r) => r.dataset['sku']!))
        ).map((sku) => items.find((i) => i.sku === sku)!.recommendedQuantity);
      const desc = await quantities();
      expect(desc).toEqual([...desc].sort((a, b) => b - a));
      await page.getByTestId('sort-quantity').click();
      const asc = await quantities();
      expect(asc).toEqual([...asc].sort((a, b) => a - b));
      expect(await page.locator('th[aria-sort="ascending"]').count()).toBe(1);

      const order = await page
        .locator('tbody tr[data-sku]')
        .evaluateAll((rows) => rows.map((r) => `${r.dataset['sku']!}|${r.dataset['location']!}`));
      const download = page.waitForEvent('download');
      await page.getByTestId('planner-export').click();
      const lines = await downloaded(download);
      expect(lines[0]).toBe(
        'SKU,Title,Location,Action,Source,Supplier,Alert,Held back,Quantity,Unit cost,Estimated cost,Order by,Ship by,Days of supply',
      );
      expect(lines).toHaveLength(1 + (await shownRows(page)));
      expect(lines.slice(1, 1 + order.length).map((line) => line.split(',').slice(0, 3).join('|'))).toEqual(
        order.map((key) => {
          const [sku, location] = key.split('|');
          return `${sku}|${items.find((i) => i.sku === sku)!.title}|${location}`;
        }),
      );
    });

    it('groups purchases by supplier and transfers by route, with each group’s totals', async () => {
      // A fresh page: every filter back at "all".
      await openRestock();
      expect(await shownRows(page)).toBe(ROWS);
      await choose(page, 'planner-group', 'By supplier / transfer route');
      const pick = async (testId: string, option: string) => {
        await page.getByTestId(testId).click();
        await page.getByRole('option', { name: option, exact: true }).click();
      };
      await pick('planner-supplier', 'ACME');
      await pick('planner-action', 'Purchase');
      const acme = items.filter((i) => i.action === 'purchase' && i.supplier === 'ACME');
      // One heading above the supplier's lines: aria-rowcount counts it with them.
      await expect.poll(() => shownRows(page)).toBe(acme.length + 1);
      const heading = page.getByTestId('planner-group-row');
      expect(await heading.count()).toBe(1);
      const withQuantity = acme.filter((i) => i.recommendedQuantity > 0);
      expect(await heading.innerText()).toContain(`ACME`);
      expect(await heading.innerText()).toContain(
        `${en(withQuantity.length)} lines · ${en(withQuantity.reduce((s, i) => s + i.recommendedQuantity, 0))} units`,
      );
      await pick('planner-action', 'Transfer');
      await expect.poll(() => heading.first().innerText()).toContain('WH1 → FBA-US');
      expect(await page.getByTestId('capacity-FBA-US-standard').innerText()).toContain(
        '600 in use + 400 planned of 1,000',
      );
      await screenshot(page, 'restock-planner');
      await page.unroute(/\/api\/v1\/restock(\?|$)/);
    });
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
