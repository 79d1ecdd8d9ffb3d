/**
 * Lead time per supplier × route (route = the destination location, docs/formulas.md Restock): the
 * receipts of orders from that supplier to that location when there are any, else the supplier's over
 * all routes, else the stated (or, without a supplier, the default) lead time. Pure.
 */
import type { LearnedLeadTime } from './lead-time';
import { learnLeadTime, totalStagedDays } from './lead-time';
import { DEFAULT_LEAD_TIME_DAYS } from './missing-inputs';
import type { PlanSupplier } from './plan-line';

/** Where a lead time was learned: this route's receipts, the supplier's over all routes, or none. */
export type LeadTimeBasis = 'route' | 'supplier' | 'stated' | 'default';

/** The key of a supplier × destination route (the observed lead days of a route are filed under it). */
export const routeKey = (supplierId: number, locationId: number): string =>
  `${String(supplierId)}:${String(locationId)}`;

export type RouteLeadTime = LearnedLeadTime & { productionDays: number; basis: LeadTimeBasis };

/**
 * The lead time of a purchase to one location: learned from the route's receipts (blended with the
 * stated lead time as `learnLeadTime` does) when the route has any, else the supplier-wide one.
 * @example supplier stated 50, route receipts [62, 62, 62] → mean (3·62 + 3·50)/6 = 56, basis 'route'
 */
export function routeLeadTime(
  supplierWide: LearnedLeadTime & { productionDays: number },
  a: { hasSupplier: boolean; routeObservedDays: readonly number[] | undefined },
): RouteLeadTime {
  const route = a.routeObservedDays ?? [];
  if (a.hasSupplier && route.length > 0)
    return {
      ...learnLeadTime({ statedDays: supplierWide.statedDays, observedDays: route }),
      productionDays: supplierWide.productionDays,
      basis: 'route',
    };
  const basis: LeadTimeBasis = !a.hasSupplier
    ? 'default'
    : supplierWide.observations > 0
      ? 'supplier'
      : 'stated';
  return { ...supplierWide, basis };
}

/** Lead time from the supplier's stages and its past receipts (the default without a supplier). */
export function supplierLeadTime(
  supplier: PlanSupplier | undefined,
  observedDays: readonly number[],
): LearnedLeadTime & { productionDays: number } {
  if (!supplier)
    return {
      ...learnLeadTime({ statedDays: DEFAULT_LEAD_TIME_DAYS, observedDays: [] }),
      productionDays: 0,
    };
  return {
    ...learnLeadTime({ statedDays: totalStagedDays(supplier), observedDays }),
    productionDays: supplier.productionDays,
  };
}
