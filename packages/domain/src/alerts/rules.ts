/**
 * Alert rules (docs/formulas.md Alerts): pure functions from the facts the repositories and the
 * planning position gather to the conditions that hold on a day. Each condition carries a dedupe key,
 * so the same key while it lasts is the same alert, a code (its kind) and the parameters its title
 * needs, so any reader's language can render it. No clock, no I/O.
 */
import { isoDate, parseIsoDate } from '../dates/dates';
import type { FeeSchedule } from '../fees/fee-schedule';
import { agedSurcharge, CAPACITY_PROJECTION_DAYS, capacityOverageFee } from '../fees/fee-schedule';
import { AGE_WARNING_THRESHOLDS, surchargeAgeAt } from '../health/age';
import type { FactorSums } from '../health/factors';
import { factorsFromSums } from '../health/factors';
import { IPI_WARNING_THRESHOLD, ipiProxy } from '../health/ipi';
import { alertTitle, type AlertParams } from './titles';

export type { AlertParams } from './titles';

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
export type AlertKind = (typeof EVALUATED_KINDS)[number];

/** Severities, most severe first: the order of the alerts list (docs/formulas.md Alerts). */
export const ALERT_SEVERITIES = ['critical', 'warning', 'info'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export interface AlertCondition {
  kind: AlertKind;
  /** Identifies the condition: the same key while it lasts means the same alert. */
  dedupeKey: string;
  severity: AlertSeverity;
  sku: string | null;
  location: string | null;
  /** The title in English (e-mail, webhooks), rendered from `kind` and `params` by `alertTitle`. */
  title: string;
  /** What the title needs, by name (the web renders the title in the reader's language from these). */
  params: AlertParams;
  details: Record<string, unknown>;
  /**
   * Urgency: the day the condition bites ('YYYY-MM-DD': stock runs out, units cross an age threshold,
   * a bill falls due, a capacity limit is passed); null when it has no date. Soonest first.
   */
  urgentOn: string | null;
}

/** Thresholds of the alert rules that belong to no other capability (docs/formulas.md Alerts). */
export const ALERT_RULES = {
  /** Supplier bills due within this many days (or overdue). */
  billDueDays: 7,
} as const;

/**
 * The alerts' order (docs/formulas.md Alerts): severity (critical, warning, info), then urgency (the
 * soonest `urgentOn` first, undated last), then id. The repository sorts by the same keys in SQL.
 */
export function compareAlerts(
  a: Pick<AlertCondition, 'severity' | 'urgentOn'> & { id: number },
  b: Pick<AlertCondition, 'severity' | 'urgentOn'> & { id: number },
): number {
  const bySeverity = ALERT_SEVERITIES.indexOf(a.severity) - ALERT_SEVERITIES.indexOf(b.severity);
  if (bySeverity !== 0) return bySeverity;
  if (a.urgentOn !== b.urgentOn) {
    if (a.urgentOn === null) return 1;
    if (b.urgentOn === null) return -1;
    return a.urgentOn < b.urgentOn ? -1 : 1;
  }
  return a.id - b.id;
}

/** A condition with its English title rendered from its code and parameters. */
export function condition(c: Omit<AlertCondition, 'title'>): AlertCondition {
  return { ...c, title: alertTitle(c.kind, c.params) };
}

/**
 * A condition's dedupe key: its kind, then what singles it out (SKU, location, threshold...), so every
 * rule builds keys the same way and two kinds never share one.
 */
export const alertKey = (kind: AlertKind, ...scope: readonly (string | number)[]): string =>
  [kind, ...scope.map(String)].join(':');

export const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

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
    const date = isoDate(asOfDay + w.daysUntil);
    return condition({
      kind: 'aging',
      dedupeKey: alertKey('aging', a.sku, a.location, w.threshold),
      severity: w.threshold === AGE_WARNING_THRESHOLDS[0] ? 'info' : 'warning',
      sku: a.sku,
      location: a.location,
      params: { sku: a.sku, location: a.location, units: w.units, threshold: w.threshold, date },
      details: {
        units: w.units,
        threshold: w.threshold,
        daysUntil: w.daysUntil,
        date,
        monthlySurchargeAtStake: round(atStake, 2),
      },
      urgentOn: date,
    });
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
  options: { asOf: string; schedule: Pick<FeeSchedule, 'capacityOveragePerCubicFoot'> },
): AlertCondition | null {
  const limit = c.limits[c.storageType];
  if (limit === undefined) return null;
  const path = [c.usedCubicFeet, c.projected30, c.projected60];
  const over = path.findIndex((v) => v > limit);
  if (over < 0) return null;
  const used = path[over]!;
  const inDays = over === 0 ? 0 : CAPACITY_PROJECTION_DAYS[over - 1]!;
  return condition({
    kind: 'capacity',
    dedupeKey: alertKey('capacity', c.location, c.storageType),
    severity: over === 0 ? 'critical' : 'warning',
    sku: null,
    location: c.location,
    params: { location: c.location, storageType: c.storageType, limitCubicFeet: limit, inDays },
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
    urgentOn: isoDate(parseIsoDate(options.asOf) + inDays),
  });
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
  return condition({
    kind: 'supplier_bill_due',
    dedupeKey: alertKey('supplier_bill_due', b.number),
    severity: overdue ? 'critical' : 'warning',
    sku: null,
    location: null,
    params: { purchaseOrder: b.number, due: b.due, overdue },
    details: { purchaseOrder: b.number, due: b.due, amount: round(b.amount ?? 0, 2) },
    urgentOn: b.due,
  });
}

/** IPI low: the account's IPI proxy below Amazon's warning threshold (only when it holds any stock). */
export function ipiAlert(sums: FactorSums, options: { asOf: string }): AlertCondition | null {
  const proxy = ipiProxy(factorsFromSums(sums));
  if (!(sums.totalUnits > 0 && proxy.score < IPI_WARNING_THRESHOLD)) return null;
  return condition({
    kind: 'ipi_low',
    dedupeKey: alertKey('ipi_low'),
    severity: 'critical',
    sku: null,
    location: null,
    params: { score: proxy.score, threshold: IPI_WARNING_THRESHOLD },
    details: { score: proxy.score },
    urgentOn: options.asOf,
  });
}
