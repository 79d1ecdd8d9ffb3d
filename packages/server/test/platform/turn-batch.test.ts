import { describe, expect, it } from 'vitest';
import { TurnBatch } from '../../src/platform/turn-batch';

const nextTurn = () =>
  new Promise<void>((resolve) => {
    setImmediate(resolve);
  });

describe('TurnBatch', () => {
  it('answers every key asked for in one turn with one load of the distinct keys', async () => {
    const loads: string[][] = [];
    const batch = new TurnBatch<number>((keys) => {
      loads.push(keys);
      return Promise.resolve(new Map(keys.filter((k) => k !== 'unknown').map((k) => [k, k.length])));
    });
    const answers = await Promise.all(['a', 'bb', 'a', 'ccc', 'unknown'].map((k) => batch.load(k)));
    expect(answers).toEqual([1, 2, 1, 3, undefined]);
    expect(loads).toEqual([['a', 'bb', 'ccc', 'unknown']]);
  });

  it('loads keys asked for on a later turn in a load of their own', async () => {
    const loads: string[][] = [];
    const batch = new TurnBatch<string>((keys) => {
      loads.push(keys);
      return Promise.resolve(new Map(keys.map((k) => [k, k.toUpperCase()])));
    });
    const first = batch.load('x');
    await nextTurn();
    await nextTurn();
    const second = batch.load('y');
    expect([await first, await second]).toEqual(['X', 'Y']);
    expect(loads).toEqual([['x'], ['y']]);
  });

  it('fails every waiter of a failed load, and loads again afterwards', async () => {
    let fail = true;
    const batch = new TurnBatch<number>((keys) =>
      fail ? Promise.reject(new Error('database gone')) : Promise.resolve(new Map(keys.map((k) => [k, 1]))),
    );
    const results = await Promise.allSettled([batch.load('a'), batch.load('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await batch.load('a')).toBe(1);
  });
});
