/**
 * A restock plan for 30,000 SKUs × 3 locations, timed: per SKU × location a recommendation
 * (`recommendRestock`), then per location the capacity fit (HiGHS LP, since the plan has more than
 * MIP_MAX_ITEMS lines) with a limit that binds. Demand comes from M5 series (tiled), forecasts are
 * flat at each series' trailing 28-day mean with typical dispersion; the database is not involved.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import highsLoader from 'highs';
import type { DemandForecast } from '../../packages/domain/src/forecasting/types';
import type { CapacityItem, LpSolver } from '../../packages/domain/src/replenishment/capacity';
import { planWithinCapacity } from '../../packages/domain/src/replenishment/capacity';
import { recommendRestock } from '../../packages/domain/src/replenishment/restock';
import type { SalesTable } from '../m5/load';

export async function planAtScale(options: {
  skus: number;
  locations: number;
  sales: SalesTable;
}): Promise<Record<string, number>> {
  const { sales } = options;
  const t0 = performance.now();
  const highs = await highsLoader({
    wasmBinary: readFileSync(createRequire(import.meta.url).resolve('highs/runtime')),
  });
  const solve: LpSolver = (lp) => {
    const s = highs.solve(lp, { output_flag: false, time_limit: 5 });
    return {
      status: s.Status,
      columns: Object.fromEntries(
        Object.entries(s.Columns).map(([k, c]) => [k, (c as { Primal: number }).Primal]),
      ),
    };
  };
  const loadMs = performance.now() - t0;
  const n = sales.ids.length;
  const forecasts: DemandForecast[] = [];
  for (let i = 0; i < n; i++) {
    const y = sales.sales[i]!;
    let s = 0;
    for (let t = y.length - 28; t < y.length; t++) s += y[t]!;
    forecasts.push({
      model: 'flat',
      params: {},
      demandClass: 'smooth',
      degenerate: null,
      mean: new Float64Array(90).fill(s / 28),
      quantiles: [],
      dispersion: 1.6,
      levelVariance: 0.04,
    });
  }
  const started = performance.now();
  let lines = 0;
  let units = 0;
  let cut = 0;
  let plannedCubicFeet = 0;
  for (let l = 0; l < options.locations; l++) {
    const items: CapacityItem[] = [];
    for (let i = 0; i < options.skus; i++) {
      const f = forecasts[(i * 7 + l) % n]!;
      const price = 3 + (i % 37);
      const cubicFeet = 0.05 + (i % 11) * 0.04;
      const rec = recommendRestock(
        {
          asOf: '2026-03-02',
          forecast: f,
          stock: { onHand: (i * 13 + l * 7) % 40, reserved: 0, inbound: (i % 5) * 3 },
          leadTime: { meanDays: 20 + (i % 30), sdDays: 4, productionDays: 10 },
          casePack: [1, 6, 12, 24][i % 4]!,
          moq: [0, 24, 48][i % 3]!,
          unitCost: 0.4 * price,
          price,
          feesPerUnit: 0.15 * price + 3.22,
          cubicFeet,
          storagePerCubicFootDay: (0.78 * 12) / 365,
        },
        { minCoverDaysAfterArrival: l === 2 ? 0 : 28 },
      );
      if (rec.recommendedQuantity > 0) {
        lines++;
        units += rec.recommendedQuantity;
        items.push({
          key: String(i),
          recommendedQuantity: rec.recommendedQuantity,
          casePack: rec.reasoning.casePack,
          moq: rec.reasoning.moq,
          cubicFeetPerUnit: cubicFeet,
          profitPerUnit: Math.max(0, price - 0.4 * price - 0.15 * price - 3.22),
        });
      }
    }
    const needed = items.reduce((s, i) => s + i.recommendedQuantity * i.cubicFeetPerUnit, 0);
    // A limit at 70% of what the plan wants: the capacity fit has to cut.
    const plan = planWithinCapacity({ items, spaceCubicFeet: 0.7 * needed, solve });
    cut += plan.items.filter((i) => i.cutQuantity > 0).length;
    plannedCubicFeet += plan.plannedCubicFeet;
  }
  const planMs = performance.now() - started;
  return {
    skus: options.skus,
    locations: options.locations,
    lines,
    units,
    cutLines: cut,
    plannedCubicFeet: Math.round(plannedCubicFeet),
    solverLoadMs: Math.round(loadMs),
    planMs: Math.round(planMs),
  };
}
