/**
 * A SKU plan bundles everything the simulation needs about one SKU: its product, demand profile,
 * supplier and the seller's (imperfect) planning habits. The habits are what make the dashboard
 * interesting: most SKUs are planned well, a few are over-bought, one line missed its reorders.
 */
import type { Calendar } from './calendar';
import type { CatalogEntry } from './catalog';
import { cubicFeet, isOversize } from './catalog-data';
import { buildDemandProfile, expectedDemand, scaleDemand, type DemandProfile } from './demand';
import { totalLeadTimeDays } from './network';
import { deriveSeed, Rng } from './prng';
import type { Scenario, SkuRole } from './roles';
import type { DemoProduct, DemoSupplier } from './types';

export interface SkuPlan {
  index: number;
  product: DemoProduct;
  scenario: Scenario;
  supplierIndex: number;
  /** Planned supplier lead time (sum of the stages). */
  leadTime: number;
  demand: DemandProfile;
  returnRate: number;
  /** Multiplies every forecast the seller makes: > 1 over-buys, < 1 under-buys. */
  plannerBias: number;
  reviewDays: number;
  safetyDays: number;
  /** Days of demand one order is meant to cover. */
  cycleDays: number;
  /** Target days of cover held at FBA; WH1 tops it up weekly. */
  fbaCoverDays: number;
  directToFba: boolean;
  /** From this day on the Amazon listing sells nothing (listing error). */
  amazonStopDay: number;
  /** No supplier orders on or after this day (line being discontinued). */
  orderStopDay: number;
  /** Half-open range of days without supplier orders (a missed reorder). */
  orderBlock: readonly [number, number];
  opening: { fba: number; wh: number };
  /** Storage volume per unit and size tier, for FBA capacity (docs/formulas.md). */
  unitCubicFeet: number;
  oversize: boolean;
  /** Own stream: this SKU's draws do not depend on other SKUs. */
  rng: Rng;
}

/** Overseas suppliers are reviewed fortnightly (consolidated containers), fast ones weekly. */
export function reviewCadence(supplier: DemoSupplier): number {
  return totalLeadTimeDays(supplier) > 30 ? 14 : 7;
}

function openingStock(plan: SkuPlan): { fba: number; wh: number } {
  if (plan.demand.launchDay > 0) return { fba: 0, wh: 0 };
  const rate = (plan.plannerBias * expectedDemand(plan.demand, { from: 0, length: 60 })) / 60;
  let cover = plan.rng.float(45, 90) + plan.leadTime * 0.5;
  // Over-bought lines and lines about to be dropped start with far too much: this becomes the
  // aged (> 365 days) and excess stock the age and excess reports must show.
  if (plan.scenario === 'overstock') cover *= plan.rng.float(2, 3.5);
  if (plan.scenario === 'discontinued') cover *= plan.rng.float(2, 3);
  const total = Math.max(1, Math.round(rate * cover));
  const fbaTarget = Math.round(
    rate * plan.demand.amazonShare * plan.fbaCoverDays * (plan.scenario === 'overstock' ? 1.5 : 1),
  );
  const fba = plan.directToFba ? Math.round(total * 0.8) : Math.min(total, fbaTarget);
  return { fba, wh: total - fba };
}

/**
 * Cubic feet per day per SKU that the catalogue ships from FBA on average over the last year. Raw
 * lognormal levels make total volume swing several-fold between seeds; pinning the flow keeps FBA
 * near (not over) its capacity for any seed: about 45 days of cover ≈ 60 % of the limit.
 */
const FLOW_PER_SKU = { standard: 0.13, oversize: 0.012 };

function normaliseFlow(plans: readonly SkuPlan[], days: number): void {
  const flow = { standard: 0, oversize: 0 };
  for (const plan of plans) {
    const yearly = expectedDemand(plan.demand, { from: days - 365, length: 365 }) / 365;
    flow[plan.oversize ? 'oversize' : 'standard'] += yearly * plan.demand.amazonShare * plan.unitCubicFeet;
  }
  const factor = {
    standard: flow.standard > 0 ? (FLOW_PER_SKU.standard * plans.length) / flow.standard : 1,
    oversize: flow.oversize > 0 ? (FLOW_PER_SKU.oversize * plans.length) / flow.oversize : 1,
  };
  for (const plan of plans) scaleDemand(plan.demand, factor[plan.oversize ? 'oversize' : 'standard']);
}

export function buildPlans(args: {
  seed: number;
  entries: readonly CatalogEntry[];
  roles: readonly SkuRole[];
  suppliers: readonly DemoSupplier[];
  calendar: Calendar;
  days: number;
}): SkuPlan[] {
  const { entries, roles, suppliers, calendar, days } = args;
  const plans = entries.map((entry, index) => {
    const role = roles[index]!;
    const rng = new Rng(deriveSeed(args.seed, 1000 + index));
    const supplierIndex = suppliers.findIndex((s) => s.code === entry.product.supplierCode);
    const supplier = suppliers[supplierIndex]!;
    const leadTime = totalLeadTimeDays(supplier);
    // Bulky items sell fewer units: a store sells more phone stands than cat trees.
    const oversize = isOversize(entry.product);
    const level = oversize ? { scale: 0.35, max: 2.5 } : { scale: 1, max: 45 };
    const demand = buildDemandProfile({ rng, role, template: entry.template, calendar, days, level });
    const scenario = role.scenario;
    const plan: SkuPlan = {
      index,
      product: entry.product,
      scenario,
      supplierIndex,
      leadTime,
      demand,
      returnRate: entry.template.returnRate * rng.float(0.7, 1.3),
      plannerBias:
        scenario === 'overstock'
          ? rng.float(1.8, 2.6)
          : scenario === 'discontinued'
            ? rng.float(1.3, 1.8)
            : rng.logNormal(1, 0.12),
      reviewDays: reviewCadence(supplier),
      safetyDays: rng.int(10, 21),
      cycleDays: rng.int(30, 60),
      fbaCoverDays: rng.int(35, 56),
      directToFba: rng.chance(0.2),
      amazonStopDay: scenario === 'listingError' ? days - rng.int(8, 40) : calendar.length,
      orderStopDay: scenario === 'discontinued' ? demand.stopDay - rng.int(0, 40) : calendar.length,
      // Ordering resumes only once nothing placed can land before asOf: the SKU is out at asOf.
      orderBlock: scenario === 'stockout' ? [Math.max(0, days - 200), days - leadTime] : [0, 0],
      opening: { fba: 0, wh: 0 },
      unitCubicFeet: cubicFeet(entry.product),
      oversize,
      rng,
    };
    return plan;
  });
  normaliseFlow(plans, days);
  for (const plan of plans) plan.opening = openingStock(plan);
  return plans;
}
