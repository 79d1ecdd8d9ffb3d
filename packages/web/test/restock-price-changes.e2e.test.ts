import { describe, expect, it, vi } from 'vitest';
import { useBrowserSession } from './support/session';
import { RUN_BROWSER_SUITES, chooseLanguage, pageJson, switchLanguage } from './support/steps';

vi.setConfig({ testTimeout: 300_000 });

/**
 * A planned price change (a seller event with a price factor) is named in the restock drawer of the
 * SKUs it covers, in the reader's language: the event, its dates, the price and demand multipliers.
 */

interface Item {
  sku: string;
  location: string;
  action: 'purchase' | 'transfer';
  recommendedQuantity: number;
  reasoning: { forecastPriceChanges: { name: string; demandMultiplier: number }[] };
}

const PLAN_TIMEOUT_MS = 120_000;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!RUN_BROWSER_SUITES)('planned price changes in the restock drawer (browser)', () => {
  const session = useBrowserSession({ signIn: true });

  const call = <T>(path: string, init?: { method: string; body?: unknown }) =>
    pageJson<T>(session.page, path, init);

  /** The drawer's price-change lines of the SKU's purchase row at the location. */
  const drawerText = async (item: Item) => {
    await session.page.goto(`${session.server.url}/restock`);
    await session.page.locator('tbody tr[data-sku]').first().waitFor({ timeout: PLAN_TIMEOUT_MS });
    await session.page.getByTestId('planner-search').fill(item.sku);
    const row = session.page.locator(
      `tbody tr[data-sku="${item.sku}"][data-location="${item.location}"][data-action="purchase"]`,
    );
    await row.getByTestId('restock-why').click();
    const changes = session.page.getByTestId('restock-price-changes');
    await changes.waitFor({ timeout: PLAN_TIMEOUT_MS });
    return changes.innerText();
  };

  it('names the planned price change in English, 简体中文 and 繁體中文', async () => {
    await session.page.goto(`${session.server.url}/`);
    const plan = await call<{ items: Item[] }>('/api/v1/restock');
    const item = plan.items.find((i) => i.action === 'purchase' && i.recommendedQuantity > 0)!;
    expect(item).toBeDefined();
    const event = await call<{ id: number }>('/api/v1/events', {
      method: 'POST',
      body: {
        name: 'Price cut 2027',
        startsOn: day(0),
        endsOn: day(29),
        scope: 'skus',
        skus: [item.sku],
        priceFactor: 0.8,
      },
    });
    expect(event.id).toBeGreaterThan(0);
    const after = (await call<{ items: Item[] }>('/api/v1/restock')).items.find(
      (i) => i.sku === item.sku && i.location === item.location && i.action === 'purchase',
    )!;
    const change = after.reasoning.forecastPriceChanges[0]!;
    expect(change.name).toBe('Price cut 2027');
    const multiplier = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(
      change.demandMultiplier,
    );

    const english = await drawerText(item);
    expect(english).toContain('Planned price changes in this demand');
    expect(english).toContain(`“Price cut 2027”`);
    expect(english).toContain(`price ×0.8 (−20%), demand ×${multiplier}`);

    await chooseLanguage(session.page, '简体中文');
    const simplified = await drawerText(item);
    expect(simplified).toContain('此需求包含的计划调价');
    expect(simplified).toContain(`价格 ×0.8（−20%），需求 ×${multiplier}`);

    await chooseLanguage(session.page, '繁體中文');
    const traditional = await drawerText(item);
    expect(traditional).toContain('此需求包含的計畫調價');
    expect(traditional).toContain(`價格 ×0.8（−20%），需求 ×${multiplier}`);

    await switchLanguage(session.page, 'English', 'en');
    await call(`/api/v1/events/${String(event.id)}`, { method: 'DELETE' });
    expect(session.errors).toEqual([]);
  });
});
