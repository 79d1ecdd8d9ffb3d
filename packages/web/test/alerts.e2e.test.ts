import { beforeAll, describe, expect, it, vi } from 'vitest';
import { screenshot } from './support/browser';
import { useBrowserSession } from './support/session';
import { untranslatedWords } from './support/visible-text';
import { RUN_BROWSER_SUITES, choose, chooseLanguage, serverSettled } from './support/steps';

// Paging through hundreds of alerts in a real browser on a loaded 2-core machine can pass 60 s.
vi.setConfig({ testTimeout: 300_000 });

/**
 * The alerts page against the real server and its demo seller, in Chromium: it pages through every
 * alert in the server's order (severity, then urgency), filters by kind, severity and location, and
 * renders each title in the reader's language (English, 简体中文, 繁體中文) from its code and parameters.
 */

interface Alert {
  id: number;
  kind: string;
  severity: string;
  location: string | null;
  title: string;
}

describe.skipIf(!RUN_BROWSER_SUITES)('alerts page (browser)', () => {
  const session = useBrowserSession({ width: 1440, signIn: true });
  // Alerts follow the planning position: compared once the start's forecast run and warm-up are done.
  beforeAll(() => serverSettled(session.page), 300_000);

  /** Every active alert matching `query`, as the API orders them. */
  const apiAlerts = (query = ''): Promise<Alert[]> =>
    session.page.evaluate(async (q) => {
      const out: Alert[] = [];
      for (let cursor: string | null = null, first = true; first || cursor; first = false) {
        const res = await fetch(
          `/api/v1/alerts?status=active&limit=500${q}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        const body = (await res.json()) as { items: Alert[]; nextCursor: string | null };
        out.push(...body.items);
        cursor = body.nextCursor;
      }
      return out;
    }, query);

  /**
   * Waits for the list to show `expected`'s first page (a filter applied), follows "Load more" to the
   * end and checks the rows are `expected`, in order.
   */
  const expectRows = async (expected: readonly number[]): Promise<void> => {
    const rows = session.page.locator('[data-testid="alerts-table"] tbody tr');
    const ids = async () =>
      (await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-testid')))).map((id) =>
        Number(id?.replace('alert-', '')),
      );
    await expect
      .poll(async () => (await ids()).slice(0, 50), { timeout: 30_000 })
      .toEqual(expected.slice(0, 50));
    const more = session.page.getByTestId('alerts-load-more');
    while ((await more.count()) > 0) {
      const before = await rows.count();
      await more.click();
      await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(before);
      await session.page.waitForLoadState('networkidle');
    }
    expect(await ids()).toEqual(expected);
  };

  it('pages through every active alert in the server’s order: severity, then urgency', async () => {
    const evaluated = await session.page.evaluate(async () => {
      const res = await fetch('/api/v1/alerts/evaluate', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ deliver: false }),
      });
      return res.status;
    });
    expect(evaluated).toBe(200);
    const all = await apiAlerts();
    expect(all.length).toBeGreaterThan(50); // more than one page of the list
    await session.page.goto(`${session.server.url}/alerts`);
    await session.page.getByTestId('alerts-table').waitFor();
    await expectRows(all.map((a) => a.id));
    const severities = all.map((a) => ['critical', 'warning', 'info'].indexOf(a.severity));
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
    await screenshot(session.page, 'alerts-en');
  });

  it('filters by kind, severity and location, keeping the order', async () => {
    await session.page.goto(`${session.server.url}/alerts`);
    await session.page.getByTestId('alerts-table').waitFor();
    await choose(session.page, 'alerts-kind', 'Stock-out');
    const stockOuts = await apiAlerts('&kind=stock_out');
    expect(stockOuts.length).toBeGreaterThan(0);
    await expectRows(stockOuts.map((a) => a.id));
    const location = stockOuts[0]!.location!;
    await choose(session.page, 'alerts-location', location);
    const here = await apiAlerts(`&kind=stock_out&location=${location}`);
    await expectRows(here.map((a) => a.id));
    expect(here.every((a) => a.location === location)).toBe(true);
    const titles = await session.page.getByTestId('alert-title').allInnerTexts();
    expect(titles.every((t) => t.includes(`is out of stock at ${location}`))).toBe(true);
    await choose(session.page, 'alerts-kind', 'All');
    await choose(session.page, 'alerts-location', 'All');
    await choose(session.page, 'alerts-severity', 'Info');
    const info = await apiAlerts('&severity=info');
    await expectRows(info.map((a) => a.id));
    expect(
      await session.page.locator('[data-testid="alerts-table"] tbody tr:not([data-severity="info"])').count(),
    ).toBe(0);
  });

  for (const [label, locale, stockOut] of [
    ['简体中文', 'zh-CN', '缺货'],
    ['繁體中文', 'zh-TW', '缺貨'],
  ] as const) {
    it(`${label}: every title in the reader's language, no server-made English, paging and filters work`, async () => {
      await session.page.goto(`${session.server.url}/alerts`);
      await session.page.getByTestId('alerts-table').waitFor();
      await chooseLanguage(session.page, label);
      await expect
        .poll(() => session.page.evaluate(() => document.documentElement.lang), { timeout: 15_000 })
        .toBe(locale);
      await session.page.goto(`${session.server.url}/alerts`);
      await session.page.getByTestId('alerts-table').waitFor();
      const all = await apiAlerts();
      await expectRows(all.map((a) => a.id));
      expect(await untranslatedWords(session.page)).toEqual([]);
      const text = await session.page.locator('main').innerText();
      const english = all.map((a) => a.title).filter((title) => text.includes(title));
      expect(english).toEqual([]);
      const titles = await session.page.getByTestId('alert-title').allInnerTexts();
      expect(titles.every((t) => /[\u4e00-\u9fff]/.test(t))).toBe(true);
      await choose(session.page, 'alerts-kind', stockOut);
      const stockOuts = await apiAlerts('&kind=stock_out');
      await expectRows(stockOuts.map((a) => a.id));
      const outTitles = await session.page.getByTestId('alert-title').allInnerTexts();
      expect(outTitles.every((t) => t.includes(stockOut))).toBe(true);
      await screenshot(session.page, `alerts-${locale}`);
    });
  }

  it('acknowledges and snoozes from the page (back in English)', async () => {
    await chooseLanguage(session.page, 'English');
    await session.page.goto(`${session.server.url}/alerts`);
    await session.page.getByTestId('alerts-table').waitFor();
    const first = session.page.locator('[data-testid="alerts-table"] tbody tr').first();
    const id = await first.getAttribute('data-testid');
    await first.getByRole('button', { name: 'Acknowledge' }).click();
    await expect
      .poll(() => session.page.getByTestId(id!).getByRole('button', { name: 'Acknowledge' }).count(), {
        timeout: 15_000,
      })
      .toBe(0);
    await session.page.getByTestId(id!).getByRole('button', { name: 'Snooze 7 days' }).click();
    await expect.poll(() => session.page.getByTestId(id!).count(), { timeout: 15_000 }).toBe(0);
    expect(session.errors).toEqual([]);
  });
});
