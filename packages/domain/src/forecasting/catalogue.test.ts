import { describe, expect, it } from 'vitest';
import { forecastCatalogue, planCatalogue } from './catalogue';
import type { CatalogueSeries } from './catalogue-factors';
import { poissonSampler } from '../../test/support/random';

const DAYS = 420;
const HORIZON = 28;
const weekday = Int8Array.from({ length: DAYS + HORIZON }, (_, t) => t % 7);
const SHAPE = [0.6, 0.8, 1, 1, 1.1, 1.5, 1] as const;
/** Event days: one every 50 days, the last one inside the horizon (day 440). */
const eventDay = (t: number) => t % 50 === 40;
const events = Array.from({ length: DAYS + HORIZON }, (_, t) => (eventDay(t) ? 'Sale' : ''));

function catalogue(count: number): CatalogueSeries[] {
  const draw = poissonSampler(7);
  return Array.from({ length: count }, (_, i) => {
    const level = 2 + (i % 5);
    const history = Float64Array.from({ length: DAYS }, (_, t) =>
      draw(level * SHAPE[t % 7]! * (eventDay(t) ? 3 : 1)),
    );
    return { sku: `S${String(i)}`, history, category: 'mugs', location: 'WH', region: 'US' };
  });
}

describe('forecastCatalogue', () => {
  it('learns the weekday shape and an event effect pooled across series', () => {
    const series = catalogue(40);
    const plan = planCatalogue(
      { series, calendar: { weekday, events: { US: events } } },
      { horizon: HORIZON },
    );
    const [weekdays, event] = plan.effects;
    const mean = SHAPE.reduce((a, b) => a + b, 0) / 7;
    SHAPE.forEach((v, d) => {
      expect(Math.abs(weekdays![d]! / (v / mean) - 1)).toBeLessThan(0.08);
    });
    expect(event![0]).toBeGreaterThan(2.5);
    expect(event![0]).toBeLessThan(3.5);
  });

  it("applies the pooled effects to a young SKU's forecast, and a seller event's known lift as given", () => {
    const series = catalogue(40);
    // A young SKU: 40 days of history, the rest not yet stocked.
    const young = series[0]!.history.map((v, t) => (t < DAYS - 40 ? NaN : v));
    const input = {
      series: [{ ...series[0]!, history: young }, ...series.slice(1)],
      calendar: { weekday, events: { US: events } },
    };
    const [plain] = forecastCatalogue(input, { horizon: HORIZON });
    const day = (t: number) => t - DAYS;
    const eventIndex = day(Array.from({ length: HORIZON }, (_, h) => DAYS + h).find(eventDay)!);
    const neighbours = (plain!.mean[eventIndex - 7]! + plain!.mean[eventIndex + 7]!) / 2;
    expect(plain!.mean[eventIndex]! / neighbours).toBeGreaterThan(2.3);
    const [lifted] = forecastCatalogue(
      {
        ...input,
        events: [
          { name: 'Promo', from: DAYS + 3, to: DAYS + 5, scope: { kind: 'skus', skus: ['S0'] }, lift: 2 },
        ],
      },
      { horizon: HORIZON },
    );
    for (let h = 0; h < HORIZON; h++) {
      const ratio = h === 3 || h === 4 ? 2 : 1;
      expect(lifted!.mean[h]).toBeCloseTo(plain!.mean[h]! * ratio, 6);
    }
  });

  it('refuses histories of different lengths and a calendar shorter than history and horizon', () => {
    const series = catalogue(2);
    expect(() =>
      forecastCatalogue(
        {
          series: [series[0]!, { ...series[1]!, history: series[1]!.history.subarray(1) }],
          calendar: { weekday },
        },
        { horizon: HORIZON },
      ),
    ).toThrow(RangeError);
    expect(() => forecastCatalogue({ series, calendar: { weekday } }, { horizon: HORIZON + 1 })).toThrow(
      RangeError,
    );
  });
});
