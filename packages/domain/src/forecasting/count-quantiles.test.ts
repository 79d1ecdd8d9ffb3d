import { describe, expect, it } from 'vitest';
import { countQuantiles, logGamma } from './count-quantiles';

describe('countQuantiles', () => {
  it('Poisson quantiles match R qpois', () => {
    // R: qpois(c(0.05, 0.5, 0.9, 0.99), 3.2) = 1 3 6 8
    expect(Array.from(countQuantiles(3.2, 3.2, [0.05, 0.5, 0.9, 0.99]))).toEqual([1, 3, 6, 8]);
  });

  it('negative binomial quantiles match R qnbinom', () => {
    // variance 12 at mean 4 → size = 16 / 8 = 2. R: qnbinom(c(0.05, 0.5, 0.9, 0.99), size=2, mu=4) = 0 3 9 15
    expect(Array.from(countQuantiles(4, 12, [0.05, 0.5, 0.9, 0.99]))).toEqual([0, 3, 9, 15]);
  });

  it('handles large means without underflow', () => {
    // R: qpois(0.5, 5000) = 5000; qnbinom(0.9, size=100, mu=5000) = 5657
    expect(countQuantiles(5000, 5000, [0.5])[0]).toBe(5000);
    expect(countQuantiles(5000, 5000 + 5000 ** 2 / 100, [0.9])[0]).toBe(5657);
  });

  it('returns zeros for zero or invalid means', () => {
    expect(Array.from(countQuantiles(0, 0, [0.5, 0.99]))).toEqual([0, 0]);
    expect(Array.from(countQuantiles(NaN, 1, [0.5]))).toEqual([0]);
  });

  it('logGamma', () => {
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 10);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 10);
  });
});
