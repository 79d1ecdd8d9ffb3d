/**
 * Fitting a restock plan into a storage limit (docs/formulas.md Capacity limits): when the recommended
 * units of one storage type at one location need more cubic feet than are free, choose how many
 * cases of each SKU to keep so that the plan fits and earns the most margin — the space goes to the
 * SKUs that earn most per cubic foot. Formulated as a MIP (whole cases, MOQ as an on/off choice)
 * for a solver such as HiGHS, which the caller passes in (`solve`), keeping this module pure.
 */

export interface CapacityItem {
  /** Caller's key (e.g. 'SKU@LOCATION'). */
  key: string;
  recommendedQuantity: number;
  casePack: number;
  moq: number;
  cubicFeetPerUnit: number;
  /** Margin per unit sold (price − cost − fees); the value of the space it takes. */
  profitPerUnit: number;
}

/** What an LP solver answers: status and primal values by column name. */
export interface LpSolution {
  status: string;
  columns: Record<string, number>;
}

export type LpSolver = (lp: string) => LpSolution;

export interface CapacityPlanItem {
  key: string;
  recommendedQuantity: number;
  plannedQuantity: number;
  cutQuantity: number;
  profitPerCubicFoot: number;
}

export interface CapacityPlan {
  binding: boolean;
  spaceCubicFeet: number;
  recommendedCubicFeet: number;
  plannedCubicFeet: number;
  method: 'none' | 'mip' | 'lp' | 'greedy';
  items: CapacityPlanItem[];
}

/**
 * Up to this many items the plan is solved as a MIP by the solver. Above it, the LP relaxation is
 * used, and with a single capacity row its optimum has a closed form (Dantzig 1957: fill by profit
 * per cubic foot, best first), computed directly — HiGHS took ~4 s on a 20,000-column LP of this shape.
 */
export const MIP_MAX_ITEMS = 400;

const profitPerCubicFoot = (i: CapacityItem) =>
  i.cubicFeetPerUnit > 0 ? i.profitPerUnit / i.cubicFeetPerUnit : Number.POSITIVE_INFINITY;

const fmt = (x: number) => {
  const s = x.toPrecision(12);
  return s.includes('e') ? x.toFixed(9) : String(Number(s));
};

/**
 * CPLEX LP text: maximise Σ profit·pack·n_i subject to Σ cuft·pack·n_i ≤ space, 0 ≤ n_i ≤ cases_i;
 * with `integer`, n_i are whole cases and an item below its MOQ is either 0 or ≥ MOQ (binary y_i).
 */
export function capacityModel(options: {
  items: readonly CapacityItem[];
  spaceCubicFeet: number;
  integer: boolean;
}): string {
  const obj: string[] = [];
  const cap: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const generals: string[] = [];
  const binaries: string[] = [];
  options.items.forEach((item, i) => {
    const pack = Math.max(1, item.casePack);
    const cases = Math.ceil(item.recommendedQuantity / pack);
    // A tiny positive value keeps zero-margin SKUs in the plan when space allows.
    obj.push(`+ ${fmt(Math.max(1e-6, item.profitPerUnit) * pack)} n${i}`);
    cap.push(`+ ${fmt(item.cubicFeetPerUnit * pack)} n${i}`);
    bounds.push(`0 <= n${i} <= ${cases}`);
    if (options.integer) {
      generals.push(`n${i}`);
      const moqCases = Math.ceil(Math.max(0, item.moq) / pack);
      if (moqCases > 1) {
        rows.push(` m${i}a: n${i} - ${moqCases} y${i} >= 0`, ` m${i}b: n${i} - ${cases} y${i} <= 0`);
        binaries.push(`y${i}`);
      }
    }
  });
  return [
    'Maximize',
    ` obj: ${obj.join(' ') || '0 n0'}`,
    'Subject To',
    ` space: ${cap.join(' ') || '0 n0'} <= ${fmt(Math.max(0, options.spaceCubicFeet))}`,
    ...rows,
    'Bounds',
    ...bounds.map((b) => ` ${b}`),
    ...(generals.length ? ['General', ` ${generals.join(' ')}`] : []),
    ...(binaries.length ? ['Binary', ` ${binaries.join(' ')}`] : []),
    'End',
  ].join('\n');
}

/**
 * Plans within `spaceCubicFeet`. When the recommendation fits, nothing changes. Otherwise, up to
 * MIP_MAX_ITEMS items, the solver picks whole cases (MOQ as an on/off choice); above, the LP optimum
 * (Dantzig's rule) is taken in whole cases. Left-over space is then filled by profit per cubic foot,
 * case by case. Without a solver (or if it fails) the same fill is the whole answer ('greedy').
 */
export function planWithinCapacity(options: {
  items: readonly CapacityItem[];
  spaceCubicFeet: number;
  solve?: LpSolver;
}): CapacityPlan {
  const items = options.items.filter((i) => i.recommendedQuantity > 0);
  const space = Math.max(0, options.spaceCubicFeet);
  const volume = (i: CapacityItem, q: number) => Math.max(0, i.cubicFeetPerUnit) * q;
  const recommendedCubicFeet = items.reduce((s, i) => s + volume(i, i.recommendedQuantity), 0);
  const result = (planned: Map<string, number>, method: CapacityPlan['method']): CapacityPlan => {
    const out = options.items.map((i) => {
      const p = Math.min(i.recommendedQuantity, planned.get(i.key) ?? i.recommendedQuantity);
      return {
        key: i.key,
        recommendedQuantity: i.recommendedQuantity,
        plannedQuantity: p,
        cutQuantity: i.recommendedQuantity - p,
        profitPerCubicFoot: round2(profitPerCubicFoot(i)),
      };
    });
    return {
      binding: method !== 'none',
      spaceCubicFeet: round2(space),
      recommendedCubicFeet: round2(recommendedCubicFeet),
      plannedCubicFeet: round2(options.items.reduce((s, i, k) => s + volume(i, out[k]!.plannedQuantity), 0)),
      method,
      items: out,
    };
  };
  if (recommendedCubicFeet <= space + 1e-9) return result(new Map(), 'none');

  const planned = new Map<string, number>();
  const integer = items.length <= MIP_MAX_ITEMS;
  let method: CapacityPlan['method'] = integer ? 'greedy' : 'lp';
  if (options.solve && integer) {
    try {
      const solution = options.solve(capacityModel({ items, spaceCubicFeet: space, integer }));
      if (solution.status === 'Optimal' || solution.status === 'Time limit reached') {
        items.forEach((item, i) => {
          const pack = Math.max(1, item.casePack);
          const cases = Math.floor((solution.columns[`n${i}`] ?? 0) + 1e-6);
          let q = Math.min(item.recommendedQuantity, cases * pack);
          if (q > 0 && q < item.moq) q = 0;
          planned.set(item.key, q);
        });
        method = 'mip';
      }
    } catch {
      planned.clear();
    }
  }
  if (method !== 'mip') for (const item of items) planned.set(item.key, 0);
  // Fill what is left, best profit per cubic foot first, case by case (also completes LP rounding).
  let free = space - items.reduce((s, i) => s + volume(i, planned.get(i.key) ?? 0), 0);
  for (const item of [...items].sort((a, b) => profitPerCubicFoot(b) - profitPerCubicFoot(a))) {
    const pack = Math.max(1, item.casePack);
    let q = planned.get(item.key) ?? 0;
    const unit = volume(item, pack);
    if (q === 0 && item.moq > pack) {
      const moq = Math.min(item.recommendedQuantity, Math.ceil(item.moq / pack) * pack);
      if (volume(item, moq) > free + 1e-9) continue;
      q = moq;
      free -= volume(item, moq);
    }
    while (q + pack <= item.recommendedQuantity && unit <= free + 1e-9) {
      q += pack;
      free -= unit;
    }
    planned.set(item.key, q);
  }
  return result(planned, method);
}

function round2(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 100) / 100 : 1e9;
}
