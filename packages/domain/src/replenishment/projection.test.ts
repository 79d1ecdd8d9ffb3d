import { describe, expect, it } from 'vitest';
import { countQuantiles } from '../forecasting/count-quantiles';
import { flatForecast } from './plan.fixture';
import { projectStock } from './projection';

describe('projectStock', () => {
  it('draws down by the forecast and dates the stock-out on the first day nothing is left', () => {
    // 10 a day from 35: 25, 15, 5, then 0 on the fourth day (2026-12-04).
    const p = projectStock(
      { asOf: '2026-12-01', available: 35, arrivals: [], forecast: flatForecast(10) },
      { days: 6 },
    );
    expect(p.days.map((d) => d.date)).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(p.days.map((d) => d.expected)).toEqual([25, 15, 5, 0, 0, 0]);
    expect(p.stockOutDate).toBe('2026-12-04');
    expect(p.days[0]!.coverLow).toBe(280);
    expect(p.days[0]!.coverHigh).toBe(900);
  });

  it('restarts from an arrival after a stock-out (lost sales are not carried over)', () => {
    const p = projectStock(
      {
        asOf: '2026-12-01',
        available: 15,
        arrivals: [
          { date: '2026-12-05', quantity: 100, kind: 'inbound' },
          { date: '2026-12-07', quantity: 50, kind: 'planned' },
        ],
        forecast: flatForecast(10),
      },
      { days: 8 },
    );
    // 5, 0, 0, 0 | day 5 receives 100 and sells 10: 90, 80 | +50 − 10: 120, 110.
    expect(p.days.map((d) => d.expected)).toEqual([5, 0, 0, 0, 90, 80, 120, 110]);
    expect(p.days.map((d) => [d.inbound, d.planned])[4]).toEqual([100, 0]);
    expect(p.days[6]!.planned).toBe(50);
    expect(p.stockOutDate).toBe('2026-12-02');
  });

  it('bands the stock by the quantiles of demand since the last restart, widest at 95%', () => {
    const forecast = { ...flatForecast(10), dispersion: 2, levelVariance: 0.01 };
    const p = projectStock({ asOf: '2026-12-01', available: 500, arrivals: [], forecast }, { days: 20 });
    const day = p.days[19]!;
    // 20 days of demand: μ = 200, variance 2·200 + 0.25·0.01·(20/7)^0.5·200² = 569.0 (the reorder
    // point's model: the calibrated level error grows with the span, docs/forecasting.md Quantiles).
    const variance = 2 * 200 + 0.25 * 0.01 * (20 / 7) ** 0.5 * 200 ** 2;
    expect(variance).toBeCloseTo(569.03, 2);
    const [q025, q10, q90, q975] = countQuantiles(200, variance, [0.025, 0.1, 0.9, 0.975]);
    expect(day.expected).toBe(300);
    expect([day.low95, day.low80, day.high80, day.high95]).toEqual([
      500 - q975!,
      500 - q90!,
      500 - q10!,
      500 - q025!,
    ]);
    expect(day.low95).toBeLessThan(day.low80);
    expect(day.low80).toBeLessThan(day.expected);
    expect(day.high80).toBeGreaterThan(day.expected);
    expect(day.high95).toBeGreaterThan(day.high80);
  });

  it('counts late arrivals from today, drops those past the horizon, and has no stock-out without demand', () => {
    const p = projectStock(
      {
        asOf: '2026-12-01',
        available: -5,
        arrivals: [
          { date: '2026-11-20', quantity: 7, kind: 'inbound' },
          { date: '2027-06-01', quantity: 99, kind: 'planned' },
          { date: '2026-12-02', quantity: Number.NaN, kind: 'inbound' },
        ],
        forecast: flatForecast(0),
      },
      { days: 3 },
    );
    expect(p.days.map((d) => d.expected)).toEqual([7, 7, 7]);
    expect(p.days.map((d) => d.low95)).toEqual([7, 7, 7]);
    expect(p.stockOutDate).toBeNull();
  });
});
