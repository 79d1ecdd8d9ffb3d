import { describe, expect, it, vi } from 'vitest';
import { seriousViolations } from './support/axe';
import { screenshot } from './support/browser';
import { useBrowserSession } from './support/session';
import { RUN_BROWSER_SUITES, choose, inEachChinese, pageJson } from './support/steps';
import { untranslatedWords } from './support/visible-text';

// Two forecast runs and a page in a real browser on a loaded 2-core machine: minutes, not seconds.
vi.setConfig({ testTimeout: 300_000 });

interface Figures {
  wape: number | null;
  bias: number | null;
  baselineWape: number | null;
  coverage: { q90: number | null };
}
interface Accuracy {
  forecastsScored: number;
  overall: Figures;
  series: (Figures & { period: string })[];
  byCategory: (Figures & { category: string | null; series: { period: string }[] })[];
  perSku: { sku: string; wape: number }[];
  worstSkus: { sku: string; wape: number | null; baselineWape: number | null }[];
}

const pct = (ratio: number | null) =>
  ratio === null
    ? '—'
    : new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/**
 * The forecast accuracy page against the real server with the demo seller: forecasts made from past
 * days (through the API, as those days' runs would have) are scored against what sold since, and the
 * page shows the server's figures, over time, per category and for the worst SKUs, against the
 * seasonal-naive baseline, in three languages and without serious accessibility violations.
 */
describe.skipIf(!RUN_BROWSER_SUITES)('forecast accuracy page (browser)', () => {
  // Signed in patiently: on a loaded machine the overview the usual sign-in waits for can take longer
  // than its 30 s, and this page does not need it.
  const session = useBrowserSession({ signIn: 'patiently' });

  const call = <T>(path: string, body?: unknown): Promise<T> =>
    pageJson<T>(session.page, path, body === undefined ? undefined : { method: 'POST', body });

  it('shows nothing to score before any past forecast, then the server’s figures once runs from past days are scored', async () => {
    await session.page.goto(`${session.server.url}/forecasts/accuracy`);
    await session.page.locator('main h1').first().waitFor({ timeout: 120_000 });
    const before = await call<Accuracy>('/api/v1/forecasts/accuracy?windowDays=28');
    if (before.forecastsScored === 0) await session.page.getByText('Nothing to score yet').waitFor();

    for (const days of [35, 21]) {
      const job = await call<{ id: number }>('/api/v1/forecasts/run', { horizon: 28, asOf: daysAgo(days) });
      await expect
        .poll(async () => (await call<{ status: string }>(`/api/v1/jobs/${String(job.id)}`)).status, {
          timeout: 240_000,
          interval: 1000,
        })
        .toBe('succeeded');
    }
    const accuracy = await call<Accuracy>('/api/v1/forecasts/accuracy?windowDays=28');
    expect(accuracy.forecastsScored).toBeGreaterThan(0);
    expect(accuracy.series.length).toBeGreaterThanOrEqual(2);

    await session.page.reload();
    await session.page.getByTestId('accuracy-wape').waitFor();
    await session.page.waitForLoadState('networkidle');
    expect(await session.page.getByTestId('accuracy-wape').innerText()).toContain(pct(accuracy.overall.wape));
    expect(await session.page.getByTestId('accuracy-baseline').innerText()).toContain(
      pct(accuracy.overall.baselineWape),
    );
    expect(await session.page.getByTestId('accuracy-bias').innerText()).toContain(pct(accuracy.overall.bias));
    expect(await session.page.getByTestId('accuracy-coverage').innerText()).toContain(
      pct(accuracy.overall.coverage.q90),
    );
    const { wape, baselineWape } = accuracy.overall;
    const gain = 1 - (wape ?? 0) / (baselineWape ?? 1);
    expect(await session.page.getByTestId('accuracy-verdict').innerText()).toContain(
      gain >= 0 ? 'less than repeating last week' : 'more than repeating last week',
    );

    // The chart and its text alternative: a row a week, as the server scored them.
    await session.page.getByTestId('accuracy-chart').locator('canvas').first().waitFor();
    await session.page.getByTestId('accuracy-chart-table-toggle').click();
    const weeks = session.page.getByTestId('accuracy-periods-table').locator('tbody tr');
    expect(await weeks.count()).toBe(accuracy.series.length);
    expect(await weeks.first().innerText()).toContain(pct(accuracy.series[0]!.wape));

    // One category's weeks.
    const category = accuracy.byCategory.find((c) => c.category !== null)!;
    await choose(session.page, 'accuracy-category', category.category!);
    await expect.poll(() => weeks.count()).toBe(category.series.length);

    // Per category, and the worst SKUs first (linking to their pages).
    const categories = session.page.getByTestId('accuracy-categories-table').locator('tbody tr');
    expect(await categories.count()).toBe(accuracy.byCategory.length);
    const worst = session.page.getByTestId('accuracy-worst-table').locator('tbody tr');
    expect(await worst.count()).toBe(Math.min(20, accuracy.perSku.length));
    const first = accuracy.perSku[0]!;
    expect(await worst.first().innerText()).toContain(first.sku);
    expect(await worst.first().innerText()).toContain(pct(first.wape));
    // The SKUs missed by the most units, as the server ranks them, beside the baseline.
    const worstSkus = session.page.getByTestId('accuracy-worst-skus-table').locator('tbody tr');
    expect(accuracy.worstSkus.length).toBeGreaterThan(0);
    expect(await worstSkus.count()).toBe(accuracy.worstSkus.length);
    const top = accuracy.worstSkus[0]!;
    expect(await worstSkus.first().getAttribute('data-sku')).toBe(top.sku);
    expect(await worstSkus.first().innerText()).toContain(pct(top.wape));
    expect(await worstSkus.first().innerText()).toContain(pct(top.baselineWape));
    await screenshot(session.page, 'forecast-accuracy');
    expect(await seriousViolations(session.page)).toEqual([]);

    // A shorter scoring window asks the server again.
    const week = await call<Accuracy>('/api/v1/forecasts/accuracy?windowDays=7');
    await session.page.getByTestId('accuracy-window').getByText('First 7 days').click();
    await expect
      .poll(() => session.page.getByTestId('accuracy-wape').innerText())
      .toContain(pct(week.overall.wape));

    // Its worst forecast links to the SKU's page (a client-side navigation: no load event to wait for).
    const worstOfWeek = week.perSku[0]!.sku;
    await expect.poll(() => worst.first().innerText()).toContain(worstOfWeek);
    await worst.first().getByRole('link').click();
    await expect.poll(() => session.page.url()).toContain(`/products/${encodeURIComponent(worstOfWeek)}`);
  });

  it('is in the navigation and leaves no English in 简体中文 and 繁體中文', async () => {
    await session.page.goto(`${session.server.url}/`);
    await session.page.locator('main h1').first().waitFor();
    await session.page.getByRole('link', { name: 'Forecast accuracy' }).click();
    await session.page.getByTestId('accuracy-wape').waitFor();
    await inEachChinese(session.page, async () => {
      expect(await untranslatedWords(session.page)).toEqual([]);
      expect(await seriousViolations(session.page)).toEqual([]);
    });
  });

  it('logged no console errors', () => {
    expect(session.errors).toEqual([]);
  });
});
