import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { seriousViolations } from './support/axe';
import { HAS_CHROMIUM, screenshot } from './support/browser';
import type { RunningServer } from './support/server';
import { useBrowserSession } from './support/session';

// A page sweep in a real browser on a loaded 2-core CI machine can pass 60 s; a hang still fails.
vi.setConfig({ testTimeout: 240_000 });

/**
 * The purchasing desk on the demo seller: edit a draft purchase order (supplier, expected date,
 * quantity) and see the list show its expected date; cancel a draft on a phone in 简体中文; create a
 * supplier and delete it in 繁體中文, and delete one that orders name (it is kept, inactive).
 */

interface Po {
  number: string;
  status: string;
  expectedOn: string | null;
  supplier: { code: string };
  lines: { sku: string; quantity: number }[];
}
interface Supplier {
  code: string;
  name: string;
  active: boolean;
}

const run = HAS_CHROMIUM || Boolean(process.env['CI']);

describe.skipIf(!run)('purchasing desk (browser)', () => {
  let server: RunningServer;
  let page: Page;
  let errors: string[];

  const session = useBrowserSession({ signIn: true });
  beforeAll(() => {
    ({ server, page, errors } = session);
  });

  const call = async <T>(path: string, init?: { method: string; body?: unknown }): Promise<T> =>
    (await page.evaluate(
      async ([p, i]) => {
        const res = await fetch(p, {
          method: i?.method ?? 'GET',
          headers: { 'Content-Type': 'application/json' },
          ...(i?.body !== undefined ? { body: JSON.stringify(i.body) } : {}),
        });
        return res.status === 204 ? {} : ((await res.json()) as unknown);
      },
      [path, init] as const,
    )) as T;

  const language = async (label: string) => {
    await page.getByTestId('language-switcher').click();
    await page.getByRole('menuitem', { name: label }).click();
  };

  /** A fresh draft from the current recommendations for one SKU the plan buys. */
  const draft = async (): Promise<Po> => {
    const plan = await call<{ items: { sku: string; action: string; supplier: string | null }[] }>(
      '/api/v1/restock?limit=2000',
    );
    const drafts = await call<{ items: Po[] }>('/api/v1/purchase-orders', {
      method: 'POST',
      body: {
        fromRecommendations: true,
        skus: plan.items.filter((i) => i.action === 'purchase' && i.supplier).map((i) => i.sku),
      },
    });
    const po = drafts.items[0];
    expect(po?.status).toBe('draft');
    return po!;
  };

  it('edits a draft: another supplier, an expected date and a quantity; the list shows the date', async () => {
    const po = await draft();
    const suppliers = (await call<{ items: Supplier[] }>('/api/v1/suppliers')).items;
    const other = suppliers.find((s) => s.active && s.code !== po.supplier.code);
    expect(other).toBeDefined();
    const sku = po.lines[0]!.sku;

    await page.goto(`${server.url}/purchase-orders/${encodeURIComponent(po.number)}`);
    await page.getByTestId('po-edit').click();
    await page.getByTestId('po-edit-form').waitFor();
    await page.getByTestId('po-edit-supplier').click();
    await page.getByRole('option', { name: `${other!.name} · ${other!.code}` }).click();
    await page.getByTestId('po-edit-expected').fill('2027-03-15');
    await page.getByRole('textbox', { name: `Quantity of ${sku}` }).fill('7');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'purchase-order-edit');
    await page.getByTestId('po-edit-save').click();
    await page.getByTestId('po-edit-form').waitFor({ state: 'detached' });

    const after = await call<Po>(`/api/v1/purchase-orders/${po.number}`);
    expect(after).toMatchObject({
      status: 'draft',
      expectedOn: '2027-03-15',
      supplier: { code: other!.code },
    });
    expect(after.lines.find((l) => l.sku === sku)?.quantity).toBe(7);

    await page.goto(`${server.url}/purchase-orders`);
    await expect.poll(() => page.getByTestId(`po-expected-${po.number}`).textContent()).toMatch(/2027/);
  });

  it('cancels a draft on a phone in 简体中文', async () => {
    const po = await draft();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/purchase-orders/${encodeURIComponent(po.number)}`);
    await language('简体中文');
    await page.getByTestId('po-cancel').click();
    await page.getByTestId('po-cancel-confirm').click();
    await expect.poll(() => page.getByTestId('po-status').textContent()).toBe('已取消');
    expect((await call<Po>(`/api/v1/purchase-orders/${po.number}`)).status).toBe('cancelled');
    expect(await page.getByTestId('po-cancel').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('creates a supplier and deletes it in 繁體中文; one that orders name is kept inactive', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/suppliers`);
    await language('繁體中文');
    await page.getByTestId('supplier-new').click();
    await page.getByTestId('supplier-code').fill('E2E-NEW');
    await page.getByRole('textbox', { name: '名稱' }).fill('E2E Trading');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('supplier-create-submit').click();
    await page.getByTestId('supplier-create-form').waitFor({ state: 'detached' });
    const created = (await call<{ items: Supplier[] }>('/api/v1/suppliers')).items;
    expect(created.find((s) => s.code === 'E2E-NEW')).toMatchObject({ name: 'E2E Trading', active: true });

    const remove = async (code: string) => {
      await page.getByRole('button', { name: new RegExp(` ${code}$`) }).click();
      await page.getByTestId('supplier-delete').click();
      await page.getByTestId('supplier-delete-confirm').click();
    };
    const outcome = () => page.getByTestId('supplier-outcome').textContent();
    await remove('E2E-NEW');
    // Deleting waits for the server (a supplier with years of orders takes a while on a loaded machine).
    await expect.poll(outcome, { timeout: 60_000 }).toContain('已刪除 E2E-NEW');
    const gone = (await call<{ items: Supplier[] }>('/api/v1/suppliers')).items;
    expect(gone.some((s) => s.code === 'E2E-NEW')).toBe(false);

    const po = await draft();
    await remove(po.supplier.code);
    await expect.poll(outcome, { timeout: 60_000 }).toContain(`${po.supplier.code} 已被採購訂單引用`);
    const kept = (await call<{ items: Supplier[] }>('/api/v1/suppliers')).items;
    expect(kept.find((s) => s.code === po.supplier.code)?.active).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('ships an order and takes it back from its detail page', async () => {
    const stock = await call<{ items: { sku: string; available: number }[] }>('/api/v1/inventory?limit=200');
    const sku = stock.items.find((b) => b.available >= 2)?.sku;
    expect(sku).toBeDefined();
    const placed = await call<{ id: number; status: string }>('/api/v1/orders', {
      method: 'POST',
      body: { channel: 'shopify', externalId: '#E2E-1001', lines: [{ sku, quantity: 2 }] },
    });
    expect(placed.status).toBe('reserved');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/orders`);
    await language('English');
    await page.getByRole('link', { name: '#E2E-1001' }).click();
    await page.waitForURL(/\/orders\/view\/\d+$/);
    await page.getByTestId('order-ship').click();
    await expect.poll(() => page.getByTestId('order-status').textContent()).toBe('Shipped');
    expect(await page.getByTestId(`order-line-${sku!}`).getByTestId('line-shipped').textContent()).toBe('2');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('order-return').click();
    await expect
      .poll(() => page.getByTestId(`order-line-${sku!}`).getByTestId('line-returned').textContent())
      .toBe('2');
    const after = await call<{ lines: { quantityShipped: number; quantityReturned: number }[] }>(
      `/api/v1/orders/${placed.id}`,
    );
    expect(after.lines[0]).toMatchObject({ quantityShipped: 2, quantityReturned: 2 });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
