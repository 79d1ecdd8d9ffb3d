import { describe, expect, it } from 'vitest';
import type { OpenLayer } from './fifo';
import { allocateFifo, allocateFifoInOrder, fifoUnitCost } from './fifo';

const layer = (id: number, quantityRemaining: number, unitCost: number | null): OpenLayer => ({
  id,
  receivedAt: new Date(Date.UTC(2026, 0, id)),
  arrivedAt: new Date(Date.UTC(2026, 0, id)),
  quantityRemaining,
  unitCost,
});

describe('allocateFifoInOrder', () => {
  it('gives each movement what allocateFifo gives it after the earlier ones, per item', () => {
    const a = [layer(1, 5, 2), layer(2, 5, 3)];
    const b = [layer(3, 2, 1)];
    const { allocations, taken } = allocateFifoInOrder(
      new Map([
        ['A', a],
        ['B', b],
      ]),
      [
        { key: 'A', quantity: 3 },
        { key: 'B', quantity: 1 },
        { key: 'A', quantity: 4 },
        { key: 'B', quantity: 2 },
      ],
    );
    // One by one: A takes 3 of layer 1, then 2 of layer 1 and 2 of layer 2; B takes 1, then 1 and is 1 short.
    expect(allocations.map((x) => x.takes.map((t) => [t.layerId, t.quantity]))).toEqual([
      [[1, 3]],
      [[3, 1]],
      [
        [1, 2],
        [2, 2],
      ],
      [[3, 1]],
    ]);
    expect(allocations.map((x) => x.shortfall)).toEqual([0, 0, 0, 1]);
    expect(fifoUnitCost(allocations[2]!.takes)).toBe(2.5);
    expect([...taken]).toEqual([
      [1, 5],
      [3, 2],
      [2, 2],
    ]);
    // The caller's layers are not changed.
    expect(a.map((l) => l.quantityRemaining)).toEqual([5, 5]);
    expect(allocateFifo(a, 3).takes).toEqual(allocations[0]!.takes);
  });

  it('an item without layers is short by the whole quantity', () => {
    const { allocations, taken } = allocateFifoInOrder(new Map(), [{ key: 'X', quantity: 2 }]);
    expect(allocations).toEqual([{ takes: [], shortfall: 2 }]);
    expect(taken.size).toBe(0);
  });
});
