import { describe, expect, it } from 'vitest';
import { forecastCatalogue } from '../catalogue';
import type { CatalogueSeries } from '../catalogue-factors';
import { catalogueGbtForecast, fitCatalogueGbt } from './catalogue-gbt';
import { GBT_FEATURES, featureContext, rowFeatures } from './features';
import { poissonSampler } from '../../../test/support/random';

const DAYS = 300;
const HORIZON = 28;
const BACKTEST = { origins: 4, step: 14, horizon: 28 };
const weekday = Int8Array.from({ length: DAYS + HORIZON }, (_, t) => t % 7);
const SHAPE = [0.6, 0.8, 1, 1, 1.1, 1.5, 1] as const;
const calendar = {
  weekday,
  events: { US: Array.from({ length: DAYS + HORIZON }, (_, t) => (t % 60 === 45 ? 'Sale' : '')) },
};

/** Poisson draws (Knuth) from a fixed generator: weekly shape, event days ×3, levels 0.3…5. */
function catalogue(count: number, seed = 7): CatalogueSeries[] {
  const draw = poissonSampler(seed);
  return Array.from({ length: count }, (_, i) => {
    const level = 0.3 + (i % 6);
    const history = Float64Array.from({ length: DAYS }, (_, t) =>
      draw(level * SHAPE[t % 7]! * (t % 60 === 45 ? 3 : 1)),
    );
    return { sku: `S${String(i)}`, history, category: i % 2 ? 'mugs' : 'cups', location: 'WH', region: 'US' };
  });
}

/** The same catalogue with every day from `from` on replaced by other numbers (some censored). */
function changedAfter(series: readonly CatalogueSeries[], from: number): CatalogueSeries[] {
  return series.map((s, i) => {
    const history = s.history.slice();
    for (let t = from; t < DAYS; t++) history[t] = (t + i) % 9 === 0 ? NaN : ((t * 31 + i) % 17) + 1;
    return { ...s, history };
  });
}

const OPTIONS = { trees: 8, maxRows: 6000, minLeafRows: 20 };
const fit = (series: readonly CatalogueSeries[]) =>
  fitCatalogueGbt(
    { series, histories: series.map((s) => s.history), calendar, horizon: HORIZON, backtest: BACKTEST },
    OPTIONS,
  )!;

describe('catalogue-wide model features', () => {
  it('a row reads no day on or after its origin', () => {
    const series = catalogue(4);
    for (const origin of [120, 200, 272]) {
      const other = changedAfter(series, origin);
      const a = featureContext({ series, histories: series.map((s) => s.history), calendar });
      const b = featureContext({ series: other, histories: other.map((s) => s.history), calendar });
      for (const step of [0, 6, 27]) {
        const xa = new Float64Array(GBT_FEATURES.length);
        const xb = new Float64Array(GBT_FEATURES.length);
        const ma = rowFeatures(a, { series: 1, origin, step }, xa);
        expect(rowFeatures(b, { series: 1, origin, step }, xb)).toBe(ma);
        expect([...xb]).toEqual([...xa]);
        expect(Number.isFinite(ma)).toBe(true);
      }
    }
  });
});

describe('fitCatalogueGbt', () => {
  const series = catalogue(40);
  const gbt = fit(series);

  it('backtests honestly: changing data on or after an origin never changes that origin’s forecast', () => {
    for (const [k, origin] of gbt.backtestOrigins.entries()) {
      const other = fit(changedAfter(series, origin));
      const a = catalogueGbtForecast(gbt, 3)!;
      const b = catalogueGbtForecast(other, 3)!;
      expect([...b.backtest[k]!]).toEqual([...a.backtest[k]!]);
    }
  });

  it('forecasts the weekly shape and never NaN; too small a catalogue gets no model', () => {
    const f = catalogueGbtForecast(gbt, 5)!;
    expect(f.forecast).toHaveLength(HORIZON);
    expect(f.forecast.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    const day = (w: number) => f.forecast[[...weekday.subarray(DAYS)].indexOf(w)]!;
    expect(day(5)).toBeGreaterThan(day(0));
    expect(
      fitCatalogueGbt({
        series: series.slice(0, 5),
        histories: [],
        calendar,
        horizon: 28,
        backtest: BACKTEST,
      }),
    ).toBeNull();
  });

  it('is one more candidate of forecastCatalogue, chosen per series by the backtest', () => {
    const forecasts = forecastCatalogue({ series, calendar }, { horizon: HORIZON, gbt: OPTIONS });
    expect(forecasts.some((f) => f.model.split('+').includes('gbt'))).toBe(true);
    expect(forecasts.every((f) => f.mean.every(Number.isFinite))).toBe(true);
    const without = forecastCatalogue({ series, calendar }, { horizon: HORIZON, gbt: false });
    expect(without.some((f) => f.model.includes('gbt'))).toBe(false);
  });
});
