/**
 * The cover band of a restock recommendation (docs/formulas.md Cover band, Replenishment costs): the
 * floor of days after arrival and whether it pays, the ceiling above which stock is excess. Pure.
 */
import { cycleRunDown, lowInventoryFloorPays } from './costs';
import type { ServiceLevelChoice } from './economics';
import type { RestockReasoning } from './restock';

/**
 * Days of forecast demand from now the floor's order-up-to covers: the lead time and the minimum
 * cover; for Amazon's fee also half the review (rounded up), since the fee reads average stock, which
 * runs down over the review after arrival. A seller's floor counts the days left at arrival.
 * @example coverFloorDays({ leadDays: 10, minCover: 28, feeRule: true, reviewDays: 7 }) // 10 + 28 + 4 = 42
 */
export function coverFloorDays(a: {
  leadDays: number;
  minCover: number;
  feeRule: boolean;
  reviewDays: number;
}): number {
  return a.leadDays + a.minCover + (a.feeRule ? Math.ceil(cycleRunDown(a.reviewDays)) : 0);
}

/**
 * Whether the cover floor is kept: unless carrying a unit for minCover days costs more than the margin
 * it protects, or, for Amazon's 28 days, more than the low-inventory-level fee it avoids.
 */
export function floorKept(a: {
  minCover: number;
  feeRule: boolean;
  base: number;
  floor: number;
  muL: number;
  dailyDemand: number;
  holding: number;
  service: ServiceLevelChoice;
  reviewDays?: number;
}): boolean {
  if (!(a.minCover > 0)) return false;
  const margin = a.service.lostMarginPerUnit;
  // A SKU that earns nothing per sale is not stocked up to save a fee on its sales.
  if (a.feeRule)
    return (
      (margin === null || margin > 0) &&
      lowInventoryFloorPays({
        base: a.base,
        floor: a.floor,
        demandOverLead: a.muL,
        dailyDemand: a.dailyDemand,
        holdingPerUnitDay: a.holding,
        reviewDays: a.reviewDays,
      })
    );
  return margin === null || margin > a.holding * a.minCover;
}

/**
 * The cover band, in units of forecast demand after arrival: the service-level order-up-to raised to
 * the floor (when it pays) and capped at the ceiling (unless excess is allowed or nothing sells).
 */
export function withinCoverBand(
  base: number,
  band: { floor: number; ceiling: number; floorPays: boolean; capped: boolean },
): { orderUpTo: number; basis: RestockReasoning['orderUpToBasis'] } {
  let orderUpTo = base;
  let basis: RestockReasoning['orderUpToBasis'] = 'service_level';
  if (band.floorPays && band.floor > orderUpTo) {
    orderUpTo = band.floor;
    basis = 'min_cover';
  }
  if (band.capped && orderUpTo > band.ceiling && band.ceiling >= 0) {
    orderUpTo = Math.max(band.ceiling, 0);
    basis = 'max_cover';
  }
  return { orderUpTo, basis };
}
