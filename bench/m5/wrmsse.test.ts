import { describe, expect, it } from 'vitest';
import { rmsseScale, wrmsse } from './wrmsse';

describe('wrmsse', () => {
  it('scale starts at the first non-zero value', () => {
    expect(rmsseScale(Float64Array.from([0, 2, 4, 2]))).toBe(4);
    expect(rmsseScale(Float64Array.from([0, 0]))).toBe(0);
  });

  it('tiny two-item hierarchy, computed by hand', () => {
    // Items A and B in one store: levels 1–9 all see A + B, levels 10–12 see A and B separately.
    // A: history 0 2 4 2 → scale (4 + 4)/2 = 4; errors 1, −1 → MSE 1 → RMSSE 1/2.
    // B: history 1 1 3 1 → scale (0 + 4 + 4)/3 = 8/3; errors 0, −2 → MSE 2 → RMSSE √(3/4).
    // A+B: history 1 3 7 3 → scale (4 + 16 + 16)/3 = 12; errors 1, −3 → MSE 5 → RMSSE √(5/12).
    // Weights by dollars 30 : 10.
    const one = (s: string): string[] => [s, s];
    const r = wrmsse({
      hierarchy: { item: ['A', 'B'], dept: one('D'), cat: one('C'), store: one('S'), state: one('X') },
      history: [Float64Array.from([0, 2, 4, 2]), Float64Array.from([1, 1, 3, 1])],
      actual: [Float64Array.from([2, 2]), Float64Array.from([1, 3])],
      forecast: [Float64Array.from([3, 1]), Float64Array.from([1, 1])],
      dollars: Float64Array.from([30, 10]),
    });
    const top = Math.sqrt(5 / 12);
    const bottom = 0.75 * 0.5 + 0.25 * Math.sqrt(0.75);
    expect(r.levels['total']).toBeCloseTo(top, 12);
    expect(r.levels['item_store']).toBeCloseTo(bottom, 12);
    expect(r.wrmsse).toBeCloseTo((9 * top + 3 * bottom) / 12, 12);
  });
});
