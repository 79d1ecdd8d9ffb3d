import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot } from '../../src/platform/snapshot-codec';

/** What is stored across restarts comes back as it was, or is refused (docs/decisions.md 34). */
describe('snapshot codec', () => {
  it('gives back Maps, Dates and non-finite numbers as they were', () => {
    const value = {
      advice: new Map([['1:2', { action: 'markdown', price: 9.5 }]]),
      at: new Date('2026-06-30T12:00:00.000Z'),
      ratio: Infinity,
      lost: -Infinity,
      nothing: null,
      rows: [{ a: 1, b: 'x' }],
    };
    const back = decodeSnapshot(encodeSnapshot(value)) as typeof value;
    expect(back).toEqual(value);
    expect(back.advice).toBeInstanceOf(Map);
    expect(back.at).toBeInstanceOf(Date);
  });

  it('refuses what it could not give back (a typed array, a Set)', () => {
    expect(() => encodeSnapshot({ mean: new Float64Array([1, 2]) })).toThrow(/Float64Array/);
    expect(() => encodeSnapshot({ ids: new Set([1]) })).toThrow(/Set/);
  });
});
