import { describe, expect, it } from 'vitest';
import { bias, intervalCoverage, wape } from './accuracy';

const a = Float64Array.from([10, 0, NaN, 5]);
const f = Float64Array.from([8, 1, 100, 5]);

describe('accuracy', () => {
  it('wape and bias skip censored actuals', () => {
    expect(wape(a, f)).toBeCloseTo(3 / 15, 12);
    expect(bias(a, f)).toBeCloseTo(-1 / 15, 12);
  });

  it('never NaN on zero actuals', () => {
    const z = new Float64Array(3);
    expect(wape(z, z)).toBe(0);
    expect(wape(z, Float64Array.from([1, 0, 0]))).toBe(1);
    expect(bias(z, Float64Array.from([1, 0, 0]))).toBe(1);
  });

  it('interval coverage', () => {
    const lower = Float64Array.from([9, 0, 0, 6]);
    const upper = Float64Array.from([12, 0, 0, 9]);
    expect(intervalCoverage(a, { lower, upper })).toBeCloseTo(2 / 3, 12);
    expect(intervalCoverage(Float64Array.from([NaN]), { lower, upper })).toBe(0);
  });
});
