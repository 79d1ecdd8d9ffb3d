import { describe, expect, it, vi } from 'vitest';
import { seriousViolations } from './support/axe';
import { screenshot } from './support/browser';
import { useBrowserSession } from './support/session';
import { RUN_BROWSER_SUITES, chooseLanguage, pageJson } from './support/steps';

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

describe.skipIf(!RUN_BROWSER_SUITES)('purchasing desk (browser)', () => {
  const session = useBrowserSession({ signIn: true });

  const call = <T>(path: string, init?: { method: string; body?: unknown }): Promise<T> =>
    pageJson<T>(session.page, path, init);

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

    await session.page.goto(`${session.server.url}/purchase-orders/${encodeURIComponent(po.number)}`);
    await session.page.getByTestId('po-edit').click();
    await session.page.getByTestId('po-edit-form').waitFor();
    await session.page.getByTestId('po-edit-supplier').click();
    await session.page.getByRole('option', { name: `${other!.name} · ${other!.code}` }).click();
    await session.page.getByTestId('po-edit-expected').fill('2027-03-15');
    await session.page.getByRole('textbox', { name: `Quantity of ${sku}` }).fill('7');
    expect(await seriousViolations(session.page)).toEqual([]);
    await screenshot(session.page, 'purchase-order-edit');
    await session.page.getByTestId('po-edit-save').click();
    await session.page.getByTestId('po-edit-form').waitFor({ state: 'detached' });

    const after = await call<Po>(`/api/v1/purchase-orders/${po.number}`);
    expect(after).toMatchObject({
      status: 'draft',
      expectedOn: '2027-03-15',
      supplier: { code: other!.code },
    });
    expect(after.lines.find((l) => l.sku === sku)?.quantity).toBe(7);

    await session.page.goto(`${session.server.url}/purchase-orders`);
    await expect
      .poll(() => session.page.getByTestId(`po-expected-${po.number}`).textContent())
      .toMatch(/2027/);
  });

  it('cancels a draft on a phone in 简体中文', async () => {
    const po = await draft();
    await session.page.setViewportSize({ width: 390, height: 844 });
    await session.page.goto(`${session.server.url}/purchase-orders/${encodeURIComponent(po.number)}`);
    await chooseLanguage(session.page, '简体中文');
    await session.page.getByTestId('po-cancel').click();
    await session.page.getByTestId('po-cancel-confirm').click();
    await expect.poll(() => session.page.getByTestId('po-status').textContent()).toBe('已取消');
    expect((await call<Po>(`/api/v1/purchase-orders/${po.number}`)).status).toBe('cancelled');
    expect(await session.page.getByTestId('po-cancel').count()).toBe(0);
    expect(await session.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(session.page)).toEqual([]);
  });

  it('creates a supplier and deletes it in 繁體中文; one that orders name is kept inactive', async () => {
    await session.page.setViewportSize({ width: 1280, height: 900 });
    await session.page.goto(`${session.server.url}/suppliers`);
    await chooseLanguage(session.page, '繁體中文');
    await session.page.getByTestId('supplier-new').click();
    await session.page.getByTestId('supplier-code').fill('E2E-NEW');
    await session.page.getByRole('textbox', { name: '名稱' }).fill('E2E Trading');
    expect(await seriousViolations(session.page)).toEqual([]);
    await session.page.getByTestId('supplier-create-submit').click();
    await session.page.getByTestId('supplier-create-form').waitFor({ state: 'detached' });
    const created = (await call<{ items: Supplier[] }>('/api/v1/suppliers')).items;
    expect(created.find((s) => s.code === 'E2E-NEW')).toMatchObject({ name: 'E2E Trading', active: true });

    const remove = async (code: string) => {
      await session.page.getByRole('button', { name: new RegExp(` ${code}$`) }).click();
      await session.page.getByTestId('supplier-delete').click();
      await session.page.getByTestId('supplier-delete-confirm').click();
    };
    const outcome = () => session.page.getByTestId('supplier-outcome').textContent();
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
    expect(await seriousViolations(session.page)).toEqual([]);
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

    await session.page.setViewportSize({ width: 390, height: 844 });
    await session.page.goto(`${session.server.url}/orders`);
    await chooseLanguage(session.page, 'English');
    await session.page.getByRole('link', { name: '#E2E-1001' }).click();
    await session.page.waitForURL(/\/orders\/view\/\d+$/);
    await session.page.getByTestId('order-ship').click();
    await expect.poll(() => session.page.getByTestId('order-status').textContent()).toBe('Shipped');
    expect(
      await session.page.getByTestId(`order-line-${sku!}`).getByTestId('line-shipped').textContent(),
    ).toBe('2');
    expect(await session.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(session.page)).toEqual([]);
    await session.page.getByTestId('order-return').click();
    await expect
      .poll(() => session.page.getByTestId(`order-line-${sku!}`).getByTestId('line-returned').textContent())
      .toBe('2');
    const after = await call<{ lines: { quantityShipped: number; quantityReturned: number }[] }>(
      `/api/v1/orders/${placed.id}`,
    );
    expect(after.lines[0]).toMatchObject({ quantityShipped: 2, quantityReturned: 2 });
    await session.page.setViewportSize({ width: 1280, height: 900 });
  });

  it('logged no console errors', () => {
    expect(session.errors).toEqual([]);
  });
});
