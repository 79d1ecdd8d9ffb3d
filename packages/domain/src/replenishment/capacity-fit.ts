/**
 * Fitting a restock plan into each location's storage limits (docs/formulas.md Capacity limits): per
 * location × storage type with a limit, the space free after what is on hand or inbound, and the plan's
 * lines there cut — least profit per cubic foot first — when they need more (`planWithinCapacity`).
 */
import type { CapacityItem, CapacityPlan, LpSolver } from './capacity';
import { planWithinCapacity } from './capacity';
import type { PlanLine, PlanLocation, PlanProduct } from './plan-line';
import { cutLine, productStorageType } from './plan-line';

/** Stock of one product at one location (what takes space). */
export interface PlacedStock {
  productId: number;
  locationId: number;
  onHand: number;
  inbound: number;
}

/** One location × storage type with a limit, and the plan's lines that need space there. */
export interface CapacityBin<P extends PlanProduct = PlanProduct, L extends PlanLocation = PlanLocation> {
  location: L;
  storageType: string;
  limit: number;
  /** Cubic feet on hand or inbound. */
  used: number;
  free: number;
  lines: PlanLine<P, L>[];
  items: CapacityItem[];
  /** Cubic feet the recommended quantities need. */
  needed: number;
}

/** What the capacity fit did at one location × storage type. */
export interface CapacitySummary {
  location: string;
  storageType: string;
  limitCubicFeet: number;
  usedCubicFeet: number;
  freeCubicFeet: number;
  recommendedCubicFeet: number;
  plannedCubicFeet: number;
  binding: boolean;
  method: CapacityPlan['method'];
  cut: { sku: string; recommendedQuantity: number; plannedQuantity: number; profitPerCubicFoot: number }[];
  summary: string;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Tolerance before a plan counts as not fitting (cubic feet). */
const FIT_TOLERANCE = 1e-9;

/** The bins of a plan: every location × storage type with a positive limit, in location order. */
export function capacityBins<P extends PlanProduct, L extends PlanLocation>(a: {
  lines: readonly PlanLine<P, L>[];
  locations: readonly L[];
  stock: Iterable<PlacedStock>;
  /** Every product of the catalogue (stock of products not planned still takes space). */
  catalogue: readonly PlanProduct[];
}): CapacityBin<P, L>[] {
  const volumeOf = new Map<number, { cubicFeet: number; storageType: string }>();
  for (const p of a.catalogue)
    volumeOf.set(p.id, { cubicFeet: p.cubicFeet ?? 0, storageType: productStorageType(p) });
  const stock = [...a.stock];
  const bins: CapacityBin<P, L>[] = [];
  for (const location of a.locations) {
    for (const [storageType, limit] of Object.entries(location.capacityCubicFeet)) {
      if (!(typeof limit === 'number' && limit > 0)) continue;
      let used = 0;
      for (const b of stock) {
        if (b.locationId !== location.id) continue;
        const v = volumeOf.get(b.productId);
        if (v && v.storageType === storageType) used += (b.onHand + b.inbound) * v.cubicFeet;
      }
      const lines = a.lines.filter(
        (r) =>
          r.location.id === location.id && r.storageType === storageType && r.rec.recommendedQuantity > 0,
      );
      const items: CapacityItem[] = lines.map((r, i) => ({
        key: String(i),
        recommendedQuantity: r.rec.recommendedQuantity,
        casePack: r.rec.reasoning.casePack,
        moq: r.rec.reasoning.moq,
        cubicFeetPerUnit: r.product.cubicFeet ?? 0,
        profitPerUnit: r.profitPerUnit,
      }));
      const needed = items.reduce((s, i) => s + i.recommendedQuantity * i.cubicFeetPerUnit, 0);
      bins.push({
        location,
        storageType,
        limit,
        used,
        free: Math.max(0, limit - used),
        lines,
        items,
        needed,
      });
    }
  }
  return bins;
}

/** Whether a bin's plan does not fit its free space (only then is the solver needed). */
export const binOverflows = (b: CapacityBin): boolean => b.needed > b.free + FIT_TOLERANCE;

/**
 * Fits each bin: its lines are cut to the planned quantities (with the reason) and record how they
 * fared. The solver is used only where a bin overflows (load it when `binOverflows` says so); without
 * it the fit is greedy by profit per cubic foot. Returns one summary per bin.
 */
export function fitToCapacity<P extends PlanProduct, L extends PlanLocation>(
  bins: readonly CapacityBin<P, L>[],
  options: { solve: LpSolver | undefined },
): CapacitySummary[] {
  return bins.map((bin) => {
    const { location, storageType, limit, used, free } = bin;
    const plan = planWithinCapacity({
      items: bin.items,
      spaceCubicFeet: free,
      ...(binOverflows(bin) && options.solve ? { solve: options.solve } : {}),
    });
    const cut: CapacitySummary['cut'] = [];
    plan.items.forEach((p, i) => {
      const r = bin.lines[i]!;
      r.capacity = {
        storageType,
        unconstrainedQuantity: r.unconstrained,
        cutQuantity: p.cutQuantity,
        profitPerCubicFoot: p.profitPerCubicFoot,
      };
      if (p.cutQuantity > 0) {
        cut.push({
          sku: r.product.sku,
          recommendedQuantity: p.recommendedQuantity,
          plannedQuantity: p.plannedQuantity,
          profitPerCubicFoot: p.profitPerCubicFoot,
        });
        cutLine(
          r,
          p.plannedQuantity,
          `Cut by ${p.cutQuantity} to fit ${round2(free)} cu ft of free ${storageType} space at ${location.code}: this SKU earns $${p.profitPerCubicFoot.toFixed(2)} per cubic foot, less than those kept.`,
        );
      }
    });
    cut.sort((x, y) => x.profitPerCubicFoot - y.profitPerCubicFoot);
    return {
      location: location.code,
      storageType,
      limitCubicFeet: round2(limit),
      usedCubicFeet: round2(used),
      freeCubicFeet: round2(free),
      recommendedCubicFeet: plan.recommendedCubicFeet,
      plannedCubicFeet: plan.plannedCubicFeet,
      binding: plan.binding,
      method: plan.method,
      cut,
      summary: plan.binding
        ? `${location.code} ${storageType}: the plan needs ${plan.recommendedCubicFeet} cu ft but ${round2(free)} are free (limit ${round2(limit)}, ${round2(used)} on hand or inbound); ${cut.length} SKU(s) cut, least profitable per cubic foot first.`
        : `${location.code} ${storageType}: the plan (${plan.recommendedCubicFeet} cu ft) fits the ${round2(free)} cu ft free.`,
    };
  });
}
