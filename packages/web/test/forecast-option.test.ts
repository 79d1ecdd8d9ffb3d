import { describe, expect, it } from 'vitest';
import type { Forecast } from '../src/api/types';
import { buildForecastOption, type ChartOption } from '../src/forecasting/forecast-option';
import { generateForecast } from './support/fixtures';

const labels = {
  history: 'Units sold',
  censored: 'Out of stock',
  mean: 'Mean',
  median: 'Median',
  band: (from: string, to: string) => `${from}–${to}`,
  units: (v: number) => v.toFixed(1),
  date: (iso: string) => iso,
  axisDate: (iso: string) => iso,
  override: (o: { mode: string; value: number }) => `${o.mode} ${String(o.value)}`,
};

interface Series {
  name: string;
  stack?: string;
  data: (number | null)[];
}

const seriesOf = (option: ChartOption) => option['series'] as Series[];

describe('forecast chart option', () => {
  const forecast = generateForecast() as Forecast;
  const option = buildForecastOption(forecast, labels);
  const series = seriesOf(option);

  it('stacks the bands as quantile differences on an invisible q50 base', () => {
    const stacked = series.filter((s) => s.stack === 'bands');
    expect(stacked.map((s) => s.name)).toEqual(['base', '50%–80%', '80%–90%', '90%–95%', '95%–99%']);
    const at = forecast.history.length; // first forecast day
    const point = forecast.forecast[0]!;
    const top = stacked.reduce((sum, s) => sum + (s.data[at] ?? 0), 0);
    expect(stacked[0]!.data[at]).toBeCloseTo(point.q50);
    expect(top).toBeCloseTo(point.q99);
  });

  it('leaves stock-out days out of the sales line and marks them separately', () => {
    const sales = series.find((s) => s.name === 'Units sold')!;
    const marks = series.find((s) => s.name === 'Out of stock')!;
    const censoredDays = forecast.history.flatMap((h, i) => (h.censored ? [i] : []));
    expect(censoredDays.length).toBeGreaterThan(0);
    for (const i of censoredDays) {
      expect(sales.data[i]).toBeNull();
      expect(marks.data[i]).toBe(0);
    }
  });

  it('never passes NaN to the chart and clamps negative quantiles at zero', () => {
    const broken: Forecast = {
      sku: 'X',
      location: null,
      asOf: '2026-01-02',
      source: 'computed',
      model: 'x',
      params: {},
      demandClass: 'smooth',
      degenerate: null,
      backtest: null,
      history: [{ date: '2026-01-01', units: Number.NaN, censored: false }],
      forecast: [
        {
          date: '2026-01-02',
          mean: Number.NaN,
          q50: -1,
          q80: 2,
          q90: Number.POSITIVE_INFINITY,
          q95: 3,
          q99: 4,
        },
      ],
      overrides: [],
      priceChanges: [],
    };
    const all = seriesOf(buildForecastOption(broken, labels)).flatMap((s) => s.data);
    expect(all.every((v) => v === null || (Number.isFinite(v) && v >= 0))).toBe(true);
  });

  it("shades the seller's overrides over the forecast days they cover, clipped to the chart", () => {
    const base = generateForecast() as Forecast;
    const days = base.forecast.map((f) => f.date);
    const overridden: Forecast = {
      ...base,
      overrides: [
        { scope: 'sku', mode: 'scale', value: 1.5, startsOn: '2000-01-01', endsOn: days[2]!, days: 3 },
        { scope: 'category', mode: 'replace', value: 4, startsOn: days[5]!, endsOn: '2999-12-31', days: 9 },
      ],
    };
    const mean = seriesOf(buildForecastOption(overridden, labels)).find(
      (s) => s.name === 'Mean',
    ) as unknown as {
      markArea: { data: [{ name: string; xAxis: string }, { xAxis: string }][] };
    };
    expect(mean.markArea.data).toEqual([
      [{ name: 'scale 1.5', xAxis: days[0] }, { xAxis: days[2] }],
      [{ name: 'replace 4', xAxis: days[5] }, { xAxis: days.at(-1) }],
    ]);
    const plain = seriesOf(buildForecastOption(base, labels)).find(
      (s) => s.name === 'Mean',
    ) as unknown as object;
    expect('markArea' in plain).toBe(false);
  });
});
