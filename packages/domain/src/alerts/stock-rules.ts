/**
 * The stock alerts (docs/formulas.md Alerts): stock out, reorder now, low stock and excess come from the
 * planning position of each SKU × location — the same days of supply, lead time, cover band and alert
 * the restock plan shows — so an alert never contradicts the plan. Stranded reads the health factors.
 */
import type { PlanningPosition } from '../replenishment/position';
import type { AlertCondition } from './rules';
import { alertKey, condition, round } from './rules';

/** The planning-position figures the stock rules read (docs/formulas.md Planning position). */
export type PositionFacts = Pick<
  PlanningPosition,
  | 'sku'
  | 'location'
  | 'available'
  | 'inbound'
  | 'dailyDemand'
  | 'sells'
  | 'leadTimeDays'
  | 'daysOfSupply'
  | 'stockOutDate'
  | 'coverLowDays'
  | 'coverHighDays'
  | 'excessUnits'
  | 'alert'
  | 'echelonAlert'
  | 'echelonDaysOfSupply'
>;

/** The position's own figures, shown in every stock alert's details (one number per fact). */
const figures = (p: PositionFacts) => ({
  available: p.available,
  inbound: p.inbound,
  dailyDemand: p.dailyDemand,
  daysOfSupply: p.daysOfSupply,
  leadTimeDays: p.leadTimeDays,
  stockOutDate: p.stockOutDate,
  coverLowDays: p.coverLowDays,
  coverHighDays: p.coverHighDays,
});

/**
 * The supply alert of one SKU × location, at most one: `stock_out` when the position says
 * `out_of_stock` (it sells and nothing is available), `reorder_now` when it says `reorder_now` — or when
 * it is a hub whose echelon (its stock and its FCs') must be reordered, though the hub itself may sell
 * nothing —, else `low_stock` while its days of supply are below the cover band's lower edge.
 */
function supplyAlert(p: PositionFacts, asOf: string): AlertCondition | null {
  const where = { sku: p.sku, location: p.location };
  if (p.alert === 'out_of_stock')
    return condition({
      kind: 'stock_out',
      dedupeKey: alertKey('stock_out', p.sku, p.location),
      severity: 'critical',
      ...where,
      params: { ...where, dailyDemand: p.dailyDemand },
      details: { ...figures(p), lostUnitsPerDay: round(p.dailyDemand, 2) },
      urgentOn: p.stockOutDate ?? asOf,
    });
  // A hub that buys for its network: the days are the echelon's (its stock and its FCs').
  const network =
    p.alert !== 'reorder_now' && (p.echelonAlert === 'out_of_stock' || p.echelonAlert === 'reorder_now');
  if (p.alert === 'reorder_now' || network)
    return condition({
      kind: 'reorder_now',
      dedupeKey: alertKey('reorder_now', p.sku, p.location),
      severity: 'warning',
      ...where,
      params: {
        ...where,
        daysOfSupply: network ? p.echelonDaysOfSupply : p.daysOfSupply,
        leadTimeDays: p.leadTimeDays,
        stockOutDate: network ? null : p.stockOutDate,
        ...(network ? { network: true } : {}),
      },
      details: network
        ? { ...figures(p), echelonAlert: p.echelonAlert, echelonDaysOfSupply: p.echelonDaysOfSupply }
        : figures(p),
      urgentOn: (network ? null : p.stockOutDate) ?? asOf,
    });
  if (p.sells && p.daysOfSupply !== null && p.daysOfSupply < p.coverLowDays)
    return condition({
      kind: 'low_stock',
      dedupeKey: alertKey('low_stock', p.sku, p.location),
      severity: 'warning',
      ...where,
      params: {
        ...where,
        daysOfSupply: p.daysOfSupply,
        coverLowDays: p.coverLowDays,
        stockOutDate: p.stockOutDate,
      },
      details: figures(p),
      urgentOn: p.stockOutDate ?? asOf,
    });
  return null;
}

/** Excess: on-hand units above the cover band's upper edge at this location (info, undated). */
function excessAlert(p: PositionFacts): AlertCondition | null {
  if (!(p.excessUnits > 0)) return null;
  const where = { sku: p.sku, location: p.location };
  return condition({
    kind: 'excess',
    dedupeKey: alertKey('excess', p.sku, p.location),
    severity: 'info',
    ...where,
    params: { ...where, units: p.excessUnits, coverHighDays: p.coverHighDays },
    details: { ...figures(p), excessUnits: p.excessUnits },
    urgentOn: null,
  });
}

/** The stock alerts of one SKU × location on `asOf` from its planning position. */
export function positionAlerts(p: PositionFacts, options: { asOf: string }): AlertCondition[] {
  return [supplyAlert(p, options.asOf), excessAlert(p)].filter((c): c is AlertCondition => c !== null);
}

/** One SKU's stranded units (`skuFactorSums`, docs/formulas.md Stranded) and its listing status. */
export interface ListingFacts {
  sku: string;
  listingStatus: string;
  strandedUnits: number;
}

/** Stranded: units on hand behind a listing that is not active (warning, from today). */
export function strandedAlert(r: ListingFacts, options: { asOf: string }): AlertCondition | null {
  if (!(r.strandedUnits > 0)) return null;
  return condition({
    kind: 'stranded',
    dedupeKey: alertKey('stranded', r.sku),
    severity: 'warning',
    sku: r.sku,
    location: null,
    params: { sku: r.sku, units: r.strandedUnits, listingStatus: r.listingStatus },
    details: { units: r.strandedUnits, listingStatus: r.listingStatus },
    urgentOn: options.asOf,
  });
}
