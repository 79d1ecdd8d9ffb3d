import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { seriousViolations } from './support/axe';
import { HAS_CHROMIUM, login, screenshot } from './support/browser';
import { DEMO, type RunningServer } from './support/server';
import { useBrowserSession } from './support/session';

// A page sweep in a real browser on a loaded 2-core CI machine can pass 60 s; a hang still fails.
vi.setConfig({ testTimeout: 240_000 });

/**
 * The dashboard against the real server and its demo seller, in Debian's Chromium: sign-in, the
 * overview's numbers against the API's own answers, barcode lookup into SKU detail, the inventory
 * grid, settings, role-free pages and accessibility.
 */

interface BalanceRow {
  sku: string;
  location: string;
  onHand: number;
  inbound: number;
  unfulfillable: number;
}

const run = HAS_CHROMIUM || Boolean(process.env['CI']);

describe.skipIf(!run)('dashboard (browser)', () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  const session = useBrowserSession();
  beforeAll(() => {
    ({ server, context, page, errors } = session);
  });

  const api = async <T>(path: string): Promise<T> =>
    (await page.evaluate(async (p) => (await fetch(p)).json() as Promise<unknown>, path)) as T;

  it('sends a signed-out visitor to the sign-in page and rejects a wrong password', async () => {
    await page.goto(`${server.url}/inventory`);
    await page.waitForURL(/\/login\?next=%2Finventory/);
    await page.locator('input[autocomplete="username"]').fill(DEMO.email);
    await page.locator('input[autocomplete="current-password"]').fill('not-the-password');
    await page.locator('form button[type="submit"]').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Wrong email or password');
    await screenshot(page, 'login-error');
  });

  it("signs in with the demo login and shows the overview with the ledger's real numbers", async () => {
    await login(page, server.url, DEMO);
    const items: BalanceRow[] = [];
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const pageOfRows: { items: BalanceRow[]; nextCursor: string | null } = await api(
        `/api/v1/inventory?limit=1000${cursor ? `&cursor=${cursor}` : ''}`,
      );
      items.push(...pageOfRows.items);
      cursor = pageOfRows.nextCursor;
    }
    const sum = (key: 'onHand' | 'inbound' | 'unfulfillable') =>
      items.reduce((total, row) => total + row[key], 0);
    const shown = async (testId: string) =>
      (await page.getByTestId(testId).locator('[data-value]').textContent())?.replace(/[^\d]/g, '');

    expect(await shown('stat-skus')).toBe('300');
    expect(Number(await shown('stat-on-hand'))).toBe(sum('onHand'));
    expect(Number(await shown('stat-inbound'))).toBe(sum('inbound'));
    expect(Number(await shown('stat-unfulfillable'))).toBe(sum('unfulfillable'));
    expect(sum('onHand')).toBeGreaterThan(1000);
    const locations = await page.getByTestId('location-table').locator('tbody tr').allTextContents();
    expect(locations.some((row) => row.includes('FBA-US'))).toBe(true);
    expect(locations.some((row) => row.includes('WH1'))).toBe(true);
    // IPI and restock either show data or a calm empty state, never an error.
    await expect.poll(() => page.getByTestId('ipi-card').textContent()).not.toContain('Something went wrong');
    await screenshot(page, 'overview');
  });

  it('finds a SKU by its barcode (keyboard-wedge style: type, Enter) and opens SKU detail', async () => {
    const product: { sku: string; barcode: string; title: string } = (
      await api<{ items: { sku: string; barcode: string; title: string }[] }>(
        '/api/v1/products?limit=5&q=HOM',
      )
    ).items[0]!;
    await page.getByRole('link', { name: 'Barcode lookup' }).click();
    const input = page.getByTestId('lookup-input');
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(product.barcode, { delay: 5 });
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/products/${product.sku}$`));
    expect(await page.getByTestId('product-title').textContent()).toBe(product.title);
    await page.getByTestId('balances-table').waitFor();
    await page.getByTestId('movements-table').waitFor();
    expect(await page.getByTestId('balances-table').locator('tbody tr').count()).toBeGreaterThan(0);
    await page.getByTestId('forecast-panel').waitFor();
    await screenshot(page, 'sku-detail');
  });

  it('says so when a scanned code matches nothing, and keeps the code selected for the next scan', async () => {
    await page.goto(`${server.url}/lookup`);
    await page.getByTestId('lookup-input').fill('0000000000000');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('No product matches that code');
    expect(page.url()).toMatch(/\/lookup$/);
  });

  it('searches, filters and sorts the inventory grid', async () => {
    await page.goto(`${server.url}/inventory`);
    const count = page.getByTestId('inventory-count');
    await expect.poll(() => count.textContent()).toMatch(/^600 of 600 rows$/);
    await page.getByTestId('inventory-search').fill('APP-0001');
    await expect.poll(() => count.textContent()).toMatch(/^2 of 600 rows$/);
    await page.getByTestId('inventory-search').fill('');
    await page.goto(`${server.url}/inventory?status=stockout&location=FBA-US`);
    await expect.poll(() => count.textContent()).toMatch(/^\d+ of 600 rows$/);
    const available = await page
      .locator('[data-testid="inventory-table"] tbody tr[data-sku] td:nth-child(5)')
      .allTextContents();
    expect(available.length).toBeGreaterThan(0);
    expect(available.every((cell) => cell.trim() === '0')).toBe(true);
    await page.goto(`${server.url}/inventory`);
    await page.locator('button[data-column="onHand"]').click();
    await page.locator('th[aria-sort="ascending"] button[data-column="onHand"]').waitFor();
    await page.locator('button[data-column="onHand"]').click();
    await page.locator('th[aria-sort="descending"] button[data-column="onHand"]').waitFor();
    const onHand = (
      await page
        .locator('[data-testid="inventory-table"] tbody tr[data-sku] td:nth-child(4)')
        .allTextContents()
    )
      .slice(0, 10)
      .map((s) => Number(s.replace(/[^\d-]/g, '')));
    expect(onHand).toEqual([...onHand].sort((a, b) => b - a));
    expect(await page.locator('th[aria-sort="descending"]').count()).toBe(1);
    await screenshot(page, 'inventory');
  });

  it('exports the filtered grid as CSV', async () => {
    await page.goto(`${server.url}/inventory?q=APP-0001`);
    await expect.poll(() => page.getByTestId('inventory-count').textContent()).toMatch(/^2 of/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const lines = Buffer.concat(chunks)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^SKU,Title,Location,On hand/);
    expect(lines[1]).toMatch(/^APP-0001/);
  });

  it('creates an API token, shows it once, and revokes it', async () => {
    await page.goto(`${server.url}/settings/tokens`);
    await page.getByTestId('new-token').click();
    await page.getByTestId('token-name').fill('e2e import');
    await page.getByRole('dialog').locator('button[type="submit"]').click();
    const secret = (await page.getByTestId('token-secret').textContent()) ?? '';
    expect(secret.length).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Done' }).click();
    const row = page.getByTestId('tokens-table').locator('tr', { hasText: 'e2e import' });
    await row.waitFor();
    expect(await page.content()).not.toContain(secret);
    await row.getByRole('button', { name: 'Revoke token e2e import' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => row.textContent()).toContain('Revoked');
    await screenshot(page, 'settings-tokens');
  });

  it('lists locations and creates one', async () => {
    await page.goto(`${server.url}/settings/locations`);
    await page.getByTestId('locations-table').waitFor();
    await page.getByTestId('new-location').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input').nth(0).fill('3PL-EAST');
    await dialog.locator('input').nth(1).fill('East coast 3PL');
    await dialog.locator('button[type="submit"]').click();
    await expect.poll(() => page.getByTestId('locations-table').textContent()).toContain('3PL-EAST');
  });

  it('renders jobs, restock and an unknown route without crashing', async () => {
    for (const path of ['/jobs', '/restock', '/no-such-page']) {
      await page.goto(`${server.url}${path}`);
      await page.locator('main h1').first().waitFor();
      expect(await page.locator('[role="alert"]').count()).toBe(0);
    }
    await page.goto(`${server.url}/jobs`);
    await screenshot(page, 'jobs');
  });

  it('has no serious or critical accessibility violations on the main pages', async () => {
    const report: Record<string, unknown> = {};
    for (const path of [
      '/',
      '/inventory',
      '/products/APP-0001-SMA',
      '/lookup',
      '/settings/tokens',
      '/jobs',
      '/restock',
    ]) {
      await page.goto(`${server.url}${path}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const violations = await seriousViolations(page);
      if (violations.length) report[path] = violations;
    }
    await page.goto(`${server.url}/`);
    await context.clearCookies();
    await page.goto(`${server.url}/login`);
    await page.locator('form').waitFor();
    const loginViolations = await seriousViolations(page);
    if (loginViolations.length) report['/login'] = loginViolations;
    expect(report).toEqual({});
  });

  it('logged no console errors along the way', () => {
    expect(errors).toEqual([]);
  });
});
