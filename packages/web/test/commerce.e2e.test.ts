import { describe, expect, it, vi } from 'vitest';
import { seriousViolations } from './support/axe';
import { screenshot } from './support/browser';
import { useBrowserSession } from './support/session';
import {
  RUN_BROWSER_SUITES,
  addViewer,
  choose,
  inEachChinese,
  pageJson,
  settle,
  signedInPhone,
} from './support/steps';
import { untranslatedWords } from './support/visible-text';

// A page sweep in a real browser on a loaded 2-core CI machine can pass 60 s; a hang still fails.
vi.setConfig({ testTimeout: 240_000 });

/**
 * Suppliers, profitability, orders & channels and the fee-table / notification settings against
 * the real server with the demo seller: each page shows the server's numbers, and one real flow per
 * page changes something and sees it saved.
 */

interface Scorecard {
  onTimeRate: number | null;
  totalDue: number;
}
interface Bills {
  items: { number: string; amount: number }[];
}
interface ProfitPage {
  summary: {
    totals: { currency: string; revenue: number; profit: number }[];
    converted?: { total: { revenue: number; profit: number } | null; missingRates: string[] };
  };
  rows: { sku: string; currency: string; revenue: number }[];
  nextCursor: string | null;
}
interface FeeSchedule {
  id: number;
  source: string;
  effectiveFrom: string;
  storage: { standard: { offPeak: number } };
  mcf: { sizeTier: string; maxWeightLb: number | null; minUnitsInOrder: number; fee: number }[];
}

const usd = (value: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(value);
const pct = (ratio: number) =>
  new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(ratio);

describe.skipIf(!RUN_BROWSER_SUITES)('suppliers, profit, orders and settings (browser)', () => {
  const session = useBrowserSession({ signIn: true });

  const call = <T>(path: string, init?: { method: string; body: unknown }) =>
    pageJson<T>(session.page, path, init);

  it('suppliers: scorecards and bills due as the server computes them; editing payment terms saves them', async () => {
    const card = await call<Scorecard>('/api/v1/suppliers/BR-WHOLESALE/scorecard');
    const bills = await call<Bills>('/api/v1/suppliers/bills');
    expect(bills.items.length).toBeGreaterThan(0);

    await settle(session.page, `${session.server.url}/suppliers`);
    const row = session.page.getByTestId('supplier-BR-WHOLESALE');
    await expect
      .poll(() => session.page.getByTestId('supplier-due-BR-WHOLESALE').textContent())
      .toBe(usd(card.totalDue));
    expect(await row.innerText()).toContain(pct(card.onTimeRate!));
    const billRows = session.page.getByTestId('bills-table').locator('tbody tr');
    expect(await billRows.count()).toBe(bills.items.length);
    expect(await billRows.first().innerText()).toContain(bills.items[0]!.number);
    await screenshot(session.page, 'suppliers');
    expect(await seriousViolations(session.page)).toEqual([]);

    // The supplier in detail: its terms per SKU.
    const terms = await call<{ items: { sku: string }[] }>('/api/v1/suppliers/BR-WHOLESALE/products');
    await session.page.getByTestId('supplier-open-BR-WHOLESALE').click();
    await session.page.getByTestId('supplier-drawer').waitFor();
    if (terms.items.length > 0)
      await expect
        .poll(() => session.page.getByTestId('supplier-products').locator('tbody tr').count(), {
          timeout: 30_000,
        })
        .toBe(terms.items.length);
    expect(await seriousViolations(session.page)).toEqual([]);
    await session.page.keyboard.press('Escape');
    await session.page.getByTestId('supplier-drawer').waitFor({ state: 'detached' });

    await session.page.getByRole('button', { name: 'Edit BR-WHOLESALE' }).click();
    await session.page.getByTestId('supplier-terms').fill('60');
    await session.page.getByRole('button', { name: 'Save' }).click();
    await session.page.getByTestId('supplier-form').waitFor({ state: 'detached' });
    await expect.poll(() => row.innerText()).toContain('Net 60 days');
    expect(
      (await call<{ paymentTermsDays: number }>('/api/v1/suppliers/BR-WHOLESALE')).paymentTermsDays,
    ).toBe(60);
  });

  it('profitability: the demo seller’s revenue and profit for the last 30 days, sortable, with downloads', async () => {
    // The page's default period is the report's default: the 30 days before today.
    const report = await call<ProfitPage>('/api/v1/reports/profit?limit=5000');
    expect(report.nextCursor).toBeNull();
    // the demo seller sells in USD only: one block of totals, in USD
    const [usdTotals, ...others] = report.summary.totals;
    expect(others).toEqual([]);
    expect(usdTotals).toMatchObject({ currency: 'USD' });
    expect(usdTotals!.revenue).toBeGreaterThan(0);

    await settle(session.page, `${session.server.url}/profit`);
    const usdBlock = session.page.getByTestId('profit-totals-USD');
    await expect
      .poll(() => usdBlock.getByTestId('profit-total-revenue').innerText())
      .toContain(usd(usdTotals!.revenue));
    expect(await usdBlock.getByTestId('profit-total-profit').innerText()).toContain(usd(usdTotals!.profit));
    const rows = session.page.getByTestId('profit-table').locator('tbody tr');
    expect(await rows.count()).toBe(report.rows.length);

    await session.page.getByRole('button', { name: 'Revenue', exact: true }).click();
    const top = [...report.rows].sort((a, b) => b.revenue - a.revenue || a.sku.localeCompare(b.sku))[0]!;
    await expect
      .poll(() => rows.first().getAttribute('data-testid'))
      .toBe(`profit-row-${top.sku}-${top.currency}`);
    expect(
      await session.page
        .getByRole('columnheader', { name: 'Revenue', exact: true })
        .getAttribute('aria-sort'),
    ).toBe('descending');

    const csv = await session.page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(csv).toMatch(
      /^\/api\/v1\/reports\/profit\?format=csv&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/,
    );
    const head = await session.page.evaluate(
      async (href) => (await fetch(href)).text().then((t) => t.split(/\r?\n/)[0]),
      csv!,
    );
    expect(head).toContain('sku,asin,product-name,currency,other-currencies,units-sold,revenue,cogs');
    await screenshot(session.page, 'profit');
    expect(await seriousViolations(session.page)).toEqual([]);

    // A sale in EUR is its own row and its own totals: never added to the USD figures. Shipped
    // yesterday: the session.page's default period ends with yesterday.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const order = await call<{ id: number }>('/api/v1/orders', {
      method: 'POST',
      body: {
        channel: 'shopify',
        externalId: 'EU-PROFIT-1',
        orderedAt: `${yesterday}T10:00:00Z`,
        currency: 'EUR',
        lines: [{ sku: top.sku, quantity: 1, unitPrice: 12.5 }],
      },
    });
    await call(`/api/v1/orders/${String(order.id)}/ship`, {
      method: 'POST',
      body: { shippedAt: `${yesterday}T12:00:00Z` },
    });
    const after = await call<ProfitPage>('/api/v1/reports/profit?limit=5000');
    const eur = after.summary.totals.find((t) => t.currency === 'EUR');
    expect(eur).toMatchObject({ revenue: 12.5 });
    expect(after.summary.totals.find((t) => t.currency === 'USD')!.revenue).toBe(usdTotals!.revenue);
    await settle(session.page, `${session.server.url}/profit`);
    const eurBlock = session.page.getByTestId('profit-totals-EUR');
    const euro = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(12.5);
    await expect.poll(() => eurBlock.getByTestId('profit-total-revenue').innerText()).toContain(euro);
    expect(await eurBlock.innerText()).toContain('Totals in EUR');
    const eurRow = session.page.getByTestId(`profit-row-${top.sku}-EUR`);
    expect(await eurRow.innerText()).toContain('also in USD');
    expect(await eurRow.innerText()).toContain(euro);
    expect(await session.page.getByTestId('profit-mixed-note').count()).toBe(1);
    await screenshot(session.page, 'profit-two-currencies');
    expect(await seriousViolations(session.page)).toEqual([]);

    // Totals in one currency at the seller's own rates: into USD without a EUR rate names EUR as missing
    // and shows no total; with EUR at 1.08 the total is the server's, the rate said beside it.
    await choose(session.page, 'profit-convert-to', 'USD');
    const missing = session.page.getByTestId('profit-converted-missing');
    await expect.poll(() => missing.innerText(), { timeout: 30_000 }).toContain('No rate for EUR');
    expect(await session.page.getByTestId('profit-converted-total').count()).toBe(0);
    await session.page.getByTestId('profit-rate-EUR').fill('1.08');
    const convertedReport = await call<ProfitPage>(
      '/api/v1/reports/profit?limit=1&convertTo=USD&rates=EUR:1.08',
    );
    const inUsd = convertedReport.summary.converted!.total!;
    expect(inUsd.revenue).toBeCloseTo(usdTotals!.revenue + 12.5 * 1.08, 6);
    const convertedBlock = session.page.getByTestId('profit-converted-total');
    await expect
      .poll(() => convertedBlock.getByTestId('profit-total-revenue').innerText(), { timeout: 30_000 })
      .toContain(usd(inUsd.revenue));
    expect(await convertedBlock.getByTestId('profit-total-profit').innerText()).toContain(usd(inUsd.profit));
    expect(await session.page.getByTestId('profit-converted-rates').innerText()).toBe(
      'Rates used: 1 EUR = 1.08 USD',
    );
    expect(await missing.count()).toBe(0);
    // remembered for this account: the page opened again converts at the same rate
    await settle(session.page, `${session.server.url}/profit`);
    await expect
      .poll(() => convertedBlock.getByTestId('profit-total-revenue').innerText(), { timeout: 30_000 })
      .toContain(usd(inUsd.revenue));
    expect(await session.page.getByTestId('profit-rate-EUR').inputValue()).toBe('1.08');
    await screenshot(session.page, 'profit-converted');
    expect(await seriousViolations(session.page)).toEqual([]);
  });

  it('channels: the demo seller’s Amazon and Shopify are connected; connecting another Shopify shop replaces its shop', async () => {
    await settle(session.page, `${session.server.url}/orders/channels`);
    expect(await session.page.getByTestId('channel-amazon').getByTestId('channel-state').textContent()).toBe(
      'Connected',
    );
    expect(await session.page.getByTestId('channel-shopify').innerText()).toContain(
      'lumen-home-goods-demo.myshopify.com',
    );
    await session.page.getByTestId('connect-channel').click();
    await session.page.getByTestId('connect-shop').fill('lumen-home.myshopify.com');
    await session.page.getByTestId('connect-secret').fill('shpss_0123456789abcdef');
    await session.page.getByRole('button', { name: 'Connect', exact: true }).click();
    const row = session.page.getByTestId('channel-shopify');
    // The demo's shop is already connected (webhooks only): wait for the new shop's domain itself.
    await expect.poll(() => row.innerText()).toContain('lumen-home.myshopify.com');
    expect(await row.getByTestId('channel-state').textContent()).toBe('Connected (webhooks only)');
    const channels = await call<{
      items: { channel: string; shopDomain: string; hasWebhookSecret: boolean }[];
    }>('/api/v1/channels');
    expect(channels.items).toHaveLength(2);
    expect(channels.items).toContainEqual(
      expect.objectContaining({
        channel: 'shopify',
        shopDomain: 'lumen-home.myshopify.com',
        hasWebhookSecret: true,
      }),
    );
    expect(await seriousViolations(session.page)).toEqual([]);
  });

  it('imports: a bad line refuses the file with its line number; skipping it imports the rest in a job', async () => {
    const csv = [
      'channel,external_id,ordered_at,sku,quantity,unit_price,currency',
      'shopify,#E2E-1,2026-11-01,APP-0001-SMA,1,19.99,USD',
      'shopify,#E2E-2,2026-11-01,NO-SUCH-SKU,1,5,USD',
      '',
    ].join('\n');
    const file = { name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };
    await settle(session.page, `${session.server.url}/orders/imports`);
    await session.page.locator('input[type="file"]').setInputFiles(file);
    await session.page.getByTestId('import-submit').click();
    const reject = session.page.getByTestId('reject-line-3');
    await reject.waitFor();
    expect(await reject.innerText()).toContain('sku');
    expect(await session.page.getByTestId('import-outcome').innerText()).toContain('Nothing was imported');
    expect((await call<{ items: unknown[] }>('/api/v1/orders?externalId=%23E2E-1')).items).toEqual([]);

    await session.page.getByTestId('import-skip-invalid').check();
    await session.page.getByTestId('import-submit').click();
    await expect
      .poll(() => session.page.getByTestId('import-job-status').textContent(), { timeout: 60_000 })
      .toBe('Succeeded');
    await reject.waitFor();
    await screenshot(session.page, 'orders-import');
    expect(await seriousViolations(session.page)).toEqual([]);

    // The imported order, found with the channel filter.
    await settle(session.page, `${session.server.url}/orders`);
    await choose(session.page, 'orders-channel', 'Shopify');
    await session.page.getByTestId('order-#E2E-1').waitFor();
    expect(await session.page.getByTestId('order-#E2E-1').innerText()).toContain('APP-0001-SMA');
    expect(await session.page.getByTestId('order-#E2E-2').count()).toBe(0);
  });

  it('fee tables: a new table from a date, with an edited storage rate and MCF rows, is saved', async () => {
    await settle(session.page, `${session.server.url}/settings/fees`);
    // The built-in table is read-only.
    expect(await session.page.getByTestId('fee-save').count()).toBe(0);
    await session.page.getByTestId('fee-new').click();
    await session.page.getByTestId('fee-new-date').fill('2030-01-01');
    await session.page.getByTestId('fee-new-submit').click();
    await session.page.getByTestId('fee-save').waitFor();
    await session.page.getByTestId('fee-standardOffPeak').fill('0.91');
    await session.page.getByTestId('fee-save').click();
    await session.page.getByTestId('fee-saved').waitFor();
    const mine = (await call<{ items: FeeSchedule[] }>('/api/v1/fees')).items.find(
      (s) => s.source === 'account',
    );
    expect(mine).toMatchObject({ effectiveFrom: '2030-01-01', storage: { standard: { offPeak: 0.91 } } });
    await session.page.reload();
    await expect.poll(() => session.page.getByTestId('fee-standardOffPeak').inputValue()).toBe('0.91');
    expect(await seriousViolations(session.page)).toEqual([]);

    // Its Multi-Channel Fulfilment rows, copied from the US table: the first (small standard up to
    // 4 oz, 1-unit orders) gets a new fee, and a row is removed
    const rows = session.page.getByTestId('mcf-row');
    await expect.poll(() => rows.count()).toBe(mine!.mcf.length);
    await session.page.getByTestId('mcf-fee-0').fill('4.5');
    await rows.last().getByRole('button', { name: 'Remove this row' }).click();
    await session.page.getByTestId('mcf-save').click();
    await session.page.getByTestId('mcf-saved').waitFor();
    const edited = (await call<{ items: FeeSchedule[] }>('/api/v1/fees')).items.find(
      (s) => s.id === mine!.id,
    );
    expect(edited!.mcf).toHaveLength(mine!.mcf.length - 1);
    expect(edited!.mcf).toContainEqual(
      expect.objectContaining({
        sizeTier: 'small_standard',
        maxWeightLb: 0.25,
        minUnitsInOrder: 1,
        fee: 4.5,
      }),
    );
    // the storage rate saved before is kept
    expect(edited).toMatchObject({ storage: { standard: { offPeak: 0.91 } } });
    expect(await seriousViolations(session.page)).toEqual([]);
  });

  it('notifications: a webhook is saved and its new secret shown once', async () => {
    await settle(session.page, `${session.server.url}/settings/notifications`);
    await session.page.getByRole('switch', { name: 'Post alerts to a webhook' }).check();
    await session.page.getByTestId('notify-url').fill('https://hooks.example.com/stockwise');
    await session.page.getByTestId('notify-recipients').fill('ops@example.com');
    await session.page.getByTestId('notify-save').click();
    const secret = await session.page.getByTestId('notify-secret').textContent();
    expect(secret?.length).toBeGreaterThanOrEqual(16);
    const saved = await call<{ webhook: { url: string; secretSet: boolean }; alertRecipients: string[] }>(
      '/api/v1/alerts/settings',
    );
    expect(saved).toMatchObject({
      webhook: { url: 'https://hooks.example.com/stockwise', secretSet: true },
      alertRecipients: ['ops@example.com'],
    });
    expect(await seriousViolations(session.page)).toEqual([]);
  });

  it('a viewer sees the pages without edit buttons', async () => {
    const viewer = { email: 'viewer-e2e@example.com', password: 'viewer-password-1' };
    await addViewer(session.page, viewer);
    const { context, phone, phoneErrors } = await signedInPhone(session.browser, session.server.url, viewer);
    await settle(phone, `${session.server.url}/suppliers`);
    await phone.getByTestId('supplier-BR-WHOLESALE').waitFor();
    expect(await phone.getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    await settle(phone, `${session.server.url}/orders/channels`);
    expect(await phone.getByTestId('connect-channel').count()).toBe(0);
    await settle(phone, `${session.server.url}/orders/imports`);
    expect(await phone.getByTestId('import-form').count()).toBe(0);
    await settle(phone, `${session.server.url}/settings/fees`);
    await phone.getByTestId('fee-form').waitFor();
    expect(await phone.getByTestId('fee-new').count()).toBe(0);
    expect(await phone.getByTestId('fee-save').count()).toBe(0);
    await settle(phone, `${session.server.url}/settings/notifications`);
    expect(await phone.getByTestId('notify-save').count()).toBe(0);
    await settle(phone, `${session.server.url}/profit`);
    await phone.getByTestId('profit-summary').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(phone, 'profit-390');
    expect(phoneErrors).toEqual([]);
    await context.close();
  });

  it('profitability leaves no English in 简体中文 and 繁體中文', async () => {
    // Checked here rather than in the language sweep: the report is computed on demand, which takes a while on a loaded machine.
    await session.page.goto(`${session.server.url}/profit`);
    await session.page.getByTestId('profit-summary').waitFor({ timeout: 180_000 });
    await inEachChinese(session.page, async () => {
      expect(await untranslatedWords(session.page)).toEqual([]);
    });
  });

  it('logged no console errors', () => {
    expect(session.errors).toEqual([]);
  });
});
