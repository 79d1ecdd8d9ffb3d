import { describe, expect, it } from 'vitest';
import { forecastCatalogue } from './catalogue';
import type { CatalogueSeries } from './catalogue-factors';
import { forecastDemand } from './forecast-demand';
import { gatedYearly, yearlyHolds, yearlyRatios, YEARLY_RULES } from './yearly';
import { poissonSampler } from '../../test/support/random';

const TAU = 2 * Math.PI;

/** The two series of make-reference.R's yearly section (900 days; the second has a gap every 50 days). */
const y1 = Float64Array.from({ length: 900 }, (_, t) => 10 + 5 * Math.sin((TAU * t) / 364) + (t % 7));
const y2 = Float64Array.from({ length: 900 }, (_, t) =>
  t % 50 === 0 ? NaN : 3 + 2 * Math.cos((TAU * t) / 364),
);

describe('yearlyRatios', () => {
  it('matches the rule written out in base R (make-reference.R, yearly_ratio)', () => {
    const r = yearlyRatios([y1, y2], { origins: [800, 500], horizon: 5 })!;
    // R 4.2: sapply(0:4, function(h) yearly_ratio(list(y1, y2), 800, h)) — two years back
    const at800 = [1.003516337, 1.003383016, 1.003212115, 1.003003667, 1.002757709];
    // … origin = 500: one year back only
    const at500 = [0.9704457863, 0.9681619225, 0.9658560451, 0.9635286853, 0.9611803833];
    [at800, at500].forEach((expected, k) => {
      expected.forEach((v, h) => {
        expect(r.ratios[k]![h]!).toBeCloseTo(v, 8);
      });
    });
    expect([...r.origins]).toEqual([800, 500]);
  });

  it('recovers a yearly swing, shrunk by its weight', () => {
    // Demand doubles for 8 weeks from day 30 of every 364-day year; the origin is day 30 of year 3.
    const y = Float64Array.from({ length: 2 * 364 + 30 }, (_, t) =>
      t % 364 >= 30 && t % 364 < 86 ? 20 : 10,
    );
    const r = yearlyRatios([y], { origins: [2 * 364 + 30], horizon: 70 })!.ratios[0]!;
    expect(r[10]!).toBeCloseTo(2 ** YEARLY_RULES.weight, 10);
    expect(r[65]!).toBeCloseTo(1, 10);
  });

  it('needs more than a year (364 + 28 days) before the origin, and sales in it', () => {
    const y = Float64Array.from({ length: 400 }, () => 5);
    expect(yearlyRatios([y], { origins: [391], horizon: 7 })).toBeNull();
    expect(yearlyRatios([y], { origins: [392], horizon: 7 })).not.toBeNull();
    expect(yearlyRatios([new Float64Array(400)], { origins: [400], horizon: 7 })).toBeNull();
    expect(yearlyRatios([new Float64Array(400).fill(NaN)], { origins: [400], horizon: 7 })).toBeNull();
    expect(yearlyRatios([], { origins: [400], horizon: 7 })).toBeNull();
  });

  it('never gives NaN or a non-positive ratio, whatever the data (zeros, gaps, spikes)', () => {
    const draw = poissonSampler(3);
    for (let seed = 0; seed < 8; seed++) {
      const ys = Array.from({ length: 3 }, (_, s) =>
        Float64Array.from({ length: 900 }, (_, t) =>
          (t * (seed + 1) + s) % 11 === 0
            ? NaN
            : (t + seed) % 97 === 0
              ? 500
              : draw(seed % 4 === 0 ? 0.05 : 3),
        ),
      );
      const r = yearlyRatios(ys, { origins: [900, 872, 858], horizon: 400 });
      for (const ratio of r?.ratios ?? []) {
        for (const v of ratio) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(Math.pow(YEARLY_RULES.maxRatio, -YEARLY_RULES.weight) - 1e-12);
          expect(v).toBeLessThanOrEqual(Math.pow(YEARLY_RULES.maxRatio, YEARLY_RULES.weight) + 1e-12);
        }
      }
    }
  });

  it('is honest: data on or after an origin never change that origin’s ratios', () => {
    const draw = poissonSampler(9);
    const ys = Array.from({ length: 4 }, () =>
      Float64Array.from({ length: 900 }, (_, t) => draw(4 + 3 * Math.sin((TAU * t) / 364))),
    );
    const origins = [844, 830, 816];
    const before = yearlyRatios(ys, { origins, horizon: 28 })!;
    for (const origin of origins) {
      const changed = ys.map((y) => y.map((v, t) => (t >= origin ? (t % 3 === 0 ? NaN : 40 * v) : v)));
      const after = yearlyRatios(changed, { origins: [origin], horizon: 28 })!;
      expect([...after.ratios[0]!]).toEqual([...before.ratios[origins.indexOf(origin)]!]);
    }
  });

  it('rejects a horizon that is not a positive integer', () => {
    expect(() => yearlyRatios([y1], { origins: [800], horizon: 0 })).toThrow(/horizon/);
    expect(() => yearlyRatios([y1], { origins: [-3], horizon: 7 })).toThrow(/origin -3/);
  });
});

describe('yearlyHolds', () => {
  const seasonal = (flipLastYear: boolean) => {
    const draw = poissonSampler(21);
    return Array.from({ length: 6 }, () =>
      Float64Array.from({ length: 1000 }, (_, t) => {
        const sign = flipLastYear && t >= 900 ? -1 : 1;
        return draw(20 * (1 + sign * 0.6 * Math.sin((TAU * t) / 364)));
      }),
    );
  };
  const origins = [928, 914, 900];

  it('keeps the yearly shape when it held at the backtest origins', () => {
    const ys = seasonal(false);
    const yearly = yearlyRatios(ys, { origins, horizon: 28 })!;
    expect(yearlyHolds(ys, { yearly, origins, horizon: 28 })).toBe(true);
  });

  it('drops it when this year went the other way', () => {
    const ys = seasonal(true);
    const yearly = yearlyRatios(ys, { origins, horizon: 28 })!;
    expect(yearlyHolds(ys, { yearly, origins, horizon: 28 })).toBe(false);
  });
});

describe('gatedYearly', () => {
  const backtest = { origins: 4, step: 14, horizon: 28 };
  const draw = poissonSampler(17);
  const ys = Array.from({ length: 8 }, () =>
    Float64Array.from({ length: 1000 }, (_, t) => draw(10 * (1 + 0.6 * Math.sin((TAU * t) / 364)))),
  );

  it('gives the forecast origin and each backtest origin its ratios where the shape held before it', () => {
    const gated = gatedYearly(ys, { days: 1000, horizon: 28, backtest })!;
    expect([...gated.origins]).toEqual([1000, 972, 958, 944, 930]);
    const plain = yearlyRatios(ys, { origins: [...gated.origins], horizon: 28 })!;
    gated.ratios.forEach((r, k) => {
      expect([...r]).toEqual([...plain.ratios[k]!]);
    });
  });

  it('is honest: data on or after a backtest origin never change that origin’s ratios, gate included', () => {
    const gated = gatedYearly(ys, { days: 1000, horizon: 28, backtest })!;
    for (const origin of [972, 944]) {
      // This year turns against last year's shape from the origin on: the later gates may fail.
      const changed = ys.map((y) =>
        y.map((v, t) => (t >= origin ? Math.round(v * (t % 2 === 0 ? 0.2 : 3)) : v)),
      );
      const k = gated.origins.indexOf(origin);
      // The forecast origin's own gate (which reads these days) may now fail; the origin's ratio is
      // the same either way, so it is compared through the origins before the change.
      const again = gatedYearly(
        changed.map((y) => y.subarray(0, origin + 28)),
        { days: origin + 28, horizon: 28, backtest },
      );
      const early = gatedYearly(
        ys.map((y) => y.subarray(0, origin + 28)),
        { days: origin + 28, horizon: 28, backtest },
      )!;
      expect(again).not.toBeNull();
      expect([...again!.ratios[1]!]).toEqual([...early.ratios[1]!]);
      expect([...early.ratios[1]!]).toEqual([...gated.ratios[k]!]);
    }
  });

  it('is null when the shape did not hold before the forecast origin', () => {
    const flipped = ys.map((y) =>
      y.map((v, t) => (t >= 880 ? draw(10 * (1 - 0.6 * Math.sin((TAU * t) / 364))) : v)),
    );
    expect(gatedYearly(flipped, { days: 1000, horizon: 28, backtest })).toBeNull();
  });
});

describe('yearly seasonality in the forecast', () => {
  /** A category of 30 SKUs whose demand swings ±60% over the year, with a weekly shape. */
  function catalogue(days: number): CatalogueSeries[] {
    const draw = poissonSampler(5);
    return Array.from({ length: 30 }, (_, i) => ({
      sku: `S${String(i)}`,
      category: 'garden',
      location: 'WH',
      region: 'US',
      history: Float64Array.from({ length: days }, (_, t) =>
        draw((2 + (i % 4)) * (1 + 0.6 * Math.sin((TAU * (t - 20)) / 364)) * (t % 7 === 5 ? 1.4 : 1)),
      ),
    }));
  }
  const calendar = (days: number) => ({ weekday: Int8Array.from({ length: days + 56 }, (_, t) => t % 7) });

  it('is chosen by default when the category has more than a year of history', () => {
    // The origin (day 800) sits where the yearly curve climbs: last year's climb says demand rises.
    const days = 800;
    const withYearly = forecastCatalogue(
      { series: catalogue(days), calendar: calendar(days) },
      { horizon: 56 },
    );
    const without = forecastCatalogue(
      { series: catalogue(days), calendar: calendar(days) },
      { horizon: 56, yearly: false },
    );
    expect(withYearly.filter((f) => f.model.includes('/yearly')).length).toBeGreaterThan(15);
    expect(without.some((f) => f.model.includes('/yearly'))).toBe(false);
    // Truth over days 800–855 against both forecasts, summed over the catalogue.
    let truth = 0;
    let plain = 0;
    let seasonal = 0;
    catalogue(days).forEach((s, i) => {
      for (let h = 0; h < 56; h++) {
        const t = days + h;
        truth += (2 + (i % 4)) * (1 + 0.6 * Math.sin((TAU * (t - 20)) / 364)) * (t % 7 === 5 ? 1.4 : 1);
      }
      plain += without[i]!.mean.reduce((a, b) => a + b, 0);
      seasonal += withYearly[i]!.mean.reduce((a, b) => a + b, 0);
    });
    expect(Math.abs(seasonal - truth)).toBeLessThan(Math.abs(plain - truth));
    for (const f of withYearly) for (const v of f.mean) expect(Number.isFinite(v)).toBe(true);
  });

  it('is not offered with a year or less of history', () => {
    const days = 380;
    const forecasts = forecastCatalogue(
      { series: catalogue(days), calendar: calendar(days) },
      { horizon: 28 },
    );
    expect(forecasts.some((f) => f.model.includes('/yearly'))).toBe(false);
  });

  it('gives a young SKU its category’s yearly shape without NaN', () => {
    const days = 800;
    const series = catalogue(days);
    const young = {
      ...series[0]!,
      sku: 'NEW',
      history: series[0]!.history.map((v, t) => (t < days - 60 ? NaN : v)),
    };
    const [f] = forecastCatalogue(
      { series: [young, ...series.slice(1)], calendar: calendar(days) },
      { horizon: 28 },
    );
    for (const v of f!.mean) expect(Number.isFinite(v)).toBe(true);
    for (const q of f!.quantiles) for (const v of q.values) expect(Number.isFinite(v)).toBe(true);
  });

  it('a yearly twin is scored in the same honest backtest as its base model', () => {
    const y = Float64Array.from({ length: 800 }, (_, t) => 10 * (1 + 0.5 * Math.sin((TAU * t) / 364)));
    const yearly = yearlyRatios([y], { origins: [800, 772, 758, 744, 730], horizon: 28 })!;
    const f = forecastDemand(y, { horizon: 28, candidates: ['ses'], yearly });
    expect(f.model).toBe('ses/yearly');
    expect(f.params['yearlyWeight']).toBe(YEARLY_RULES.weight);
  });
});
