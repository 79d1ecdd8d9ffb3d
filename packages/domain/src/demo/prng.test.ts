import { describe, expect, it } from 'vitest';
import { deriveSeed, mulberry32, Rng } from './prng';

const sample = (n: number, draw: () => number): number[] => Array.from({ length: n }, draw);
const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const variance = (xs: number[]): number => {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
};

describe('seeded randomness', () => {
  it('repeats a sequence for a seed and differs across seeds and streams', () => {
    expect(sample(5, mulberry32(7))).toEqual(sample(5, mulberry32(7)));
    expect(sample(5, mulberry32(7))).not.toEqual(sample(5, mulberry32(8)));
    expect(deriveSeed(42, 1)).not.toBe(deriveSeed(42, 2));
    expect(deriveSeed(42, 1)).toBe(deriveSeed(42, 1));
  });

  it('stays in [0, 1) and int() covers both ends', () => {
    const rng = new Rng(1);
    const xs = sample(10_000, () => rng.uniform());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const ints = new Set(sample(1000, () => rng.int(1, 3)));
    expect([...ints].sort()).toEqual([1, 2, 3]);
  });

  it('draws Poisson and negative binomial with the intended mean and variance', () => {
    const rng = new Rng(3);
    const pois = sample(20_000, () => rng.poisson(4));
    expect(mean(pois)).toBeCloseTo(4, 1);
    expect(variance(pois)).toBeGreaterThan(3.7);
    expect(variance(pois)).toBeLessThan(4.3);
    // size 2: variance = 4 + 16/2 = 12, i.e. overdispersed.
    const nb = sample(20_000, () => rng.negBinomial(4, 2));
    expect(mean(nb)).toBeGreaterThan(3.8);
    expect(mean(nb)).toBeLessThan(4.2);
    expect(variance(nb)).toBeGreaterThan(10.5);
    expect(variance(nb)).toBeLessThan(13.5);
  });

  it('never returns NaN or negatives for degenerate means', () => {
    const rng = new Rng(5);
    for (const m of [0, -1, Number.NaN, 1e-9]) {
      expect(rng.poisson(m)).toBeGreaterThanOrEqual(0);
      expect(rng.negBinomial(m, 0.3)).toBeGreaterThanOrEqual(0);
    }
    expect(rng.binomial(0, 0.5)).toBe(0);
  });
});
