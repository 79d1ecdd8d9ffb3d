/**
 * The seller's replenishment habits inside the simulation: a periodic-review order-up-to policy at
 * the supplier (docs/formulas.md, with the planner's bias on the forecast) and weekly top-ups of FBA from
 * WH1. The baseline forecast is deliberately blind to the SKU's own promotions and to listing errors.
 */
import { expectedDemand } from './demand';
import type { SkuPlan } from './plans';

function canOrder(plan: SkuPlan, day: number): boolean {
  const [from, to] = plan.orderBlock;
  return day < plan.orderStopDay && !(day >= from && day < to);
}

function roundUpToCase(units: number, casePack: number): number {
  return Math.ceil(units / casePack) * casePack;
}

/** Units to order from the supplier at the end of `day`, given the network position. */
export function reorderQuantity(plan: SkuPlan, args: { day: number; position: number }): number {
  if (!canOrder(plan, args.day)) return 0;
  const protect = plan.leadTime + plan.reviewDays + plan.safetyDays;
  const reorderPoint =
    plan.plannerBias * expectedDemand(plan.demand, { from: args.day + 1, length: protect });
  if (reorderPoint <= 0 || args.position >= reorderPoint) return 0;
  const orderUpTo =
    plan.plannerBias * expectedDemand(plan.demand, { from: args.day + 1, length: protect + plan.cycleDays });
  const need = orderUpTo - args.position;
  if (need <= 0) return 0;
  return Math.max(plan.product.moq, roundUpToCase(need, plan.product.casePack));
}

/** Units to move WH1 → FBA on a shipping day: top FBA up to its cover target, in whole cases. */
export function transferQuantity(plan: SkuPlan, args: { day: number; fba: number; wh: number }): number {
  if (args.day >= plan.amazonStopDay || args.wh <= 0) return 0;
  const share = plan.demand.amazonShare;
  const target =
    plan.plannerBias * share * expectedDemand(plan.demand, { from: args.day + 1, length: plan.fbaCoverDays });
  // Ship only when FBA is below ~60 % of target: fewer, fuller shipments.
  if (target <= 0 || args.fba >= target * 0.6) return 0;
  // Keep three weeks of Shopify demand at WH1.
  const reserve = Math.ceil((1 - share) * expectedDemand(plan.demand, { from: args.day + 1, length: 21 }));
  const free = args.wh - reserve;
  if (free <= 0) return 0;
  return Math.min(free, roundUpToCase(target - args.fba, plan.product.casePack));
}
