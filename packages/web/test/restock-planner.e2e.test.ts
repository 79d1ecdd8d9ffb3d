import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { seriousViolations } from './support/axe';
import { picture, screenshot } from './support/browser';
import { generateRestockPlan } from './support/fixtures';
import type { RunningServer } from './support/server';
import { useBrowserSession } from './support/session';
import { RUN_BROWSER_SUITES, choose, chooseLanguage, serverSettled, switchLanguage } from './support/steps';
import { untranslatedWords } from './support/visible-text';

// A page sweep in a real browser on a loaded 2-core CI machine can pass 60 s; a hang still fails.
vi.setConfig({ testTimeout: 300_000 });

/**
 * The restock planner (issue 17): with 600 generated lines (served by intercepting /api/v1/restock)
 * the filters, search, sort, grouping, totals and CSV export, timed; on the demo seller's real plan a
 * transfer shipment draft from ticked transfer lines, in three languages, at 1280 and 390 px.
 */

interface Item {
  sku: string;
  title: string;
  location: string;
  action: 'purchase' | 'transfer';
  source: string | null;
  supplier: string | null;
  recommendedQuantity: number;
  estimatedCost: number | null;
  alert: string | null;
  shipDate: string | null;
  reasoning: { heldBack: { reason: string } | null };
}

const PLAN_TIMEOUT_MS = 120_000;
const ROWS = 600;
const en = (n: number) => n.toLocaleString('en-US');
/** Rows of the plan as filtered (the table draws only those in view). */
const shownRows = async (page: Page) =>
  Number(await page.getByTestId('restock-table').getAttribute('aria-rowcount')) - 1;

async function downloaded(download: Promise<Download>): Promise<string[]> {
  const file = await (await download).path();
  return readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
}

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

  const openRestock = async () => {
    await page.goto(`${server.url}/restock`);
    await page.getByTestId('planner-search').waitFor({ timeout: PLAN_TIMEOUT_MS });
    await page.locator('tbody tr[data-sku]').first().waitFor({ timeout: PLAN_TIMEOUT_MS });
  };

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

  describe('the demo seller’s plan', () => {
    let plan: { items: Item[] };
    beforeAll(async () => {
      // The start's forecast run and warm-up move the plan: read it once they are done.
      await serverSettled(page);
      plan = (await page.evaluate(
        async () => (await fetch('/api/v1/restock')).json() as Promise<unknown>,
      )) as { items: Item[] };
    }, PLAN_TIMEOUT_MS);

    it('drafts a transfer shipment from the ticked transfer lines', async () => {
      const transfers = plan.items.filter((i) => i.action === 'transfer' && i.recommendedQuantity > 0);
      expect(transfers.length).toBeGreaterThan(1);
      await openRestock();
      await picture(page, 'restock-planner');
      await choose(page, 'planner-action', 'Transfer');
      await expect.poll(() => shownRows(page)).toBe(plan.items.filter((i) => i.action === 'transfer').length);
      const [first, second] = transfers;
      // Ticks stay while the search brings each line into view.
      for (const item of [first!, second!]) {
        await page.getByTestId('planner-search').fill(item.sku);
        await page.getByRole('checkbox', { name: `Send ${item.sku} to ${item.location}` }).check();
      }
      const button = page.getByTestId('draft-transfers');
      expect(await button.innerText()).toBe('Draft transfer shipment (2)');
      const download = page.waitForEvent('download');
      await button.click();
      const lines = await downloaded(download);
      expect(lines[0]).toBe('From,To,SKU,Title,Quantity,Ship by');
      const expected = [first!, second!]
        .sort((a, b) => a.sku.localeCompare(b.sku))
        .map((i) => [i.source, i.location, i.sku, String(i.recommendedQuantity)]);
      expect(
        lines.slice(1).map((line) => {
          const cells = line.split(',');
          return [cells[0], cells[1], cells[2], cells[cells.length - 2]];
        }),
      ).toEqual(expected);
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('projects a SKU’s stock on its product page and in the restock row’s drawer, chart and table alike', async () => {
      const purchase = plan.items.find((i) => i.action === 'purchase' && i.recommendedQuantity > 0)!;
      const projection = (await page.evaluate(
        async (path) => (await fetch(path)).json() as Promise<unknown>,
        `/api/v1/restock/projection/${encodeURIComponent(purchase.sku)}?location=${purchase.location}`,
      )) as {
        stockOutDate: string | null;
        plannedArrivalDate: string | null;
        recommendedQuantity: number;
        days: { date: string; expected: number }[];
      };
      expect(projection.days).toHaveLength(120);
      const date = (iso: string) => new Date(iso).toLocaleDateString('en-US', { dateStyle: 'medium' });

      // In the planner: "Why" opens the row's drawer with the projection at the row's location.
      await openRestock();
      await page.getByTestId('planner-search').fill(purchase.sku);
      const line = page.locator(
        `tbody tr[data-sku="${purchase.sku}"][data-location="${purchase.location}"][data-action="purchase"]`,
      );
      await line.getByRole('button', { name: 'Why' }).click();
      const drawer = page.getByTestId('projection-panel');
      const summary = drawer.getByTestId('projection-summary');
      await summary.waitFor({ timeout: PLAN_TIMEOUT_MS });
      expect(await summary.innerText()).toContain(
        `The recommended order of ${en(projection.recommendedQuantity)} lands on ${date(projection.plannedArrivalDate!)}.`,
      );
      if (projection.stockOutDate)
        expect(await summary.innerText()).toContain(
          `Stock runs out around ${date(projection.stockOutDate)}.`,
        );
      await drawer.getByTestId('projection-chart').locator('canvas').first().waitFor();
      expect(await drawer.getByTestId('projection-chart').getAttribute('aria-label')).toBe(
        'Projected stock, day by day',
      );
      await drawer.getByTestId('projection-chart-table-toggle').click();
      const first = drawer.getByTestId('projection-table').locator('tbody tr').first();
      expect(await first.locator('td').nth(1).innerText()).toBe(en(projection.days[0]!.expected));
      expect(await seriousViolations(page)).toEqual([]);

      // On the product page: the SKU's busiest location unless the seller picks another.
      await page.goto(`${server.url}/products/${encodeURIComponent(purchase.sku)}`);
      const panel = page.getByTestId('projection-panel');
      await panel.getByTestId('projection-summary').waitFor({ timeout: PLAN_TIMEOUT_MS });
      await panel.getByTestId('projection-chart').locator('canvas').first().waitFor();
      await screenshot(page, 'stock-projection');
      await picture(panel, 'stock-projection');
    });

    it('lists every excess SKU with its advice, and records a removal as a ledger movement', async () => {
      const report = (await page.evaluate(
        async () => (await fetch('/api/v1/reports/excess?limit=5000')).json() as Promise<unknown>,
      )) as { rows: Record<string, string | number | null>[] };
      const excess = report.rows.filter((r) => Number(r['estimated-excess-quantity']) > 0);
      expect(excess.length).toBeGreaterThan(0);
      await page.goto(`${server.url}/clearance`);
      const table = page.getByTestId('clearance-table');
      await table.waitFor({ timeout: PLAN_TIMEOUT_MS });
      expect(await table.locator('tbody tr').count()).toBe(excess.length);
      const savings = excess.reduce(
        (s, r) => s + Number(r['estimated-cost-savings-of-recommended-actions']),
        0,
      );
      expect(await page.getByTestId('clearance-totals').innerText()).toContain(en(Math.round(savings)));
      // The advice the report gives is the badge the row shows.
      const target = excess.find((r) => Number(r['available']) > 0)!;
      const sku = String(target['sku']);
      const location = String(target['location']);
      const line = table.locator(`tbody tr[data-sku="${sku}"][data-location="${location}"]`);
      expect(await line.getAttribute('data-action')).toBe(String(target['recommended-action']));
      const balance = async () =>
        (
          (await page.evaluate(
            async (path) => (await fetch(path)).json() as Promise<unknown>,
            `/api/v1/inventory?sku=${encodeURIComponent(sku)}&location=${location}`,
          )) as { items: { onHand: number }[] }
        ).items[0]!.onHand;
      const before = await balance();
      await line.getByRole('button', { name: `Record removal of ${sku} at ${location}` }).click();
      await page.getByTestId('removal-kind').getByText('Liquidation').click();
      await page.getByTestId('removal-quantity').fill('2');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByTestId('removal-confirm').click();
      await expect.poll(balance).toBe(before - 2);
      const movements = (await page.evaluate(
        async (path) => (await fetch(path)).json() as Promise<unknown>,
        `/api/v1/movements?sku=${encodeURIComponent(sku)}&location=${location}&limit=5`,
      )) as { items: { type: string; quantity: number; referenceType: string | null }[] };
      expect(movements.items[0]).toMatchObject({ type: 'removal', referenceType: 'liquidation' });
      await screenshot(page, 'clearance');
      await picture(page, 'clearance');
    });

    it('fits a phone: filters stack and the table scrolls inside its frame', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await openRestock();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.getByTestId('planner-search').fill(plan.items[0]!.sku);
      await expect.poll(() => shownRows(page)).toBeGreaterThan(0);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'restock-planner-phone');
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    for (const label of ['简体中文', '繁體中文'] as const) {
      it(`words the planner in ${label}, no English left`, async () => {
        await page.goto(`${server.url}/`);
        await chooseLanguage(page, label);
        await openRestock();
        await page.getByTestId('planner-group').click();
        await page.getByRole('option').nth(1).click();
        await expect.poll(() => page.getByTestId('planner-group-row').count()).toBeGreaterThan(0);
        await page.waitForLoadState('networkidle');
        expect(await untranslatedWords(page)).toEqual([]);
        expect(await seriousViolations(page)).toEqual([]);
        await page.goto(`${server.url}/clearance`);
        await page.getByTestId('clearance-table').waitFor({ timeout: PLAN_TIMEOUT_MS });
        expect(await untranslatedWords(page)).toEqual([]);
      });
    }

    it('returns to English and logged no console errors', async () => {
      await switchLanguage(page, 'English', 'en');
      expect(errors).toEqual([]);
    });
  });
});
