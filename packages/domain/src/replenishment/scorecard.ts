/**
 * Supplier scorecard from purchase-order history: on-time rate, lead-time spread, fill rate, open
 * orders and the bills that fall due (keeping suppliers paid on time is part of the relationship).
 */
import { isoDate, parseIsoDate } from '../dates/dates';

export interface ScorecardOrder {
  number: string;
  status: 'draft' | 'sent' | 'partially_received' | 'received' | 'cancelled';
  /** 'YYYY-MM-DD' dates. */
  sentOn: string | null;
  expectedOn: string | null;
  firstReceivedOn: string | null;
  receivedOn: string | null;
  paidOn: string | null;
  orderedQuantity: number;
  receivedQuantity: number;
  /** Goods value ordered and received, plus freight. */
  orderedValue: number;
  receivedValue: number;
  freightCost: number;
  paymentTermsDays: number;
}

export interface SupplierScorecard {
  orders: number;
  receivedOrders: number;
  onTimeRate: number | null;
  leadTime: {
    meanDays: number | null;
    varianceDays2: number | null;
    sdDays: number | null;
    observations: number;
  };
  fillRate: number | null;
  openOrders: { count: number; value: number; units: number };
  billsDue: { number: string; amount: number; dueOn: string; overdue: boolean }[];
  totalDue: number;
}

/**
 * - On time: the first receipt no later than the expected date (received orders only).
 * - Lead time: sent → first receipt, in days, over received orders.
 * - Fill rate: units received ÷ units ordered over closed (received) orders.
 * - Bills due: unpaid orders that are sent or received; amount = received value (ordered value while
 *   nothing has arrived) + freight; due = (first receipt, else sent date) + payment terms.
 */
export function supplierScorecard(
  orders: readonly ScorecardOrder[],
  options: { asOf: string },
): SupplierScorecard {
  const received = orders.filter((o) => o.status === 'received' && o.firstReceivedOn !== null);
  const leadTimes = received
    .filter((o) => o.sentOn !== null)
    .map((o) => parseIsoDate(o.firstReceivedOn!) - parseIsoDate(o.sentOn!));
  const n = leadTimes.length;
  const mean = n > 0 ? leadTimes.reduce((s, d) => s + d, 0) / n : null;
  const variance =
    n > 1 && mean !== null
      ? leadTimes.reduce((s, d) => s + (d - mean) ** 2, 0) / (n - 1)
      : n === 1
        ? 0
        : null;
  const withDue = received.filter((o) => o.expectedOn !== null);
  const onTime = withDue.filter((o) => o.firstReceivedOn! <= o.expectedOn!).length;
  const ordered = received.reduce((s, o) => s + o.orderedQuantity, 0);
  const got = received.reduce((s, o) => s + o.receivedQuantity, 0);
  const open = orders.filter((o) => o.status === 'sent' || o.status === 'partially_received');
  const asOfDay = parseIsoDate(options.asOf);
  const bills = orders
    .filter((o) => o.paidOn === null && o.status !== 'draft' && o.status !== 'cancelled' && o.sentOn !== null)
    .map((o) => {
      const basis = o.firstReceivedOn ?? o.sentOn!;
      const due = parseIsoDate(basis) + o.paymentTermsDays;
      const amount =
        Math.round(((o.receivedQuantity > 0 ? o.receivedValue : o.orderedValue) + o.freightCost) * 100) / 100;
      return { number: o.number, amount, dueOn: isoDate(due), overdue: due < asOfDay };
    })
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.number.localeCompare(b.number));
  const r = (x: number | null, d = 4) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);
  return {
    orders: orders.length,
    receivedOrders: received.length,
    onTimeRate: withDue.length > 0 ? r(onTime / withDue.length) : null,
    leadTime: {
      meanDays: r(mean, 2),
      varianceDays2: r(variance, 2),
      sdDays: variance === null ? null : r(Math.sqrt(variance), 2),
      observations: n,
    },
    fillRate: ordered > 0 ? r(got / ordered) : null,
    openOrders: {
      count: open.length,
      value: Math.round(open.reduce((s, o) => s + o.orderedValue - o.receivedValue, 0) * 100) / 100,
      units: open.reduce((s, o) => s + o.orderedQuantity - o.receivedQuantity, 0),
    },
    billsDue: bills,
    totalDue: Math.round(bills.reduce((s, b) => s + b.amount, 0) * 100) / 100,
  };
}
