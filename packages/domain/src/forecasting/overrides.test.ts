import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { countQuantiles } from './count-quantiles';
import type { ForecastOverride } from './overrides';
import {
  applyForecastOverrides,
  demandShare,
  describeOverrides,
  overridesOf,
  validateForecastOverrides,
} from './overrides';
import type { DemandForecast } from './types';

const forecast = (mean: number[]): DemandForecast => ({
  model: 'ses',
  params: {},
  demandClass: 'smooth',
  degenerate: null,
  mean: Float64Array.from(mean),
  quantiles: [{ level: 0.9, values: Float64Array.from(mean.map(() => 99)) }],
  dispersion: 1.5,
  levelVariance: 0.1,
});

const override = (o: Partial<ForecastOverride> & Pick<ForecastOverride, 'startsOn' | 'endsOn'>) => ({
  id: 1,
  scope: 'sku' as const,
  mode: 'scale' as const,
  value: 2,
  note: null,
  ...o,
});

const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError) return e.field;
  }
  return undefined;
};

describe('forecast overrides', () => {
  it('scales the days of its period only and recomputes their quantiles from the error model', () => {
    const f = forecast([4, 4, 4, 4]);
    const out = applyForecastOverrides(f, [override({ startsOn: '2026-12-02', endsOn: '2026-12-03' })], {
      asOf: '2026-12-01',
    });
    expect([...out.mean]).toEqual([4, 8, 8, 4]);
    // μ = 8: variance 1.5·8 + 0.1·64 = 18.4.
    expect(out.quantiles[0]!.values[1]).toBe(countQuantiles(8, 18.4, [0.9])[0]);
    expect(out.quantiles[0]!.values[0]).toBe(99);
    expect(out.overrides).toEqual([
      { scope: 'sku', mode: 'scale', value: 2, startsOn: '2026-12-02', endsOn: '2026-12-03', days: 2 },
    ]);
    expect([...f.mean]).toEqual([4, 4, 4, 4]);
  });

  it("replaces with the series' share; a SKU's own override beats its category's, the later beats the earlier", () => {
    const f = forecast([1, 1, 1]);
    const list: ForecastOverride[] = [
      override({
        id: 1,
        scope: 'category',
        mode: 'replace',
        value: 10,
        startsOn: '2026-12-01',
        endsOn: '2026-12-03',
      }),
      override({
        id: 3,
        scope: 'category',
        mode: 'replace',
        value: 20,
        startsOn: '2026-12-03',
        endsOn: '2026-12-03',
      }),
      override({
        id: 2,
        scope: 'sku',
        mode: 'scale',
        value: 0,
        startsOn: '2026-12-02',
        endsOn: '2026-12-02',
      }),
    ];
    const out = applyForecastOverrides(f, list, { asOf: '2026-12-01', share: 0.25 });
    expect([...out.mean]).toEqual([2.5, 0, 5]);
    expect(out.overrides?.map((o) => o.days)).toEqual([1, 1, 1]);
  });

  it('leaves a forecast untouched outside every period', () => {
    const f = forecast([1, 2]);
    expect(
      applyForecastOverrides(f, [override({ startsOn: '2027-01-01', endsOn: '2027-01-05' })], {
        asOf: '2026-12-01',
      }),
    ).toBe(f);
  });

  it('shares a replacement by forecast demand over the covered days, equally when none is forecast', () => {
    const o = [override({ startsOn: '2026-12-02', endsOn: '2026-12-03' })];
    // Covered days are index 1 and 2: 3 + 3 = 6 of 6 + 2 = 8.
    expect(
      demandShare(
        [100, 3, 3],
        [
          [100, 3, 3],
          [0, 1, 1],
        ],
        { asOf: '2026-12-01', overrides: o },
      ),
    ).toBe(0.75);
    expect(
      demandShare(
        [0, 0, 0],
        [
          [0, 0, 0],
          [5, 0, 0],
        ],
        { asOf: '2026-12-01', overrides: o },
      ),
    ).toBe(0.5);
  });

  it('picks the overrides of a SKU and of its category', () => {
    const stored = [
      { ...override({ id: 1, startsOn: '2026-12-01', endsOn: '2026-12-01' }), sku: 'A', category: null },
      { ...override({ id: 2, startsOn: '2026-12-01', endsOn: '2026-12-01' }), sku: 'B', category: null },
      {
        ...override({ id: 3, scope: 'category', startsOn: '2026-12-01', endsOn: '2026-12-01' }),
        sku: null,
        category: 'Mugs',
      },
    ];
    expect(overridesOf(stored, { sku: 'A', category: 'Mugs' }).map((o) => o.id)).toEqual([1, 3]);
    expect(overridesOf(stored, { sku: 'C', category: null }).map((o) => o.id)).toEqual([]);
  });

  it('refuses bad periods naming the field', () => {
    const ok = {
      startsOn: '2026-12-01',
      endsOn: '2026-12-07',
      mode: 'scale' as const,
      value: 1.2,
      note: ' x ',
    };
    expect(validateForecastOverrides([ok])[0]!.note).toBe('x');
    expect(fieldOf(() => validateForecastOverrides([{ ...ok, endsOn: '2026-11-30' }]))).toBe(
      'overrides.0.endsOn',
    );
    expect(fieldOf(() => validateForecastOverrides([{ ...ok, value: -1 }]))).toBe('overrides.0.value');
    expect(fieldOf(() => validateForecastOverrides([{ ...ok, value: 21 }]))).toBe('overrides.0.value');
    expect(fieldOf(() => validateForecastOverrides([{ ...ok, endsOn: '2028-01-01' }]))).toBe(
      'overrides.0.endsOn',
    );
    expect(fieldOf(() => validateForecastOverrides([ok, { ...ok, startsOn: '2026-12-07' }]))).toBe(
      'overrides.1.startsOn',
    );
    expect(validateForecastOverrides([{ ...ok, mode: 'replace', value: 500 }])[0]!.value).toBe(500);
  });

  it('says what was applied', () => {
    expect(describeOverrides([])).toBe('');
    expect(
      describeOverrides([
        {
          scope: 'category',
          mode: 'replace',
          value: 3,
          startsOn: '2026-12-01',
          endsOn: '2026-12-31',
          days: 31,
        },
      ]),
    ).toBe('Forecast overridden by you: 3 units/day from 2026-12-01 to 2026-12-31 (its category).');
  });
});
