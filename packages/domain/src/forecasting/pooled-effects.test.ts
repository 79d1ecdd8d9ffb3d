import { describe, expect, it } from 'vitest';
import { fitPooledEffects, localLevel, type EffectFactor } from './pooled-effects';
import { lcgUniform, poissonSampler } from '../../test/support/random';

/**
 * The textbook cycle of iterative proportional fitting, as `fitPooledEffects` was first written: per
 * factor, Σ y and Σ fitted / e over each level's observed days, then every fitted value of the level
 * scaled by next / e. The product's fit must give these effects bit for bit.
 */
function textbookIpf(options: {
  series: readonly Float64Array[];
  factors: readonly EffectFactor[];
  from: number;
  to: number;
  prior: number;
}): Float64Array[] {
  const { series, factors, from, to, prior } = options;
  const effects = factors.map((f) => new Float64Array(f.levels).fill(1));
  const T = to - from;
  const fitted = series.map((y) => localLevel(y, { from, to, window: 28 }));
  for (let iter = 0; iter < 6; iter++) {
    factors.forEach((factor, fi) => {
      const e = effects[fi]!;
      const num = new Float64Array(factor.levels);
      const den = new Float64Array(factor.levels);
      series.forEach((y, s) => {
        for (let k = 0; k < T; k++) {
          const c = factor.codes[s]![from + k]!;
          const v = y[from + k]!;
          if (c < 0 || Number.isNaN(v)) continue;
          num[c] = num[c]! + v;
          den[c] = den[c]! + fitted[s]![k]! / e[c]!;
        }
      });
      const next = new Float64Array(factor.levels);
      for (let c = 0; c < factor.levels; c++) next[c] = (num[c]! + prior) / (den[c]! + prior);
      series.forEach((_, s) => {
        for (let k = 0; k < T; k++) {
          const c = factor.codes[s]![from + k]!;
          if (c >= 0) fitted[s]![k] = (fitted[s]![k]! * next[c]!) / e[c]!;
        }
      });
      effects[fi] = next;
    });
  }
  return effects;
}

/** Series with a weekday shape, an every-23rd-day event, censored runs and days some factors skip. */
function data(count: number, days: number, seed: number) {
  const draw = poissonSampler(seed);
  const uniform = lcgUniform(seed + 1);
  const series = Array.from({ length: count }, (_, s) =>
    Float64Array.from({ length: days }, (_, t) => {
      if (uniform() < 0.05) return NaN;
      return draw((0.3 + (s % 5)) * (1 + 0.2 * (t % 7)) * (t % 23 === 5 ? 2.5 : 1));
    }),
  );
  const factor = (name: string, levels: number, code: (s: number, t: number) => number): EffectFactor => ({
    name,
    levels,
    codes: series.map((_, s) => Int16Array.from({ length: days }, (_, t) => code(s, t))),
  });
  const factors = [
    factor('weekday', 14, (s, t) => (s % 2) * 7 + (t % 7)),
    factor('event', 2, (s, t) => (t % 23 === 5 ? s % 2 : -1)),
    factor('sparse', 3, (s, t) => (t % 11 === 0 ? s % 3 : -1)),
  ];
  return { series, factors };
}

describe('fitPooledEffects', () => {
  it('gives the textbook cycle’s effects bit for bit (censored days, skipped days, a window)', () => {
    const { series, factors } = data(12, 300, 7);
    for (const window of [
      { from: 0, to: 300 },
      { from: 40, to: 250 },
    ]) {
      const fast = fitPooledEffects({ series, factors, ...window, prior: 20 });
      const slow = textbookIpf({ series, factors, ...window, prior: 20 });
      expect(fast.map((e) => Array.from(e))).toEqual(slow.map((e) => Array.from(e)));
    }
  });

  it('with one factor, each cycle rescales by the previous cycle’s effects', () => {
    const { series, factors } = data(8, 200, 11);
    const one = [factors[0]!];
    const fast = fitPooledEffects({ series, factors: one, from: 0, to: 200, prior: 5 });
    expect(Array.from(fast[0]!)).toEqual(
      Array.from(textbookIpf({ series, factors: one, from: 0, to: 200, prior: 5 })[0]!),
    );
    // The weekday shape it finds is the one put in (1 + 0.2 · weekday, relative to the week).
    const e = fast[0]!;
    expect(e[6]! / e[0]!).toBeGreaterThan(1.7);
    expect(e[6]! / e[0]!).toBeLessThan(2.6);
  });
});
