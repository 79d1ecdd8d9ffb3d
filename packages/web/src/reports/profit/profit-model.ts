import type { ProfitReportPage, ReportValue } from '../profit.hooks';

/** One SKU's profit over the period, from the report's Seller Central-style columns. */
export interface ProfitRow {
  sku: string;
  title: string;
  unitsSold: number;
  revenue: number;
  cogs: number;
  referralFees: number;
  fulfilmentFees: number;
  /** Monthly storage fees plus the aged-inventory surcharge. */
  storageFees: number;
  otherCosts: number;
  /** Amazon's fees as its settlement reports charged them (in place of the two estimates above). */
  settledFees: number;
  /** Refunded item prices less Amazon's reimbursements (settlement reports). */
  refundsNet: number;
  profit: number;
  margin: number | null;
  roi: number | null;
  /** Storage fees as a percentage of revenue (1.5 = 1.5 %). */
  storagePercent: number | null;
}

export type ProfitSortKey = Exclude<keyof ProfitRow, 'title'>;

export interface ProfitTotals {
  unitsSold: number;
  revenue: number;
  cogs: number;
  fees: number;
  storageFees: number;
  profit: number;
  margin: number | null;
  roi: number | null;
  storagePercent: number | null;
}

const num = (value: ReportValue | undefined) =>
  typeof value === 'number' && Number.isFinite(value) ? value : 0;
const orNull = (value: ReportValue | undefined) =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

export function toProfitRow(r: Record<string, ReportValue>): ProfitRow {
  return {
    sku: String(r['sku'] ?? ''),
    title: String(r['product-name'] ?? ''),
    unitsSold: num(r['units-sold']),
    revenue: num(r['revenue']),
    cogs: num(r['cogs']),
    referralFees: num(r['referral-fees']),
    fulfilmentFees: num(r['fulfillment-fees']),
    storageFees: num(r['storage-fees']) + num(r['aged-inventory-surcharge']),
    otherCosts: num(r['inbound-shipping']) + num(r['other-variable-cost']),
    settledFees: num(r['settled-fees']),
    refundsNet: num(r['refunds']) - num(r['reimbursements']),
    profit: num(r['profit']),
    margin: orNull(r['margin']),
    roi: orNull(r['roi']),
    storagePercent: orNull(r['storage-fees-percent-of-revenue']),
  };
}

/**
 * The whole catalogue: the server's per-page totals (they include SKUs with costs but no row), and
 * ROI on the money put in (COGS + inbound shipping), as the server computes it per SKU.
 */
export function profitTotals(pages: readonly ProfitReportPage[]): ProfitTotals {
  const sum = (key: keyof ProfitReportPage['summary']) =>
    pages.reduce((s, p) => s + (p.summary[key] ?? 0), 0);
  const revenue = sum('revenue');
  const cogs = sum('cogs');
  const profit = sum('profit');
  const storageFees = sum('storageFees');
  const inbound = pages.reduce((s, p) => s + p.rows.reduce((t, r) => t + num(r['inbound-shipping']), 0), 0);
  return {
    unitsSold: sum('unitsSold'),
    revenue,
    cogs,
    fees: sum('fees'),
    storageFees,
    profit,
    margin: revenue > 0 ? profit / revenue : null,
    roi: cogs + inbound > 0 ? profit / (cogs + inbound) : null,
    storagePercent: revenue > 0 ? (100 * storageFees) / revenue : null,
  };
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
    if (typeof x === 'string' && typeof y === 'string') return sign * x.localeCompare(y);
    if (x === null && y === null) return a.sku.localeCompare(b.sku);
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * ((x as number) - (y as number)) || a.sku.localeCompare(b.sku);
  });
}

const DAY_MS = 86_400_000;
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The last `days` days through `through` (inclusive), as the report's [from, to). */
export function periodOf(through: string, days: number): { from: string; to: string } {
  const end = Date.parse(`${through}T00:00:00Z`) + DAY_MS;
  return { from: isoDay(end - days * DAY_MS), to: isoDay(end) };
}
