import { describe, expect, it } from 'vitest';
import { countQuantiles } from '../forecasting/count-quantiles';
import { spanDemand } from '../forecasting/lead-time-demand';
import type { CatalogueSpanCalibration } from '../forecasting/span-calibration';
import type { DemandForecast } from '../forecasting/types';
import { flatForecast, restockInput } from './plan.fixture';
import { projectStock } from './projection';
import { recommendRestock } from './restock';

/** Sellers of 2 a day and more (the top band) moved ×1.5 over every span, no level variance added. */
const FAST_UP: CatalogueSpanCalibration = [7, 14, 28].map((days) => ({
  days,
  bands: [
    { below: 2, meanScale: 1, levelScale: 0.25 },
    { below: Infinity, meanScale: 1.5, levelScale: 0.25 },
  ],
}));

const calibrated = (f: DemandForecast): DemandForecast => ({ ...f, spanCalibration: FAST_UP });

describe('planning on the calibration a forecast carries (decision 40)', () => {
  it('spanDemand moves and widens a span by its band, and without a calibration is the default', () => {
    const f = { dispersion: 2, levelVariance: 0.1 };
    // 28 days at 2 a day: the top band, mean 56 × 1.5 = 84; variance 2·84 + 0.25·0.1·√4·84².
    const moved = spanDemand({ ...f, spanCalibration: FAST_UP }, { mean: 56, days: 28 });
    expect(moved.mean).toBeCloseTo(84, 10);
    expect(moved.variance).toBeCloseTo(2 * 84 + 0.25 * 0.1 * 2 * 84 * 84, 8);
    // 1 a day falls in the lower band (b = 1): as without a calibration.
    expect(spanDemand({ ...f, spanCalibration: FAST_UP }, { mean: 28, days: 28 })).toEqual(
      spanDemand(f, { mean: 28, days: 28 }),
    );
    expect(spanDemand(f, { mean: 56, days: 28 })).toEqual({ mean: 56, variance: 2 * 56 + 0.05 * 56 * 56 });
  });

  it('restock orders up to the calibrated quantile; no calibration keeps the default plan', () => {
    // P = 10 + 7 days at 2 a day (Poisson): 34 by default, 51 calibrated; the lead time's 20 → 30.
    const plain = recommendRestock(restockInput(), { serviceLevel: 0.95 });
    expect([plain.orderUpTo, plain.reorderPoint]).toEqual([44, 28]);
    const moved = recommendRestock(restockInput({ forecast: calibrated(flatForecast(2)) }), {
      serviceLevel: 0.95,
    });
    expect(moved.orderUpTo).toBe(countQuantiles(51, 51, [0.95])[0]);
    expect(moved.reorderPoint).toBe(countQuantiles(30, 30, [0.95])[0]);
    expect(moved.recommendedQuantity).toBeGreaterThan(plain.recommendedQuantity);
  });

  it('the stock projection bands demand by the same calibrated span', () => {
    const input = { asOf: '2026-12-01', available: 100, arrivals: [] };
    const plain = projectStock({ ...input, forecast: flatForecast(4) }, { days: 10 });
    const moved = projectStock({ ...input, forecast: calibrated(flatForecast(4)) }, { days: 10 });
    // Day 10: 40 expected; the calibrated 97.5% quantile is that of 60 units.
    const [q975] = countQuantiles(60, 60, [0.975]);
    expect(moved.days[9]!.low95).toBe(Math.max(0, 100 - q975!));
    expect(moved.days[9]!.low95).toBeLessThan(plain.days[9]!.low95);
    expect(moved.days[9]!.expected).toBe(plain.days[9]!.expected);
  });
});
