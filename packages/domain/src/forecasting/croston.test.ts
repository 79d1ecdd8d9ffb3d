import { describe, expect, it } from 'vitest';
import { carparts21088598 as cp } from '../../test/reference/series';
import { crostonRate } from './croston';
import { tsbRate } from './tsb';

describe('Croston / SBA', () => {
  it('matches R croston()', () => {
    // R forecast 8.20: croston(carparts[,"21088598"], h=5, alpha=0.1)$mean = 0.4962504748 (every h)
    expect(crostonRate(cp, { alpha: 0.1 })).toBeCloseTo(0.4962504748, 9);
    // R forecast 8.20: croston(carparts[,"21088598"], h=5, alpha=0.2)$mean = 0.4599110884
    expect(crostonRate(cp, { alpha: 0.2 })).toBeCloseTo(0.4599110884, 9);
  });

  it('SBA is Croston × (1 − α/2) (Syntetos & Boylan 2005)', () => {
    expect(crostonRate(cp, { alpha: 0.1, variant: 'sba' })).toBeCloseTo(0.4962504748 * 0.95, 9);
  });

  it('hand-computed: sizes 4, 2 at days 2 and 5', () => {
    // sizes: 4 → 4 + 0.5·(2 − 4) = 3; intervals: 2 → 2 + 0.5·(3 − 2) = 2.5; rate 3 / 2.5
    expect(crostonRate(Float64Array.from([0, 4, 0, 0, 2]), { alpha: 0.5 })).toBeCloseTo(1.2, 12);
  });

  it('skips censored days and returns 0 without demand', () => {
    expect(crostonRate(Float64Array.from([0, 4, NaN, 0, NaN, 0, 2]), { alpha: 0.5 })).toBeCloseTo(1.2, 12);
    expect(crostonRate(Float64Array.from([0, 0, NaN]))).toBe(0);
  });
});

describe('TSB (Teunter, Syntetos & Babai 2011)', () => {
  it('hand-computed', () => {
    // init p = 2/4 = 0.5 (initWindow 4), z = 4. Day0: p = 0.5·0.5 = 0.25; day1 (4): z = 4, p = 0.625;
    // day2: p = 0.3125; day3 (2): z = 3, p = 0.65625 → 0.65625 · 3
    const y = Float64Array.from([0, 4, 0, 2]);
    expect(tsbRate(y, { alpha: 0.5, beta: 0.5, initWindow: 4 })).toBeCloseTo(1.96875, 12);
  });

  it('decays when demand stops (obsolescence)', () => {
    const y = new Float64Array(200);
    for (let t = 0; t < 100; t++) y[t] = t % 2;
    expect(tsbRate(y)).toBeLessThan(0.05 * tsbRate(y, { end: 100 }));
  });
});
