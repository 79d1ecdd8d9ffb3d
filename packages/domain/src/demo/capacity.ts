/**
 * FBA capacity (docs/formulas.md: one limit per storage type, in cubic feet). The simulated seller
 * respects it the way real sellers must: top-ups stop short of the limit, most urgent SKUs first.
 */
import type { SkuPlan } from './plans';

export interface PoolVolumes {
  standard: number;
  oversize: number;
}

/** Share of the limit the seller fills with weekly top-ups, keeping room for returns and POs. */
export const TOP_UP_FILL = 0.9;
/** Above this share a supplier PO goes to WH1 even if the SKU normally ships direct to FBA. */
export const DIRECT_PO_FILL = 0.7;

export function poolOf(plan: SkuPlan): keyof PoolVolumes {
  return plan.oversize ? 'oversize' : 'standard';
}

export function usedVolume(plans: readonly SkuPlan[], onHand: readonly number[]): PoolVolumes {
  const used: PoolVolumes = { standard: 0, oversize: 0 };
  for (const plan of plans) used[poolOf(plan)] += plan.unitCubicFeet * onHand[plan.index]!;
  return used;
}

/** Whole units of this SKU that still fit under `fill` × the limit. */
export function unitsThatFit(
  plan: SkuPlan,
  args: { used: PoolVolumes; limit: PoolVolumes; fill: number },
): number {
  const pool = poolOf(plan);
  const room = args.limit[pool] * args.fill - args.used[pool];
  return room <= 0 ? 0 : Math.floor(room / plan.unitCubicFeet);
}
