/**
 * The alert and the worded summary of a restock recommendation (docs/formulas.md Restock). Pure.
 */
import { describeOverrides } from '../forecasting/overrides';
import { describePriceChanges } from '../forecasting/planned-prices';
import type { RestockAlert, RestockReasoning } from './restock';

/** Days ahead within which an order-by date warns (at least a week, else the review period). */
const REORDER_SOON_MIN_DAYS = 7;

/**
 * Out of stock when nothing is available and demand is forecast; reorder now when supply lasts less
 * than the lead time or the order-by day has come; reorder soon when it comes within the review period.
 */
export function restockAlert(a: {
  available: number;
  dailyDemand: number;
  daysOfSupply: number | null;
  leadDays: number;
  orderBy: number | null;
  asOfDay: number;
  reviewDays: number;
}): RestockAlert | null {
  if (a.available <= 0 && a.dailyDemand > 0) return 'out_of_stock';
  if (
    (a.daysOfSupply !== null && a.daysOfSupply < a.leadDays) ||
    (a.orderBy !== null && a.orderBy <= a.asOfDay)
  )
    return 'reorder_now';
  if (a.orderBy !== null && a.orderBy - a.asOfDay <= Math.max(a.reviewDays, REORDER_SOON_MIN_DAYS))
    return 'reorder_soon';
  return null;
}

export function summarise(r: RestockReasoning, quantity: number): string {
  const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
  const overridden = [describeOverrides(r.forecastOverrides), describePriceChanges(r.forecastPriceChanges)]
    .filter((s) => s !== '')
    .join(' ');
  if (r.dailyDemand <= 0)
    return `No demand is forecast; ${fmt(r.position.total)} units on hand and inbound cover it, so nothing to order.${overridden === '' ? '' : ` ${overridden}`}`;
  let target = `At a ${(r.serviceLevel * 100).toFixed(1)}% service level (${r.serviceLevelSource === 'economics' ? `margin $${(r.lostMarginPerUnit ?? 0).toFixed(2)} lost per unit short vs $${(r.excessCostPerUnit ?? 0).toFixed(2)} to carry one too many` : r.serviceLevelSource === 'setting' ? 'set by you' : 'default: no price'}) safety stock is ${fmt(r.safetyStock)}, so order up to ${fmt(r.orderUpTo)}`;
  if (r.orderUpToBasis === 'min_cover')
    target += ` (raised to keep ${fmt(r.minCoverDaysAfterArrival)} days of cover after arrival)`;
  if (r.orderUpToBasis === 'max_cover')
    target += ` (capped at ${fmt(r.maxCoverDays)} days of supply after arrival)`;
  const receipts = r.leadTimeReceipts;
  const lead =
    receipts === null
      ? `${fmt(r.leadTimeDays)} ± ${fmt(r.leadTimeSdDays)} days`
      : `${fmt(r.leadTimeDays)} days on average (${fmt(receipts.minDays)}–${fmt(receipts.maxDays)} in ${fmt(receipts.receipts)} receipts, each weighed as it came)`;
  const parts = [
    `Sells ${r.dailyDemand.toFixed(2)}/day; lead time ${lead} plus a ${fmt(r.reviewDays)}-day review → ${fmt(r.demandOverProtection)} units expected.`,
    `${target}.`,
  ];
  const lumpy = r.lumpy;
  if (lumpy)
    parts.push(
      `Lumpy: safety stock from ${lumpy.orders} orders in ${lumpy.windowDays} days of ${fmt(lumpy.minSize)}–${fmt(lumpy.maxSize)} units (mean ${fmt(lumpy.meanSize)}), ${lumpy.expectedOrders.toFixed(2)} expected over ${fmt(r.leadTimeDays + r.reviewDays)} days (none: ${(lumpy.chanceOfNone * 100).toFixed(0)}%), capped where a unit's margin no longer pays for the wait to sell it (${(lumpy.serviceLevel * 100).toFixed(1)}% for the last unit stocked; ${fmt(r.carryDays)} days between orders at least).`,
    );
  const have = `You have ${fmt(r.position.available)} available + ${fmt(r.position.inbound)} inbound${r.position.backorders > 0 ? ` − ${fmt(r.position.backorders)} backordered` : ''}`;
  if (quantity === 0) parts.push(`${have}: enough, order nothing now.`);
  else {
    const why =
      r.rounding === 'moq'
        ? ` (minimum order ${fmt(r.moq)})`
        : r.rounding === 'case_pack'
          ? ` (rounded up to cases of ${fmt(r.casePack)})`
          : '';
    parts.push(`${have}, so order ${fmt(quantity)}${why}.`);
  }
  if (r.exceedsMaxCover)
    parts.push(
      `This puts ${fmt(r.daysOfSupplyAfterArrival ?? 0)} days of supply on hand after arrival, above the ${fmt(r.maxCoverDays)}-day excess line.`,
    );
  if (overridden !== '') parts.push(overridden);
  for (const a of r.assumptions) parts.push(`Assumed: ${a.rule}; ${a.effect}.`);
  return parts.join(' ');
}
