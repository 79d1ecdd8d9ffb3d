import { describe, expect, it, vi } from 'vitest';
import { seriousViolations } from './support/axe';
import { useBrowserSession } from './support/session';
import { RUN_BROWSER_SUITES, pageJson, signedInViewer, switchLanguage } from './support/steps';
import { untranslatedWords } from './support/visible-text';

// The excess report and a forecast computed on read, in a real browser on a loaded 2-core machine.
vi.setConfig({ testTimeout: 300_000 });

interface ForecastEvent {
  id: number;
  name: string;
  startsOn: string;
  endsOn: string;
  scope: string;
  skus: string[];
  priceFactor: number | null;
}
interface Forecast {
  source: string;
  priceChanges: { name: string; startsOn: string; endsOn: string; priceFactor: number }[];
}

const SLOW = 180_000;
const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Issue 17's last clearance action against the real server and the demo seller: a markdown the
 * advice suggests is planned from the clearance page as a price event for the SKU (events API), the
 * SKU's forecast lists it among its price changes at once, a refused percentage is shown on its
 * field, a price event shared with another SKU is listed read-only beside it, the planned markdown can
 * be removed; axe-clean, and no English left in 简体中文.
 */
describe.skipIf(!RUN_BROWSER_SUITES)('clearance page: plan a markdown the forecast uses (browser)', () => {
  // Signed in patiently: on a loaded machine the overview the usual sign-in waits for can take longer
  // than its 30 s, and this page does not need it.
  const session = useBrowserSession({ signIn: 'patiently' });

  const get = <T>(path: string) => pageJson<T>(session.page, path);

  const openClearance = async () => {
    await session.page.goto(`${session.server.url}/clearance`);
    await session.page.getByTestId('clearance-table').waitFor({ timeout: SLOW });
    await session.page.waitForLoadState('networkidle');
  };
  const markdownRow = () => session.page.locator('tbody tr[data-action="markdown"]').first();

  let sku = '';

  it('plans a 20 % markdown from the advice; the event exists and the SKU’s forecast lists it', async () => {
    await openClearance();
    const row = markdownRow();
    sku = (await row.getAttribute('data-sku')) ?? '';
    expect(sku).not.toBe('');
    await row.getByTestId('markdown-plan').click();
    const dialog = session.page.getByRole('dialog');
    await dialog.getByTestId('markdown-form').waitFor();
    // Pre-filled from the advice: today, and a percentage off.
    expect(await dialog.getByTestId('markdown-starts').inputValue()).toBe(isoDay(0));
    expect(await dialog.getByTestId('markdown-percent').inputValue()).toMatch(/^-?\d+(\.\d)?$/);
    await dialog.getByTestId('planned-markdowns').getByText('No markdown planned').waitFor();
    await dialog.getByText('the restock plan use a planned markdown as soon as it is saved').waitFor();

    // A price at zero is refused by the server, shown on the percentage's field, and nothing is saved.
    await dialog.getByTestId('markdown-percent').fill('100');
    await dialog.getByTestId('markdown-confirm').click();
    await dialog.getByText('Enter a percentage off below 100').waitFor();
    expect(await dialog.getByTestId('markdown-percent').getAttribute('aria-invalid')).toBe('true');

    const [startsOn, endsOn] = [isoDay(3), isoDay(16)];
    await dialog.getByTestId('markdown-starts').fill(startsOn);
    await dialog.getByTestId('markdown-ends').fill(endsOn);
    await dialog.getByTestId('markdown-percent').fill('20');
    await dialog.getByTestId('markdown-confirm').click();
    await dialog.getByTestId('markdown-saved').waitFor();
    await dialog.getByTestId('planned-markdowns').locator('li').first().waitFor();
    expect(await dialog.getByTestId('planned-markdowns').innerText()).toContain('price × 0.8 (20% off)');
    expect(await seriousViolations(session.page)).toEqual([]);

    const events = await get<{ items: ForecastEvent[] }>('/api/v1/events');
    const made = events.items.filter((e) => e.skus.includes(sku) && e.priceFactor !== null);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ scope: 'skus', skus: [sku], priceFactor: 0.8, startsOn, endsOn });

    const forecast = await get<Forecast>(`/api/v1/forecasts/${encodeURIComponent(sku)}`);
    // Computed on read, or stored by a forecast run made after the event: either way it applies the markdown.
    expect(['computed', 'stored']).toContain(forecast.source);
    expect(forecast.priceChanges).toContainEqual(
      expect.objectContaining({ name: made[0]!.name, startsOn, endsOn, priceFactor: 0.8 }),
    );
  });

  let sharedId = 0;

  it('a price event shared with another SKU is listed read-only, with what it covers', async () => {
    await openClearance();
    const rows = session.page.locator('tbody tr[data-sku]');
    const skus = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-sku') ?? ''));
    const other = skus.find((s) => s !== '' && s !== sku);
    expect(other).toBeDefined();
    const shared = await pageJson<ForecastEvent>(session.page, '/api/v1/events', {
      method: 'POST',
      body: {
        name: 'Two-SKU sale',
        startsOn: isoDay(5),
        endsOn: isoDay(11),
        scope: 'skus',
        skus: [sku, other],
        priceFactor: 0.9,
      },
    });
    sharedId = shared.id;
    await session.page.locator(`tbody tr[data-sku="${sku}"]`).first().getByTestId('markdown-plan').click();
    const dialog = session.page.getByRole('dialog');
    const list = dialog.getByTestId('shared-markdowns');
    await list.locator('li').first().waitFor({ timeout: SLOW });
    expect(await list.innerText()).toMatch(/Two-SKU sale.*price × 0\.9 \(10% off\).*2 SKUs/s);
    expect(await list.getByRole('button').count()).toBe(0);
    // Its own markdown stays the only removable one.
    expect(await dialog.getByTestId('planned-markdowns').locator('li').count()).toBe(1);
    await session.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('a viewer sees the planned markdown but cannot plan or remove one', async () => {
    const viewerLogin = { email: 'markdown-viewer@example.com', password: 'viewer-pass-1' };
    const { context, viewer, viewerErrors } = await signedInViewer(session, viewerLogin, { patiently: true });
    await viewer.goto(`${session.server.url}/clearance`);
    const row = viewer.locator(`tbody tr[data-sku="${sku}"]`).first();
    await row.getByTestId('markdown-plan').waitFor({ timeout: SLOW });
    expect(await row.getByTestId('markdown-plan').innerText()).toBe('Markdowns');
    // Recording a removal writes the ledger: not offered to a viewer (the API would refuse it).
    expect(await row.getByRole('button', { name: /^Record/ }).count()).toBe(0);
    await row.getByTestId('markdown-plan').click();
    const dialog = viewer.getByRole('dialog');
    await dialog.getByText('Your role can see planned markdowns').waitFor();
    await dialog.getByTestId('planned-markdowns').locator('li').first().waitFor();
    expect(await dialog.getByTestId('markdown-form').count()).toBe(0);
    expect(await dialog.getByRole('button', { name: /Remove the markdown/ }).count()).toBe(0);
    expect(viewerErrors).toEqual([]);
    await context.close();
  });

  it('in 简体中文 the markdown form leaves no English and keeps axe-core clean', async () => {
    await openClearance();
    await switchLanguage(session.page, '简体中文', 'zh-CN');
    await session.page.getByRole('menu').waitFor({ state: 'detached' });
    await session.page.locator(`tbody tr[data-sku="${sku}"]`).first().getByTestId('markdown-plan').click();
    const dialog = session.page.getByRole('dialog');
    await dialog.getByText('计划降价').first().waitFor();
    await dialog.getByTestId('planned-markdowns').locator('li').first().waitFor();
    expect(await untranslatedWords(session.page)).toEqual([]);
    expect(await seriousViolations(session.page)).toEqual([]);
    await session.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await switchLanguage(session.page, 'English', 'en');
  });

  it('removes the planned markdown: the event is gone and the forecast no longer lists it', async () => {
    await openClearance();
    await session.page.locator(`tbody tr[data-sku="${sku}"]`).first().getByTestId('markdown-plan').click();
    const dialog = session.page.getByRole('dialog');
    const planned = dialog.getByTestId('planned-markdowns');
    await planned.locator('li').first().waitFor();
    // The shared event out of the way, so the forecast has no price change left.
    if (sharedId !== 0)
      await pageJson(session.page, `/api/v1/events/${String(sharedId)}`, { method: 'DELETE' });
    await planned.getByRole('button', { name: /Remove the markdown/ }).click();
    await planned.getByText('No markdown planned').waitFor();
    const events = await get<{ items: ForecastEvent[] }>('/api/v1/events');
    expect(events.items.filter((e) => e.skus.includes(sku) && e.priceFactor !== null)).toEqual([]);
    const forecast = await get<Forecast>(`/api/v1/forecasts/${encodeURIComponent(sku)}`);
    expect(forecast.priceChanges).toEqual([]);
  });

  it('logged no console errors', () => {
    expect(session.errors).toEqual([]);
  });
});
