import { describe, expect, it, vi } from 'vitest';
import { seriousViolations } from './support/axe';
import { screenshot } from './support/browser';
import { DEMO } from './support/server';
import { useBrowserSession } from './support/session';
import { untranslatedWords } from './support/visible-text';
import { RUN_BROWSER_SUITES, choose, inEachChinese, settle, signedInPhone } from './support/steps';

// A page in a real browser on a loaded 2-core machine can pass 60 s; a hang still fails.
vi.setConfig({ testTimeout: 240_000 });

/**
 * The Amazon reconciliation page against the real server and its demo seller, in Chromium: it shows the
 * server's location, claimable and reimbursed totals and one row per SKU the API lists, offers the CSV
 * and Excel downloads, is axe-clean, leaves no English in 简体中文 and 繁體中文 and fits a 390 px phone.
 */

interface Reconciliation {
  locations: { location: string; currency: string | null }[];
  items: { location: string; sku: string; eligibleUnits: number }[];
  totals: { currency: string; eligibleUnits: number; reimbursedUnits: number }[];
  converted?: {
    total: {
      currency: string;
      eligibleUnits: number;
      eligibleValue: number;
      reimbursedAmount: number;
    } | null;
    missingRates: string[];
  };
}

const PATH = '/channels/amazon/reconciliation';

describe.skipIf(!RUN_BROWSER_SUITES)('Amazon reconciliation page (browser)', () => {
  const session = useBrowserSession({ signIn: true });

  const apiGet = async (path: string): Promise<{ status: number; body: string }> =>
    session.page.evaluate(async (p) => {
      const res = await fetch(p);
      return { status: res.status, body: await res.text() };
    }, path);

  it("shows the server's figures, one row per listed SKU, and both downloads", async () => {
    const res = await apiGet(`/api/v1${PATH}`);
    expect(res.status).toBe(200);
    const data = JSON.parse(res.body) as Reconciliation;
    await settle(session.page, `${session.server.url}${PATH}`);
    for (const l of data.locations)
      await expect.poll(() => session.page.getByTestId('recon-location').innerText()).toContain(l.location);
    // one claimable total per currency, never one sum over them
    const claimable = session.page.getByTestId('recon-claimable');
    for (const c of data.totals)
      expect(await claimable.getByTestId(`recon-total-${c.currency}`).innerText()).toContain(
        `${new Intl.NumberFormat('en-US').format(c.eligibleUnits)} units`,
      );
    if (data.items.length > 0) {
      const rows = session.page.locator('[data-testid="recon-table"] tbody tr');
      expect(await rows.count()).toBe(data.items.length);
      const claim = data.items.find((i) => i.eligibleUnits > 0);
      if (claim)
        expect(
          await session.page.getByTestId(`recon-row-${claim.location}-${claim.sku}`).textContent(),
        ).toContain('Claim');
    } else {
      await session.page.getByText('Nothing to reconcile').waitFor();
    }
    // The downloads are the API's own CSV and Excel forms of the same report.
    for (const [format, type] of [
      ['csv', 'text/csv'],
      ['xlsx', 'spreadsheetml'],
    ] as const) {
      const href = await session.page.locator(`a[href*="format=${format}"]`).getAttribute('href');
      expect(href).toContain(PATH);
      const got = await session.page.evaluate(async (h) => {
        const r = await fetch(h!);
        return { status: r.status, type: r.headers.get('content-type') ?? '' };
      }, href);
      expect(got.status).toBe(200);
      expect(got.type).toContain(type);
    }
    expect(await seriousViolations(session.page)).toEqual([]);
    await screenshot(session.page, 'reconciliation-1280');
  });

  it("converts the totals into one currency at the seller's rates, as the server does", async () => {
    const data = JSON.parse((await apiGet(`/api/v1${PATH}`)).body) as Reconciliation;
    await settle(session.page, `${session.server.url}${PATH}`);
    const currencies = data.totals.map((c) => c.currency);
    expect(currencies.length).toBeGreaterThan(0);
    // into a currency none of the totals is in: each of theirs needs a rate
    const target = ['EUR', 'GBP', 'USD'].find((c) => !currencies.includes(c))!;
    await choose(session.page, 'recon-convert-to', target);
    const missing = session.page.getByTestId('recon-converted-missing');
    await expect
      .poll(() => missing.innerText(), { timeout: 60_000 })
      .toContain(`No rate for ${currencies[0]!}`);
    expect(await session.page.getByTestId('recon-converted-total').count()).toBe(0);
    for (const c of currencies) await session.page.getByTestId(`recon-rate-${c}`).fill('0.5');
    const rates = currencies.map((c) => `${c}:0.5`).join(',');
    const answer = await apiGet(`/api/v1${PATH}?convertTo=${target}&rates=${rates}`);
    const total = (JSON.parse(answer.body) as Reconciliation).converted!.total!;
    const money = (v: number) =>
      new Intl.NumberFormat('en-US', { style: 'currency', currency: target }).format(v);
    const units = (n: number) => `${new Intl.NumberFormat('en-US').format(n)} units`;
    const claimable = session.page.getByTestId('recon-converted-claimable');
    await expect.poll(() => claimable.innerText(), { timeout: 60_000 }).toContain(money(total.eligibleValue));
    expect(await claimable.innerText()).toContain(units(total.eligibleUnits));
    expect(await session.page.getByTestId('recon-converted-reimbursed').innerText()).toContain(
      money(total.reimbursedAmount),
    );
    expect(await missing.count()).toBe(0);
    expect(await seriousViolations(session.page)).toEqual([]);
    await screenshot(session.page, 'reconciliation-converted');
    await choose(session.page, 'recon-convert-to', 'No conversion');
  });

  it('leaves no English in 简体中文 and 繁體中文', async () => {
    await settle(session.page, `${session.server.url}${PATH}`);
    await session.page.getByTestId('recon-location').waitFor();
    await inEachChinese(session.page, async () => {
      expect(await untranslatedWords(session.page)).toEqual([]);
    });
  });

  it('fits a 390 px phone and is axe-clean there', async () => {
    const { context, phone, phoneErrors } = await signedInPhone(session.browser, session.server.url, DEMO);
    await settle(phone, `${session.server.url}${PATH}`);
    await phone.getByTestId('recon-location').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(phone)).toEqual([]);
    await screenshot(phone, 'reconciliation-390');
    expect(phoneErrors).toEqual([]);
    await context.close();
  });

  it('logged no console errors', () => {
    expect(session.errors).toEqual([]);
  });
});
