import { describe, expect, it, vi } from 'vitest';
import { seriousViolations } from './support/axe';
import { login, screenshot } from './support/browser';
import { DEMO } from './support/server';
import { useBrowserSession } from './support/session';
import { RUN_BROWSER_SUITES } from './support/steps';

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

describe.skipIf(!RUN_BROWSER_SUITES)('dashboard (browser)', () => {
  const session = useBrowserSession();

  const api = async <T>(path: string): Promise<T> =>
    (await session.page.evaluate(async (p) => (await fetch(p)).json() as Promise<unknown>, path)) as T;

  it('sends a signed-out visitor to the sign-in page and rejects a wrong password', async () => {
    await session.page.goto(`${session.server.url}/inventory`);
    await session.page.waitForURL(/\/login\?next=%2Finventory/);
    await session.page.locator('input[autocomplete="username"]').fill(DEMO.email);
    await session.page.locator('input[autocomplete="current-password"]').fill('not-the-password');
    await session.page.locator('form button[type="submit"]').click();
    await expect
      .poll(() => session.page.getByRole('alert').textContent())
      .toContain('Wrong email or password');
    await screenshot(session.page, 'login-error');
  });

  it("signs in with the demo login and shows the overview with the ledger's real numbers", async () => {
    await login(session.page, session.server.url, DEMO);
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
      (await session.page.getByTestId(testId).locator('[data-value]').textContent())?.replace(/[^\d]/g, '');

    expect(await shown('stat-skus')).toBe('300');
    expect(Number(await shown('stat-on-hand'))).toBe(sum('onHand'));
    expect(Number(await shown('stat-inbound'))).toBe(sum('inbound'));
    expect(Number(await shown('stat-unfulfillable'))).toBe(sum('unfulfillable'));
    expect(sum('onHand')).toBeGreaterThan(1000);
    const locations = await session.page.getByTestId('location-table').locator('tbody tr').allTextContents();
    expect(locations.some((row) => row.includes('FBA-US'))).toBe(true);
    expect(locations.some((row) => row.includes('WH1'))).toBe(true);
    // IPI and restock either show data or a calm empty state, never an error.
    await expect
      .poll(() => session.page.getByTestId('ipi-card').textContent())
      .not.toContain('Something went wrong');
    await screenshot(session.page, 'overview');
  });

  it('finds a SKU by its barcode (keyboard-wedge style: type, Enter) and opens SKU detail', async () => {
    const product: { sku: string; barcode: string; title: string } = (
      await api<{ items: { sku: string; barcode: string; title: string }[] }>(
        '/api/v1/products?limit=5&q=HOM',
      )
    ).items[0]!;
    await session.page.getByRole('link', { name: 'Barcode lookup' }).click();
    const input = session.page.getByTestId('lookup-input');
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await session.page.keyboard.type(product.barcode, { delay: 5 });
    await session.page.keyboard.press('Enter');
    await session.page.waitForURL(new RegExp(`/products/${product.sku}$`));
    expect(await session.page.getByTestId('product-title').textContent()).toBe(product.title);
    await session.page.getByTestId('balances-table').waitFor();
    await session.page.getByTestId('movements-table').waitFor();
    expect(await session.page.getByTestId('balances-table').locator('tbody tr').count()).toBeGreaterThan(0);
    await session.page.getByTestId('forecast-panel').waitFor();
    await screenshot(session.page, 'sku-detail');
  });

  it('says so when a scanned code matches nothing, and keeps the code selected for the next scan', async () => {
    await session.page.goto(`${session.server.url}/lookup`);
    await session.page.getByTestId('lookup-input').fill('0000000000000');
    await session.page.keyboard.press('Enter');
    await expect
      .poll(() => session.page.getByRole('alert').textContent())
      .toContain('No product matches that code');
    expect(session.page.url()).toMatch(/\/lookup$/);
  });

  it('searches, filters and sorts the inventory grid', async () => {
    await session.page.goto(`${session.server.url}/inventory`);
    const count = session.page.getByTestId('inventory-count');
    await expect.poll(() => count.textContent()).toMatch(/^600 of 600 rows$/);
    await session.page.getByTestId('inventory-search').fill('APP-0001');
    await expect.poll(() => count.textContent()).toMatch(/^2 of 600 rows$/);
    await session.page.getByTestId('inventory-search').fill('');
    await session.page.goto(`${session.server.url}/inventory?status=stockout&location=FBA-US`);
    await expect.poll(() => count.textContent()).toMatch(/^\d+ of 600 rows$/);
    const available = await session.page
      .locator('[data-testid="inventory-table"] tbody tr[data-sku] td:nth-child(5)')
      .allTextContents();
    expect(available.length).toBeGreaterThan(0);
    expect(available.every((cell) => cell.trim() === '0')).toBe(true);
    await session.page.goto(`${session.server.url}/inventory`);
    await session.page.locator('button[data-column="onHand"]').click();
    await session.page.locator('th[aria-sort="ascending"] button[data-column="onHand"]').waitFor();
    await session.page.locator('button[data-column="onHand"]').click();
    await session.page.locator('th[aria-sort="descending"] button[data-column="onHand"]').waitFor();
    const onHand = (
      await session.page
        .locator('[data-testid="inventory-table"] tbody tr[data-sku] td:nth-child(4)')
        .allTextContents()
    )
      .slice(0, 10)
      .map((s) => Number(s.replace(/[^\d-]/g, '')));
    expect(onHand).toEqual([...onHand].sort((a, b) => b - a));
    expect(await session.page.locator('th[aria-sort="descending"]').count()).toBe(1);
    await screenshot(session.page, 'inventory');
  });

  it('exports the filtered grid as CSV', async () => {
    await session.page.goto(`${session.server.url}/inventory?q=APP-0001`);
    await expect.poll(() => session.page.getByTestId('inventory-count').textContent()).toMatch(/^2 of/);
    const [download] = await Promise.all([
      session.page.waitForEvent('download'),
      session.page.getByTestId('export-csv').click(),
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
    await session.page.goto(`${session.server.url}/settings/tokens`);
    await session.page.getByTestId('new-token').click();
    await session.page.getByTestId('token-name').fill('e2e import');
    await session.page.getByRole('dialog').locator('button[type="submit"]').click();
    const secret = (await session.page.getByTestId('token-secret').textContent()) ?? '';
    expect(secret.length).toBeGreaterThan(20);
    await session.page.getByRole('button', { name: 'Done' }).click();
    const row = session.page.getByTestId('tokens-table').locator('tr', { hasText: 'e2e import' });
    await row.waitFor();
    expect(await session.page.content()).not.toContain(secret);
    await row.getByRole('button', { name: 'Revoke token e2e import' }).click();
    await session.page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => row.textContent()).toContain('Revoked');
    await screenshot(session.page, 'settings-tokens');
  });

  it('lists locations and creates one', async () => {
    await session.page.goto(`${session.server.url}/settings/locations`);
    await session.page.getByTestId('locations-table').waitFor();
    await session.page.getByTestId('new-location').click();
    const dialog = session.page.getByRole('dialog');
    await dialog.locator('input').nth(0).fill('3PL-EAST');
    await dialog.locator('input').nth(1).fill('East coast 3PL');
    await dialog.locator('button[type="submit"]').click();
    await expect.poll(() => session.page.getByTestId('locations-table').textContent()).toContain('3PL-EAST');
  });

  it('renders jobs, restock and an unknown route without crashing', async () => {
    for (const path of ['/jobs', '/restock', '/no-such-page']) {
      await session.page.goto(`${session.server.url}${path}`);
      await session.page.locator('main h1').first().waitFor();
      expect(await session.page.locator('[role="alert"]').count()).toBe(0);
    }
    await session.page.goto(`${session.server.url}/jobs`);
    await screenshot(session.page, 'jobs');
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
      await session.page.goto(`${session.server.url}${path}`);
      await session.page.locator('main h1').first().waitFor();
      await session.page.waitForLoadState('networkidle');
      const violations = await seriousViolations(session.page);
      if (violations.length) report[path] = violations;
    }
    await session.page.goto(`${session.server.url}/`);
    await session.context.clearCookies();
    await session.page.goto(`${session.server.url}/login`);
    await session.page.locator('form').waitFor();
    const loginViolations = await seriousViolations(session.page);
    if (loginViolations.length) report['/login'] = loginViolations;
    expect(report).toEqual({});
  });

  it('logged no console errors along the way', () => {
    expect(session.errors).toEqual([]);
  });
});
