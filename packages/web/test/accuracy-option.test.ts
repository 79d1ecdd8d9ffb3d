import { describe, expect, it } from 'vitest';
import type { ForecastAccuracy } from '../src/api/types';
import {
  buildAccuracyOption,
  periodsOf,
  type AccuracyPeriod,
} from '../src/forecasting/accuracy/accuracy-option';

const week = (period: string, wape: number | null, baselineWape: number | null, bias: number | null) =>
  ({
    period,
    wape,
    baselineWape,
    bias,
    coverage: { q80: 0.8, q90: 0.9, q95: 0.95 },
    observedDays: 28,
    actual: wape === null ? 0 : 100,
  }) satisfies AccuracyPeriod;

const accuracy = {
  asOf: '2026-12-06',
  windowDays: 28,
  forecastsScored: 3,
  observedDays: 84,
  overall: { wape: 0.3, bias: 0.02, baselineWape: 0.4, coverage: { q80: 0.8, q90: 0.9, q95: 0.95 } },
  series: [week('2026-10-26', 0.3, 0.4, 0.05), week('2026-11-02', null, null, null)],
  byCategory: [
    { category: 'Mugs', ...week('', 0.2, 0.3, 0), series: [week('2026-10-26', 0.2, 0.3, 0)] },
    { category: null, ...week('', 0.5, 0.6, 0.1), series: [] },
  ],
  perSku: [],
  worstSkus: [],
} satisfies ForecastAccuracy;

const labels = {
  wape: 'WAPE',
  baseline: 'Seasonal naive',
  bias: 'Bias',
  week: (d: string) => `w${d}`,
  pct: (v: number) => `${String(Math.round(v * 100))}%`,
};

describe('forecast accuracy chart', () => {
  it('draws the server’s WAPE, the seasonal-naive WAPE and the bias per week, leaving gaps where nothing sold', () => {
    const option = buildAccuracyOption(accuracy.series, labels) as {
      xAxis: { data: string[] };
      series: { name: string; data: (number | null)[] }[];
    };
    expect(option.xAxis.data).toEqual(['w2026-10-26', 'w2026-11-02']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['WAPE', [0.3, null]],
      ['Seasonal naive', [0.4, null]],
      ['Bias', [0.05, null]],
    ]);
  });

  it('picks the overall weeks, a category’s, or those of the forecasts without a category', () => {
    expect(periodsOf(accuracy, undefined)).toBe(accuracy.series);
    expect(periodsOf(accuracy, 'Mugs').map((p) => p.wape)).toEqual([0.2]);
    expect(periodsOf(accuracy, null)).toEqual([]);
    expect(periodsOf(accuracy, 'Lamps')).toEqual([]);
  });
});
