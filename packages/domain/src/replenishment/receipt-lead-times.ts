/**
 * The receipts that teach a supplier's lead time (docs/formulas.md Lead-time distribution): each
 * received purchase order's whole days from sending to its first receipt, per supplier and per route
 * (supplier × destination). Only receipts that had come by the plan's day count — a plan as of a past
 * day never learns from later ones — and only recent ones: a supplier's lead time drifts (another
 * forwarder, another port), so the last `LEAD_TIME_LOOKBACK_DAYS` of receipts, or the latest
 * `MIN_RECEIPTS_FOR_DISTRIBUTION` when that year holds fewer. Pure.
 */
import { parseIsoDate } from '../dates/dates';
import { groupBy } from '../group-by';
import { MIN_RECEIPTS_FOR_DISTRIBUTION } from './lead-time-distribution';
import { routeKey } from './route-lead-time';

/** How far back receipts teach a lead time, in days. */
export const LEAD_TIME_LOOKBACK_DAYS = 365;

/** A purchase order sent and received (at least in part), as ISO days. */
export interface ReceivedOrder {
  supplierId: number;
  /** The destination location: the route, with the supplier. */
  locationId: number;
  sentOn: string;
  firstReceivedOn: string;
}

/** Lead days of the receipts that count, per supplier id and per route (`routeKey`), oldest first. */
export interface ReceiptLeadTimes {
  bySupplier: Map<number, number[]>;
  byRoute: Map<string, number[]>;
}

/**
 * The lead days planning learns from as of `asOf` (an ISO day): receipts by that day, of the last
 * `LEAD_TIME_LOOKBACK_DAYS`, or the latest `MIN_RECEIPTS_FOR_DISTRIBUTION` of any age when fewer.
 * @example sent 2024-01-01, received 2024-01-15, asOf 2024-06-01 → bySupplier {1: [14]}; asOf 2024-01-10 → {}
 */
export function receiptLeadTimes(orders: readonly ReceivedOrder[], asOf: string): ReceiptLeadTimes {
  const asOfDay = parseIsoDate(asOf);
  const received = orders
    .map((o) => ({ o, receivedDay: parseIsoDate(o.firstReceivedOn) }))
    .filter((r) => r.receivedDay <= asOfDay)
    .sort((a, b) => a.receivedDay - b.receivedDay)
    .map((r) => ({ ...r, days: r.receivedDay - parseIsoDate(r.o.sentOn) }));
  const recent = (list: { receivedDay: number; days: number }[]): number[] => {
    const inYear = list.filter((r) => r.receivedDay > asOfDay - LEAD_TIME_LOOKBACK_DAYS);
    const kept =
      inYear.length >= MIN_RECEIPTS_FOR_DISTRIBUTION ? inYear : list.slice(-MIN_RECEIPTS_FOR_DISTRIBUTION);
    return kept.map((r) => r.days);
  };
  const recentOf = <K>(key: (r: (typeof received)[number]) => K) =>
    new Map([...groupBy(received, key, (r) => r)].map(([k, list]) => [k, recent(list)]));
  return {
    bySupplier: recentOf((r) => r.o.supplierId),
    byRoute: recentOf((r) => routeKey(r.o.supplierId, r.o.locationId)),
  };
}
