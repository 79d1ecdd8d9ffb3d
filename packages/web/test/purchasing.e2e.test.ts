import { describe, expect, it, vi } from 'vitest';
import { seriousViolations } from './support/axe';
import { screenshot } from './support/browser';
import { useBrowserSession } from './support/session';
import { RUN_BROWSER_SUITES, pageJson } from './support/steps';

// A page sweep in a real browser on a loaded 2-core CI machine can pass 60 s; a hang still fails.
vi.setConfig({ testTimeout: 240_000 });

/**
 * Purchasing end to end against the real server: draft an order from the restock planner with an
 * edited quantity, send it, and receive it on a phone the way a keyboard-wedge scanner does (the
 * barcode typed fast, then Enter), watching received quantities move.
 */

interface RestockItem {
  sku: string;
  location: string;
  action: string;
}
interface Order {
  number: string;
  status: string;
  lines: { sku: string; barcode: string | null; quantity: number; receivedQuantity: number }[];
}

describe.skipIf(!RUN_BROWSER_SUITES)('purchasing (browser)', () => {
  const session = useBrowserSession({ signIn: true });

  const api = <T>(path: string): Promise<T> => pageJson<T>(session.page, path);

  it('creates a purchase order from the restock planner, sends it and receives it by scanning', async () => {
    const plan = await api<{ items: RestockItem[] }>('/api/v1/restock');
    const rec = plan.items.find((item) => item.action === 'purchase');
    expect(rec).toBeDefined();
    const { sku, location } = rec!;

    await session.page.goto(`${session.server.url}/restock`);
    // The planner draws only the rows in view: the search brings the line into view.
    await session.page.getByTestId('planner-search').fill(sku);
    await session.page.getByRole('checkbox', { name: `Order ${sku} for ${location}` }).check();
    await session.page
      .getByRole('textbox', { name: `Quantity to order of ${sku} for ${location}` })
      .fill('3');
    await session.page.getByRole('button', { name: 'Create purchase orders (1)' }).click();
    await session.page.waitForURL(/\/purchase-orders\/PO-[\w-]+$/);
    const number = decodeURIComponent(new URL(session.page.url()).pathname.split('/').pop()!);

    const drafted = await api<Order>(`/api/v1/purchase-orders/${number}`);
    expect(drafted.status).toBe('draft');
    expect(drafted.lines.map((line) => [line.sku, line.quantity])).toEqual([[sku, 3]]);
    await expect.poll(() => session.page.getByTestId('po-status').textContent()).toBe('Draft');
    expect(await session.page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe(
      `/api/v1/purchase-orders/${number}/export.csv`,
    );

    await session.page.getByRole('button', { name: 'Send to supplier' }).click();
    await expect.poll(() => session.page.getByTestId('po-status').textContent()).toBe('Sent');
    await screenshot(session.page, 'purchase-order-sent');

    // Receiving happens on a phone.
    await session.page.setViewportSize({ width: 390, height: 844 });
    await session.page.getByTestId('po-receive').click();
    await session.page.waitForURL(/\/receive$/);
    const input = session.page.getByTestId('receive-input');
    await input.waitFor();
    const received = () =>
      session.page.getByTestId(`receive-line-${sku}`).getByTestId('line-received').textContent();
    expect(await received()).toBe('0 / 3');

    const barcode = drafted.lines[0]!.barcode;
    expect(barcode).toBeTruthy();
    // A keyboard-wedge scanner: characters a few milliseconds apart, then Enter.
    await input.focus();
    await session.page.keyboard.type(barcode!, { delay: 4 });
    await session.page.keyboard.press('Enter');
    await expect.poll(received).toBe('1 / 3');
    await expect
      .poll(() => session.page.getByTestId('receive-outcome').textContent())
      .toBe(`Received 1 × ${sku}`);
    expect(await input.inputValue()).toBe('');

    // An unknown code and an over-receipt say so plainly and receive nothing.
    // The field kept focus after the scan, so the next scan needs no tap.
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await session.page.keyboard.type('0000000000000', { delay: 4 });
    await session.page.keyboard.press('Enter');
    await expect
      .poll(() => session.page.getByTestId('receive-outcome').textContent())
      .toBe('Unknown code 0000000000000: it matches no product on this order.');
    await input.fill(`${sku} 9`);
    await input.press('Enter');
    await expect
      .poll(() => session.page.getByTestId('receive-outcome').textContent())
      .toContain('Too many of');
    expect(await received()).toBe('1 / 3');

    // Typed SKU and quantity finish the order.
    await input.fill(`${sku} 2`);
    await input.press('Enter');
    await expect.poll(received).toBe('3 / 3');
    await expect.poll(() => session.page.getByTestId('po-status').textContent()).toBe('Received');
    await screenshot(session.page, 'purchase-order-received-390');
    expect(await session.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(session.page)).toEqual([]);

    const after = await api<Order>(`/api/v1/purchase-orders/${number}`);
    expect(after.lines[0]!.receivedQuantity).toBe(3);
  });

  it('lists the new order among purchase orders', async () => {
    await session.page.setViewportSize({ width: 1280, height: 900 });
    await session.page.goto(`${session.server.url}/purchase-orders`);
    await session.page.locator('main h1').first().waitFor();
    await expect.poll(() => session.page.getByRole('link', { name: /^PO-/ }).count()).toBeGreaterThan(0);
  });

  it('logged no console errors', () => {
    expect(session.errors).toEqual([]);
  });
});
