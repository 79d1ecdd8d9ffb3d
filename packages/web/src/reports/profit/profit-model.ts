import type { ProfitTotal, Report, ReportValue } from '../../api/types';

/** One SKU's profit in one currency over the period, from the report's Seller Central-style columns. */
export interface ProfitRow {
  sku: string;
  title: string;
  /** Every money figure of the row is in it. */
  currency: string;
  /** The SKU's other currencies (its revenue and costs differ: no margin or ROI); empty when none. */
  otherCurrencies: string[];
  /** Marketplaces whose fee table is missing: the estimates below and the profit are unknown (null). */
  withoutFeeTable: string[];
  unitsSold: number;
  revenue: number;
  cogs: number;
  referralFees: number | null;
  fulfilmentFees: number | null;
  /** Monthly storage fees plus the aged-inventory surcharge. */
  storageFees: number | null;
  otherCosts: number | null;
  /** Amazon's fees as its settlement reports charged them (in place of the two estimates above). */
  settledFees: number;
  /** Refunded item prices less Amazon's reimbursements (settlement reports). */
  refundsNet: number;
  profit: number | null;
  margin: number | null;
  roi: number | null;
  /** Storage fees as a percentage of revenue (1.5 = 1.5 %). */
  storagePercent: number | null;
}

export type ProfitSortKey = Exclude<keyof ProfitRow, 'title' | 'otherCurrencies' | 'withoutFeeTable'>;

/** The catalogue's totals in one currency, as the report gives them. */
export type ProfitTotals = ProfitTotal;

const num = (value: ReportValue | undefined) =>
  typeof value === 'number' && Number.isFinite(value) ? value : 0;
const orNull = (value: ReportValue | undefined) =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
/** Two amounts added; unknown (null) when either is (a marketplace without a fee table). */
const add = (x: number | null, y: number | null) => (x === null || y === null ? null : x + y);
const sumOrNull = (a: ReportValue | undefined, b: ReportValue | undefined) => add(orNull(a), orNull(b));

export function toProfitRow(r: Record<string, ReportValue>): ProfitRow {
  return {
    sku: String(r['sku'] ?? ''),
    title: String(r['product-name'] ?? ''),
    currency: String(r['currency'] ?? ''),
    otherCurrencies: typeof r['other-currencies'] === 'string' ? r['other-currencies'].split(' ') : [],
    withoutFeeTable: typeof r['without-fee-table'] === 'string' ? r['without-fee-table'].split(' ') : [],
    unitsSold: num(r['units-sold']),
    revenue: num(r['revenue']),
    cogs: num(r['cogs']),
    referralFees: orNull(r['referral-fees']),
    fulfilmentFees: orNull(r['fulfillment-fees']),
    storageFees: sumOrNull(r['storage-fees'], r['aged-inventory-surcharge']),
    otherCosts: sumOrNull(r['inbound-shipping'], r['other-variable-cost']),
    settledFees: num(r['settled-fees']),
    refundsNet: num(r['refunds']) - num(r['reimbursements']),
    profit: orNull(r['profit']),
    margin: orNull(r['margin']),
    roi: orNull(r['roi']),
    storagePercent: orNull(r['storage-fees-percent-of-revenue']),
  };
}

/**
 * The whole catalogue per currency, in currency order: the totals the first page carries, summed and
 * with their ratios taken by the server over every SKU of the period (docs/decisions.md §29); the page
 * derives none of them.
 */
export function profitTotals(pages: readonly Report[]): ProfitTotals[] {
  return pages[0]?.summary.totals ?? [];
}

/** Sorted copy; SKUs without a figure (no revenue → no margin) go last either way. */
export function sortProfitRows(
  rows: readonly ProfitRow[],
  key: ProfitSortKey,
  direction: 'asc' | 'desc',
): ProfitRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    const tie = a.sku.localeCompare(b.sku) || a.currency.localeCompare(b.currency);
    if (typeof x === 'string' && typeof y === 'string') return sign * x.localeCompare(y) || tie;
    if (x === null && y === null) return tie;
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * ((x as number) - (y as number)) || tie;
  });
}

const DAY_MS = 86_400_000;
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The last `days` days through `through` (inclusive), as the report's [from, to). */
export function periodOf(through: string, days: number): { from: string; to: string } {
  const end = Date.parse(`${through}T00:00:00Z`) + DAY_MS;
  return { from: isoDay(end - days * DAY_MS), to: isoDay(end) };
}
