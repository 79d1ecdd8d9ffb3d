/**
 * Alert rules (docs/formulas.md cover band): pure functions from the facts
 * the repositories gather to the conditions that hold on a day. Each condition carries a dedupe key,
 * so the same key while it lasts is the same alert. No clock, no I/O.
 */
import { isoDate, parseIsoDate } from '../dates/dates';
import type { FeeSchedule } from '../fees/fee-schedule';
import { agedSurcharge, CAPACITY_PROJECTION_DAYS, capacityOverageFee } from '../fees/fee-schedule';
import { AGE_WARNING_THRESHOLDS, surchargeAgeAt } from '../health/age';
import type { FactorSums } from '../health/factors';
import { daysOfSupply, factorsFromSums } from '../health/factors';
import { IPI_WARNING_THRESHOLD, ipiProxy } from '../health/ipi';

export type AlertSeverity = 'info' | 'warning' | 'critical';

export interface AlertCondition {
  kind: string;
  /** Identifies the condition: the same key while it lasts means the same alert. */
  dedupeKey: string;
  severity: AlertSeverity;
  sku: string | null;
  location: string | null;
  title: string;
  details: Record<string, unknown>;
}

/** Thresholds of the alert rules (docs/formulas.md cover band; a default supplier lead time until replenishment knows better). */
export const ALERT_RULES = {
  /** Low stock below 4 weeks of supply (the cover band's lower edge). */
  lowStockDays: 28,
  /** Reorder now when days of supply (available + inbound) < this lead time. */
  leadTimeDays: 45,
  /** The reorder suggestion covers the lead time plus this many days. */
  reorderCoverDays: 30,
  /** Age warnings this many days before a threshold. */
  ageWarnDays: 30,
  /** Supplier bills due within this many days (or overdue). */
  billDueDays: 7,
} as const;

/** Every kind the rules evaluate: an open alert of one of these kinds resolves when its condition clears. */
export const EVALUATED_KINDS = [
  'low_stock',
  'stock_out',
  'reorder_now',
  'aging',
  'excess',
  'stranded',
  'capacity',
  'supplier_bill_due',
  'ipi_low',
] as const;

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** What the stock rules need to know about one SKU (all locations together). */
export interface SkuStockFacts {
  sku: string;
  replenishable: boolean;
  listingStatus: string;
  onHand: number;
  reserved: number;
  inbound: number;
  dailyDemand: number;
  excessUnits: number;
}

/** Stock out, or else low stock; reorder now when even inbound does not last the lead time. */
function supplyAlerts(r: SkuStockFacts, asOfDay: number): AlertCondition[] {
  if (!(r.replenishable && r.dailyDemand > 0)) return [];
  const out: AlertCondition[] = [];
  const sku = r.sku;
  const available = r.onHand - r.reserved;
  const dos = daysOfSupply({ available, inbound: 0, dailyDemand: r.dailyDemand });
  const dosWithInbound = daysOfSupply({ available, inbound: r.inbound, dailyDemand: r.dailyDemand });
  if (available <= 0) {
    out.push({
      kind: 'stock_out',
      dedupeKey: `stock_out:${sku}`,
      severity: 'critical',
      sku,
      location: null,
      title: `${sku} is out of stock`,
      details: {
        dailyDemand: round(r.dailyDemand, 3),
        inbound: r.inbound,
        lostUnitsPerDay: round(r.dailyDemand, 2),
      },
    });
  } else if (dos !== null && dos < ALERT_RULES.lowStockDays) {
    const stockOut = isoDate(asOfDay + Math.floor(dos));
    out.push({
      kind: 'low_stock',
      dedupeKey: `low_stock:${sku}`,
      severity: 'warning',
      sku,
      location: null,
      title: `${sku}: ${String(Math.floor(dos))} days of stock left, out on ${stockOut}`,
      details: {
        available,
        daysOfSupply: round(dos, 1),
        projectedStockOut: stockOut,
        dailyDemand: round(r.dailyDemand, 3),
      },
    });
  }
  if (dosWithInbound !== null && dosWithInbound < ALERT_RULES.leadTimeDays) {
    const suggested = Math.max(
      0,
      Math.ceil(
        r.dailyDemand * (ALERT_RULES.leadTimeDays + ALERT_RULES.reorderCoverDays) - available - r.inbound,
      ),
    );
    out.push({
      kind: 'reorder_now',
      dedupeKey: `reorder_now:${sku}`,
      severity: 'warning',
      sku,
      location: null,
      title: `Reorder ${sku} now: ${String(Math.floor(dosWithInbound))} days of supply, lead time ${String(ALERT_RULES.leadTimeDays)}`,
      details: {
        daysOfSupply: round(dosWithInbound, 1),
        leadTimeDays: ALERT_RULES.leadTimeDays,
        suggestedQuantity: suggested,
        projectedStockOut: isoDate(asOfDay + Math.floor(dosWithInbound)),
      },
    });
  }
  return out;
}

/**
 * The stock rules for one SKU on `asOf`: stock out / low stock / reorder now (replenishable SKUs that
 * sell), excess (above 90 days of supply) and stranded (units on hand behind a listing that is not active).
 */
export function skuStockAlerts(r: SkuStockFacts, options: { asOf: string }): AlertCondition[] {
  const out = supplyAlerts(r, parseIsoDate(options.asOf));
  const sku = r.sku;
  if (r.excessUnits > 0) {
    const dos = daysOfSupply({ available: r.onHand - r.reserved, inbound: 0, dailyDemand: r.dailyDemand });
    out.push({
      kind: 'excess',
      dedupeKey: `excess:${sku}`,
      severity: 'info',
      sku,
      location: null,
      title: `${sku}: ${String(r.excessUnits)} units above 90 days of supply`,
      details: { excessUnits: r.excessUnits, daysOfSupply: dos === null ? null : round(dos, 0) },
    });
  }
  if (r.listingStatus !== 'active' && r.onHand > 0) {
    out.push({
      kind: 'stranded',
      dedupeKey: `stranded:${sku}`,
      severity: 'warning',
      sku,
      location: null,
      title: `${sku}: ${String(r.onHand)} units stranded (listing ${r.listingStatus})`,
      details: { units: r.onHand, listingStatus: r.listingStatus },
    });
  }
  return out;
}

/** Units of one SKU × location about to cross an age threshold. */
export interface AgeFacts {
  sku: string;
  location: string;
  locationType: string;
  cubicFeet: number | null;
  approaching: readonly { threshold: number; units: number; daysUntil: number }[];
}

/**
 * Aging: one alert per threshold that units reach within the warning window, with the monthly
 * surcharge at stake at Amazon (the first bracket's for the 91-day heads-up).
 */
export function agingAlerts(
  a: AgeFacts,
  options: { asOf: string; schedule: Pick<FeeSchedule, 'agedSurcharge'> },
): AlertCondition[] {
  const asOfDay = parseIsoDate(options.asOf);
  const schedule = options.schedule;
  return a.approaching.map((w) => {
    const chargedAt = surchargeAgeAt(w.threshold, schedule);
    const atStake =
      a.locationType === 'amazon_fba'
        ? agedSurcharge(schedule, { ageDays: chargedAt, cubicFeet: a.cubicFeet ?? 0, units: w.units })
        : 0;
    return {
      kind: 'aging',
      dedupeKey: `aging:${a.sku}:${a.location}:${String(w.threshold)}`,
      severity: w.threshold === AGE_WARNING_THRESHOLDS[0] ? 'info' : 'warning',
      sku: a.sku,
      location: a.location,
      title: `${a.sku} at ${a.location}: ${String(w.units)} units reach ${String(w.threshold)} days on ${isoDate(asOfDay + w.daysUntil)}`,
      details: {
        units: w.units,
        threshold: w.threshold,
        daysUntil: w.daysUntil,
        date: isoDate(asOfDay + w.daysUntil),
        monthlySurchargeAtStake: round(atStake, 2),
      },
    };
  });
}

/** Volume of one location × storage type now and projected ahead. */
export interface CapacityFacts {
  location: string;
  storageType: string;
  limits: Record<string, number>;
  usedCubicFeet: number;
  projected30: number;
  projected60: number;
}

/** Capacity: over the limit now (critical) or projected over within 30 or 60 days (warning). */
export function capacityAlert(
  c: CapacityFacts,
  options: { schedule: Pick<FeeSchedule, 'capacityOveragePerCubicFoot'> },
): AlertCondition | null {
  const limit = c.limits[c.storageType];
  if (limit === undefined) return null;
  const path = [c.usedCubicFeet, c.projected30, c.projected60];
  const over = path.findIndex((v) => v > limit);
  if (over < 0) return null;
  const used = path[over]!;
  return {
    kind: 'capacity',
    dedupeKey: `capacity:${c.location}:${c.storageType}`,
    severity: over === 0 ? 'critical' : 'warning',
    sku: null,
    location: c.location,
    title: `${c.location} ${c.storageType}: ${over === 0 ? 'over' : `projected over in ${String(CAPACITY_PROJECTION_DAYS[over - 1])} days`} its ${String(limit)} cu ft limit`,
    details: {
      limitCubicFeet: limit,
      usedCubicFeet: round(c.usedCubicFeet, 2),
      projected30: round(c.projected30, 2),
      projected60: round(c.projected60, 2),
      overageFee: round(
        capacityOverageFee(options.schedule, { usedCubicFeet: used, limitCubicFeet: limit }),
        2,
      ),
    },
  };
}

/** An unpaid supplier bill due within `ALERT_RULES.billDueDays` of `asOf` (the repository selects them). */
export interface BillFacts {
  number: string;
  /** 'YYYY-MM-DD'. */
  due: string;
  amount: number | null;
}

/** Supplier bill due: critical once overdue. */
export function supplierBillAlert(b: BillFacts, options: { asOf: string }): AlertCondition {
  const overdue = b.due < options.asOf;
  return {
    kind: 'supplier_bill_due',
    dedupeKey: `supplier_bill_due:${b.number}`,
    severity: overdue ? 'critical' : 'warning',
    sku: null,
    location: null,
    title: `Purchase order ${b.number}: bill ${overdue ? 'overdue since' : 'due'} ${b.due}`,
    details: { purchaseOrder: b.number, due: b.due, amount: round(b.amount ?? 0, 2) },
  };
}

/** IPI low: the account's IPI proxy below Amazon's warning threshold (only when it holds any stock). */
export function ipiAlert(sums: FactorSums): AlertCondition | null {
  const proxy = ipiProxy(factorsFromSums(sums));
  if (!(sums.totalUnits > 0 && proxy.score < IPI_WARNING_THRESHOLD)) return null;
  return {
    kind: 'ipi_low',
    dedupeKey: 'ipi_low',
    severity: 'critical',
    sku: null,
    location: null,
    title: `IPI proxy ${String(proxy.score)} is below ${String(IPI_WARNING_THRESHOLD)}: Amazon limits storage`,
    details: { score: proxy.score },
  };
}
