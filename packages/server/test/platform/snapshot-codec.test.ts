import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot } from '../../src/platform/snapshot-codec';

/** What is stored across restarts comes back as it was, or is refused (docs/decisions.md 34, 48). */
describe('snapshot codec', () => {
  it('gives back Maps, Sets, Dates, Float64Arrays and non-finite numbers as they were', () => {
    const value = {
      advice: new Map([['1:2', { action: 'markdown', price: 9.5 }]]),
      itemsOf: new Map([[7, new Set([3, 4])]]),
      daily: new Float64Array([0.5, NaN, Infinity]),
      at: new Date('2026-06-30T12:00:00.000Z'),
      ratio: Infinity,
      lost: -Infinity,
      nothing: null,
      rows: [{ a: 1, b: 'x' }],
    };
    const back = decodeSnapshot(encodeSnapshot(value)) as typeof value;
    expect(back).toEqual(value);
    expect(back.advice).toBeInstanceOf(Map);
    expect(back.itemsOf.get(7)).toBeInstanceOf(Set);
    expect(back.daily).toBeInstanceOf(Float64Array);
    expect(back.at).toBeInstanceOf(Date);
  });

  it('stores an object referenced twice once, and gives it back shared', () => {
    const product = { id: 1, sku: 'A-1', title: 'x'.repeat(10_000) };
    const value = { products: [product], lines: [{ product }, { product }] };
    const body = encodeSnapshot(value);
    expect(body.length).toBeLessThan(2 * encodeSnapshot(product).length);
    const back = decodeSnapshot(body) as typeof value;
    expect(back).toEqual(value);
    expect(back.lines[0]?.product).toBe(back.products[0]);
    expect(back.lines[1]?.product).toBe(back.products[0]);
  });

  it('refuses to read a body it did not write', () => {
    expect(() => decodeSnapshot('{"rows":[]}')).toThrow();
  });

  it('refuses what it could not give back (another typed array, a class instance)', () => {
    expect(() => encodeSnapshot({ counts: new Int32Array([1, 2]) })).toThrow(/Int32Array/);
    class Window {
      constructor(readonly days: number) {}
    }
    expect(() => encodeSnapshot({ window: new Window(28) })).toThrow(/Window/);
    expect(() => encodeSnapshot({ rows: [new Map([[1, new Window(7)]])] })).toThrow(/Window/);
    expect(() => encodeSnapshot({ round: Math.round })).toThrow(/function/);
  });
});
