import { describe, expect, it } from 'vitest';
import { forecastCatalogue, planCatalogue } from './catalogue';
import type { CatalogueEvent, CatalogueSeries } from './catalogue-factors';
import { isoDate, parseIsoDate } from '../dates/dates';
import {
  appliedPriceChanges,
  describePriceChanges,
  priceChangeNotes,
  priceChangesBefore,
} from './planned-prices';
import { PRICE_RESPONSE_RULES } from './price-response';

const DAYS = 120;
const HORIZON = 28;
const weekday = Int8Array.from({ length: DAYS + HORIZON }, (_, t) => t % 7);
const SHAPE = [3, 4, 5, 5, 6, 8, 5] as const;

const series = (sku: string, category: string, elasticity?: number): CatalogueSeries => ({
  sku,
  category,
  location: 'WH',
  region: 'US',
  history: Float64Array.from({ length: DAYS }, (_, t) => SHAPE[t % 7]! + (t % 3)),
  ...(elasticity !== undefined ? { elasticity } : {}),
});

/** 20 % off for S0's category over horizon days 3–9. */
const cut: CatalogueEvent = {
  name: 'Price cut',
  from: DAYS + 3,
  to: DAYS + 10,
  scope: { kind: 'category', category: 'mugs' },
  lift: null,
  priceFactor: 0.8,
};

describe('planned price changes', () => {
  it('multiply the forecast over their days by (factor)^elasticity, the prior without one, and only in scope', () => {
    const input = {
      series: [series('S0', 'mugs', -2), series('S1', 'mugs'), series('S2', 'lamps', -2)],
      calendar: { weekday },
    };
    const plain = forecastCatalogue(input, { horizon: HORIZON });
    const priced = forecastCatalogue({ ...input, events: [cut] }, { horizon: HORIZON });
    // S0: 0.8^−2 = 1.5625; S1 takes the prior −1.5: 0.8^−1.5 = 1.39754; S2 is another category.
    const expected = [1.5625, Math.pow(0.8, PRICE_RESPONSE_RULES.prior), 1];
    expect(expected[1]).toBeCloseTo(1.39754, 5);
    expected.forEach((ratio, s) => {
      for (let h = 0; h < HORIZON; h++) {
        const r = h >= 3 && h < 10 ? ratio : 1;
        expect(priced[s]!.mean[h], `series ${String(s)} day ${String(h)}`).toBeCloseTo(
          plain[s]!.mean[h]! * r,
          6,
        );
      }
    });
  });

  it('a price event learns no lift of its own, and a given lift applies on top of the price response', () => {
    const input = { series: [series('S0', 'mugs', -2)], calendar: { weekday } };
    const withCut = planCatalogue({ ...input, events: [cut] }, { horizon: HORIZON });
    const without = planCatalogue(input, { horizon: HORIZON });
    expect(withCut.factors.map((f) => f.name)).toEqual(without.factors.map((f) => f.name));
    const [plain] = forecastCatalogue(input, { horizon: HORIZON });
    const [both] = forecastCatalogue({ ...input, events: [{ ...cut, lift: 1.2 }] }, { horizon: HORIZON });
    expect(both!.mean[5]).toBeCloseTo(plain!.mean[5]! * 1.2 * 1.5625, 6);
  });

  it('past price cuts are divided out of the history the models see', () => {
    // The history sold 1.5625× over days 100–106 because of a 20 % cut there (elasticity −2).
    const base = series('S0', 'mugs', -2);
    const boosted = { ...base, history: base.history.map((v, t) => (t >= 100 && t < 107 ? v * 1.5625 : v)) };
    const past: CatalogueEvent = { ...cut, from: 100, to: 107 };
    const calendar = { weekday };
    const total = (mean: ArrayLike<number>) => Array.from(mean).reduce((a, b) => a + b, 0);
    const [plain] = forecastCatalogue({ series: [base], calendar }, { horizon: HORIZON });
    const [unexplained] = forecastCatalogue({ series: [boosted], calendar }, { horizon: HORIZON });
    const [explained] = forecastCatalogue(
      { series: [boosted], calendar, events: [past] },
      { horizon: HORIZON },
    );
    const off = (f: typeof plain) => Math.abs(total(f!.mean) / total(plain!.mean) - 1);
    // The pooled weekday effects are fitted on the raw days, so the match is close, not exact.
    expect(off(explained)).toBeLessThan(0.002);
    expect(off(unexplained)).toBeGreaterThan(5 * off(explained));
  });

  it('states the changes that apply to a series over a range, with the elasticity and multiplier used', () => {
    const s0 = series('S0', 'mugs', -2);
    expect(
      appliedPriceChanges(s0, [cut, { ...cut, priceFactor: null }], { from: DAYS, to: DAYS + HORIZON }),
    ).toEqual([
      {
        name: 'Price cut',
        from: DAYS + 3,
        to: DAYS + 10,
        priceFactor: 0.8,
        elasticity: -2,
        demandMultiplier: expect.closeTo(1.5625, 12) as number,
      },
    ]);
    expect(appliedPriceChanges(s0, [cut], { from: DAYS + 10, to: DAYS + HORIZON })).toEqual([]);
    expect(appliedPriceChanges(series('S2', 'lamps'), [cut], { from: DAYS, to: DAYS + HORIZON })).toEqual([]);
  });
});

describe('planned price changes on short and constant histories', () => {
  it('apply to a degenerate forecast (a constant seller) over their days too', () => {
    const flat: CatalogueSeries = { ...series('S0', 'mugs', -2), history: new Float64Array(60).fill(3) };
    const days = 60;
    const event = { ...cut, from: days + 3, to: days + 10 };
    const input = { series: [flat], calendar: { weekday: Int8Array.from({ length: 88 }, (_, t) => t % 7) } };
    const [plain] = forecastCatalogue(input, { horizon: HORIZON });
    const [priced] = forecastCatalogue({ ...input, events: [event] }, { horizon: HORIZON });
    expect(plain!.degenerate).not.toBeNull();
    for (let h = 0; h < HORIZON; h++)
      expect(priced!.mean[h]! / plain!.mean[h]!).toBeCloseTo(h >= 3 && h < 10 ? 1.5625 : 1, 6);
  });
});

describe('price change notes', () => {
  it('give inclusive dates and rounded figures, and the reasoning sentence names each', () => {
    const notes = priceChangeNotes(series('S0', 'mugs', -2), [cut], {
      fromEpochDay: parseIsoDate('2026-01-01'),
      from: DAYS,
      to: DAYS + HORIZON,
    });
    expect(notes).toEqual([
      {
        name: 'Price cut',
        startsOn: isoDate(parseIsoDate('2026-01-01') + DAYS + 3),
        endsOn: isoDate(parseIsoDate('2026-01-01') + DAYS + 9),
        priceFactor: 0.8,
        elasticity: -2,
        demandMultiplier: 1.562, // 0.8^−2 in floating point is just under 1.5625
      },
    ]);
    expect(describePriceChanges(notes)).toBe(
      `Planned price change included: "Price cut" from ${notes[0]!.startsOn} to ${notes[0]!.endsOn}: price ×0.8 (−20%), demand ×1.562 at elasticity -2.`,
    );
    expect(describePriceChanges([])).toBe('');
    // Only those starting before the end of a protection period are the order's.
    expect(priceChangesBefore(notes, notes[0]!.startsOn)).toEqual([]);
    expect(priceChangesBefore(notes, notes[0]!.endsOn)).toEqual(notes);
  });
});
