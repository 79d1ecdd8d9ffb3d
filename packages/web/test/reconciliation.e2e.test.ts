import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { seriousViolations } from './support/axe';
import { HAS_CHROMIUM, login, screenshot, watchConsole } from './support/browser';
import { DEMO, type RunningServer } from './support/server';
import { useBrowserSession } from './support/session';
import { untranslatedWords } from './support/visible-text';

// A page in a real browser on a loaded 2-core machine can pass 60 s; a hang still fails.
vi.setConfig({ testTimeout: 240_000 });

/**
 * The Amazon reconciliation page against the real server and its demo seller, in Chromium: it shows the
 * server's location, claimable and reimbursed totals and one row per SKU the API lists, offers the CSV
 * and Excel downloads, is axe-clean, leaves no English in 简体中文 and 繁體中文 and fits a 390 px phone.
 */

interface Reconciliation {
  location: string;
  currency: string | null;
  items: { sku: string; eligibleUnits: number }[];
  totals: { eligibleUnits: number; reimbursedUnits: number };
}

const run = HAS_CHROMIUM || Boolean(process.env['CI']);
const PATH = '/channels/amazon/reconciliation';

async function settle(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
}

describe.skipIf(!run)('Amazon reconciliation page (browser)', () => {
  let server: RunningServer;
  let page: Page;
  let errors: string[];

  const session = useBrowserSession({ signIn: true });
  beforeAll(() => {
    ({ server, page, errors } = session);
  });

  const apiGet = async (path: string): Promise<{ status: number; body: string }> =>
    page.evaluate(async (p) => {
      const res = await fetch(p);
      return { status: res.status, body: await res.text() };
    }, path);

  it("shows the server's figures, one row per listed SKU, and both downloads", async () => {
    const res = await apiGet(`/api/v1${PATH}`);
    expect(res.status).toBe(200);
    const data = JSON.parse(res.body) as Reconciliation;
    await settle(page, `${server.url}${PATH}`);
    await expect.poll(() => page.getByTestId('recon-location').innerText()).toContain(data.location);
    const claimable = await page.getByTestId('recon-claimable').innerText();
    expect(claimable).toContain(`${new Intl.NumberFormat('en-US').format(data.totals.eligibleUnits)} units`);
    if (data.items.length > 0) {
      const rows = page.locator('[data-testid="recon-table"] tbody tr');
      expect(await rows.count()).toBe(data.items.length);
      const claim = data.items.find((i) => i.eligibleUnits > 0);
      if (claim) expect(await page.getByTestId(`recon-row-${claim.sku}`).textContent()).toContain('Claim');
    } else {
      await page.getByText('Nothing to reconcile').waitFor();
    }
    // The downloads are the API's own CSV and Excel forms of the same report.
    for (const [format, type] of [
      ['csv', 'text/csv'],
      ['xlsx', 'spreadsheetml'],
    ] as const) {
      const href = await page.locator(`a[href*="format=${format}"]`).getAttribute('href');
      expect(href).toContain(PATH);
      const got = await page.evaluate(async (h) => {
        const r = await fetch(h!);
        return { status: r.status, type: r.headers.get('content-type') ?? '' };
      }, href);
      expect(got.status).toBe(200);
      expect(got.type).toContain(type);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'reconciliation-1280');
  });

  it('leaves no English in 简体中文 and 繁體中文', async () => {
    await settle(page, `${server.url}${PATH}`);
    await page.getByTestId('recon-location').waitFor();
    for (const [label, locale] of [
      ['简体中文', 'zh-CN'],
      ['繁體中文', 'zh-TW'],
      ['English', 'en'],
    ] as const) {
      await page.getByTestId('language-switcher').click();
      await page.getByRole('menuitem', { name: label }).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
      if (locale !== 'en') expect(await untranslatedWords(page)).toEqual([]);
    }
  });

  it('fits a 390 px phone and is axe-clean there', async () => {
    const context = await session.browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'en-US',
      isMobile: true,
      hasTouch: true,
    });
    const phone = await context.newPage();
    const phoneErrors = watchConsole(phone);
    await login(phone, server.url, DEMO);
    await settle(phone, `${server.url}${PATH}`);
    await phone.getByTestId('recon-location').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(phone)).toEqual([]);
    await screenshot(phone, 'reconciliation-390');
    expect(phoneErrors).toEqual([]);
    await context.close();
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
