import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import type { CapacityItem, LpSolver } from './capacity';
import { capacityModel, planWithinCapacity } from './capacity';

const require = createRequire(import.meta.url);
const highs = await highsLoader({ wasmBinary: readFileSync(require.resolve('highs/runtime')) });
const solve: LpSolver = (lp) => {
  const s = highs.solve(lp, { output_flag: false, mip_rel_gap: 1e-6 });
  return {
    status: s.Status,
    columns: Object.fromEntries(
      Object.entries(s.Columns).map(([k, c]) => [k, (c as { Primal: number }).Primal]),
    ),
  };
};

// Profit per cubic foot: A 10/0.5 = 20, B 6/0.2 = 30, C 2/0.4 = 5, D 8/1 = 8.
const items: CapacityItem[] = [
  { key: 'A', recommendedQuantity: 100, casePack: 10, moq: 0, cubicFeetPerUnit: 0.5, profitPerUnit: 10 },
  { key: 'B', recommendedQuantity: 200, casePack: 20, moq: 0, cubicFeetPerUnit: 0.2, profitPerUnit: 6 },
  { key: 'C', recommendedQuantity: 100, casePack: 10, moq: 0, cubicFeetPerUnit: 0.4, profitPerUnit: 2 },
  { key: 'D', recommendedQuantity: 50, casePack: 5, moq: 0, cubicFeetPerUnit: 1, profitPerUnit: 8 },
];
// Recommended volume: 50 + 40 + 40 + 50 = 180 cu ft.

describe('planWithinCapacity', () => {
  it('leaves the plan alone when it fits', () => {
    const plan = planWithinCapacity({ items, spaceCubicFeet: 200, solve });
    expect(plan.binding).toBe(false);
    expect(plan.items.map((i) => i.plannedQuantity)).toEqual([100, 200, 100, 50]);
  });

  it('fits the limit and cuts the SKUs that earn least per cubic foot (MIP, HiGHS)', () => {
    // 120 cu ft: B (30/cu ft, 40) and A (20/cu ft, 50) fit whole = 90; 30 left: D (8/cu ft) gets 30 units = 6 cases;
    // C (5/cu ft) is cut entirely.
    const plan = planWithinCapacity({ items, spaceCubicFeet: 120, solve });
    expect(plan.binding).toBe(true);
    expect(plan.method).toBe('mip');
    expect(plan.plannedCubicFeet).toBeLessThanOrEqual(120);
    const byKey = Object.fromEntries(plan.items.map((i) => [i.key, i]));
    expect(byKey['A']!.plannedQuantity).toBe(100);
    expect(byKey['B']!.plannedQuantity).toBe(200);
    expect(byKey['D']!.plannedQuantity).toBe(30);
    expect(byKey['C']!.plannedQuantity).toBe(0);
    expect(byKey['C']!.cutQuantity).toBe(100);
    expect(plan.plannedCubicFeet).toBe(120);
  });

  it('honours MOQs: an item is either off or at least its MOQ', () => {
    const withMoq: CapacityItem[] = [
      { key: 'X', recommendedQuantity: 100, casePack: 10, moq: 80, cubicFeetPerUnit: 1, profitPerUnit: 5 },
      { key: 'Y', recommendedQuantity: 100, casePack: 10, moq: 0, cubicFeetPerUnit: 1, profitPerUnit: 4 },
    ];
    // 70 cu ft: X cannot reach its MOQ of 80 → off; Y gets 70.
    const plan = planWithinCapacity({ items: withMoq, spaceCubicFeet: 70, solve });
    expect(plan.items.map((i) => i.plannedQuantity)).toEqual([0, 70]);
  });

  it('the greedy fallback (no solver) gives the same answer on this case', () => {
    const plan = planWithinCapacity({ items, spaceCubicFeet: 120 });
    expect(plan.method).toBe('greedy');
    expect(plan.items.map((i) => i.plannedQuantity)).toEqual([100, 200, 0, 30]);
  });

  it('writes a valid LP model', () => {
    const lp = capacityModel({ items, spaceCubicFeet: 120, integer: true });
    expect(lp).toContain('space:');
    expect(lp).toContain('General');
  });
});
