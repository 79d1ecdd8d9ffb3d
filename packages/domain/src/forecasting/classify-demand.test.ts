import { describe, expect, it } from 'vitest';
import { classifyDemand } from './classify-demand';

describe('classifyDemand (Syntetos, Boylan & Croston 2005)', () => {
  it('classifies the four quadrants', () => {
    expect(classifyDemand(Float64Array.from([5, 5, 6, 5, 4, 5])).demandClass).toBe('smooth');
    expect(classifyDemand(Float64Array.from([1, 20, 2, 30, 1, 15])).demandClass).toBe('erratic');
    expect(classifyDemand(Float64Array.from([0, 5, 0, 0, 5, 0, 0, 6])).demandClass).toBe('intermittent');
    expect(classifyDemand(Float64Array.from([0, 1, 0, 0, 30, 0, 0, 2])).demandClass).toBe('lumpy');
    expect(classifyDemand(Float64Array.from([0, 0, NaN])).demandClass).toBe('none');
  });

  it('uses ADI = observed / non-zero days, ignoring NaN', () => {
    const r = classifyDemand(Float64Array.from([0, 2, NaN, 0, 2]));
    expect(r.adi).toBe(2);
    expect(r.cv2).toBe(0);
  });
});
