import type { RestockAlert, RestockRecommendation } from '../../api/types';
import { toCsv } from '../../ledger/inventory/csv';
import { lineKey } from '../purchasing.hooks';

/**
 * The restock planner's view of the plan: which rows the seller filtered to, in what order, grouped
 * how, and their totals. Pure functions over the server's rows (the plan's rules stay on the server:
 * this only selects, orders and adds up what it returned).
 */

export type HeldBackReason = NonNullable<RestockRecommendation['reasoning']['heldBack']>['reason'];

/** Every reason the API gives, in the order a filter offers them (typed: a new reason fails to compile here). */
const REASON_ORDER: Record<HeldBackReason, number> = {
  capacity: 0,
  clearance: 1,
  unprofitable: 2,
  no_supplier: 3,
  covered_by_transfer: 4,
  seller_setting: 5,
};
export const HELD_BACK_REASONS = (Object.keys(REASON_ORDER) as HeldBackReason[]).sort(
  (a, b) => REASON_ORDER[a] - REASON_ORDER[b],
);

export interface RestockFilter {
  /** Matches SKU, title, location, source or supplier, case-insensitively. */
  search: string;
  location: string | null;
  supplier: string | null;
  action: RestockRecommendation['action'] | null;
  /** An alert, or `none` for rows without one. */
  alert: RestockAlert | 'none' | null;
  /** A held-back reason, or `any` for every held-back row. */
  heldBack: HeldBackReason | 'any' | null;
}

export const NO_FILTER: RestockFilter = {
  search: '',
  location: null,
  supplier: null,
  action: null,
  alert: null,
  heldBack: null,
};

/** The text a search matches against, lower-cased once per row (600 rows refilter per keystroke). */
const haystacks = new WeakMap<RestockRecommendation, string>();
function haystack(rec: RestockRecommendation): string {
  let text = haystacks.get(rec);
  if (text === undefined) {
    text = [rec.sku, rec.title, rec.location, rec.source ?? '', rec.supplier ?? '']
      .join('\u0001')
      .toLowerCase();
    haystacks.set(rec, text);
  }
  return text;
}

export function matchesFilter(rec: RestockRecommendation, filter: RestockFilter): boolean {
  if (filter.location !== null && rec.location !== filter.location) return false;
  if (filter.supplier !== null && rec.supplier !== filter.supplier) return false;
  if (filter.action !== null && rec.action !== filter.action) return false;
  if (filter.alert !== null && (rec.alert ?? 'none') !== filter.alert) return false;
  const held = rec.reasoning.heldBack;
  if (filter.heldBack === 'any' && !held) return false;
  if (filter.heldBack !== null && filter.heldBack !== 'any' && held?.reason !== filter.heldBack) return false;
  const search = filter.search.trim().toLowerCase();
  return search === '' || haystack(rec).includes(search);
}

export function filterRestock(
  rows: readonly RestockRecommendation[],
  filter: RestockFilter,
): RestockRecommendation[] {
  return rows.filter((rec) => matchesFilter(rec, filter));
}

export const SORT_KEYS = [
  'sku',
  'location',
  'action',
  'alert',
  'quantity',
  'cost',
  'orderBy',
  'shipDate',
  'daysOfSupply',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface RestockSort {
  key: SortKey;
  direction: 'asc' | 'desc';
}

/** Most urgent first when ascending; rows without an alert last. */
const ALERT_RANK: Record<RestockAlert, number> = { out_of_stock: 0, reorder_now: 1, reorder_soon: 2 };

type SortValue = string | number | null;
const SORT_VALUE: Record<SortKey, (rec: RestockRecommendation) => SortValue> = {
  sku: (rec) => rec.sku,
  location: (rec) => rec.location,
  action: (rec) => rec.action,
  alert: (rec) => (rec.alert ? ALERT_RANK[rec.alert] : null),
  quantity: (rec) => rec.recommendedQuantity,
  cost: (rec) => rec.estimatedCost,
  orderBy: (rec) => rec.orderByDate,
  shipDate: (rec) => rec.shipDate,
  daysOfSupply: (rec) => rec.daysOfSupply,
};

/** Rows without a value (no date, no cost) sort last in either direction; ties keep the plan's order. */
export function sortRestock(
  rows: readonly RestockRecommendation[],
  sort: RestockSort | null,
): RestockRecommendation[] {
  if (!sort) return [...rows];
  const value = SORT_VALUE[sort.key];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return rows
    .map((rec, index) => ({ rec, index, v: value(rec) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.index - b.index : a.v === null ? 1 : -1;
      const order =
        typeof a.v === 'number' && typeof b.v === 'number'
          ? a.v - b.v
          : String(a.v).localeCompare(String(b.v));
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map(({ rec }) => rec);
}

export interface RestockTotals {
  /** Lines asking for a quantity above zero. */
  lines: number;
  units: number;
  /** Estimated cost of the purchases with a known unit cost. */
  cost: number;
  /** Purchase lines with a quantity but no unit cost (their cost is not in `cost`). */
  unpriced: number;
}

export function restockTotals(rows: readonly RestockRecommendation[]): RestockTotals {
  const totals: RestockTotals = { lines: 0, units: 0, cost: 0, unpriced: 0 };
  for (const rec of rows) {
    if (rec.recommendedQuantity <= 0) continue;
    totals.lines += 1;
    totals.units += rec.recommendedQuantity;
    if (rec.action !== 'purchase') continue;
    if (rec.estimatedCost === null) totals.unpriced += 1;
    else totals.cost += rec.estimatedCost;
  }
  return totals;
}

export type GroupBy = 'none' | 'supplier';

export interface RestockGroup {
  key: string;
  /** A purchase group's supplier, or a transfer group's route. */
  kind: 'supplier' | 'transfer' | 'none';
  label: string;
  rows: RestockRecommendation[];
}

/**
 * Purchases grouped by supplier (one purchase order each), transfers by route (source → destination,
 * one shipment each); groups in order of first appearance, so a sorted list stays sorted within them.
 */
export function groupRestock(rows: readonly RestockRecommendation[], by: GroupBy): RestockGroup[] {
  if (by === 'none') return [{ key: 'all', kind: 'none', label: '', rows: [...rows] }];
  const groups = new Map<string, RestockGroup>();
  for (const rec of rows) {
    const transfer = rec.action === 'transfer';
    const label = transfer ? `${rec.source ?? '—'} → ${rec.location}` : (rec.supplier ?? rec.source ?? '—');
    const key = `${rec.action}\u0001${label}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, kind: transfer ? 'transfer' : 'supplier', label, rows: [] };
      groups.set(key, group);
    }
    group.rows.push(rec);
  }
  return [...groups.values()];
}

/** Every value a filter offers, sorted: the plan's locations and suppliers. */
export function filterOptions(rows: readonly RestockRecommendation[]): {
  locations: string[];
  suppliers: string[];
} {
  const locations = new Set<string>();
  const suppliers = new Set<string>();
  for (const rec of rows) {
    locations.add(rec.location);
    if (rec.supplier) suppliers.add(rec.supplier);
  }
  return { locations: [...locations].sort(), suppliers: [...suppliers].sort() };
}

/** A row's identity in the table: a SKU × location may have a transfer and a purchase line. */
export function rowKey(rec: RestockRecommendation): string {
  return `${rec.action}\u0001${rec.source ?? ''}\u0001${lineKey(rec.sku, rec.location)}`;
}

/** The CSV columns, in order; the page passes their headers in the reader's language. */
export const CSV_COLUMNS = [
  'sku',
  'title',
  'location',
  'action',
  'source',
  'supplier',
  'alert',
  'heldBack',
  'quantity',
  'unitCost',
  'estimatedCost',
  'orderBy',
  'shipDate',
  'daysOfSupply',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** One exported cell: text, a number, or empty. */
export type ExportCell = string | number | null;

/**
 * The rows as shown (filtered and sorted) as a table of headers and cells, for both the CSV and the
 * Excel export. `quantityOf` gives the quantity the buyer typed, if any.
 */
export function restockTable(
  rows: readonly RestockRecommendation[],
  header: Record<CsvColumn, string>,
  quantityOf: (rec: RestockRecommendation) => number = (rec) => rec.recommendedQuantity,
): { columns: string[]; rows: ExportCell[][] } {
  return {
    columns: CSV_COLUMNS.map((column) => header[column]),
    rows: rows.map((rec) => [
      rec.sku,
      rec.title,
      rec.location,
      rec.action,
      rec.source,
      rec.supplier,
      rec.alert,
      rec.reasoning.heldBack?.reason ?? null,
      quantityOf(rec),
      rec.unitCost,
      rec.estimatedCost,
      rec.orderByDate?.slice(0, 10) ?? null,
      rec.shipDate?.slice(0, 10) ?? null,
      rec.daysOfSupply === null ? null : Math.round(rec.daysOfSupply * 10) / 10,
    ]),
  };
}

/**
 * The rows as shown in CSV; seller-typed text such as titles is neutralised against spreadsheet
 * formulas by `toCsv`.
 */
export function restockCsv(
  rows: readonly RestockRecommendation[],
  header: Record<CsvColumn, string>,
  quantityOf?: (rec: RestockRecommendation) => number,
): string {
  const table = restockTable(rows, header, quantityOf);
  return toCsv(table.columns, table.rows);
}

export const TRANSFER_COLUMNS = ['from', 'to', 'sku', 'title', 'quantity', 'shipDate'] as const;
export type TransferColumn = (typeof TRANSFER_COLUMNS)[number];

/**
 * A draft shipment per route (source → destination) from the chosen transfer lines: one line per
 * SKU, routes together and in SKU order, ready to enter as a send-to-Amazon shipment.
 */
export function transferDraftCsv(
  rows: readonly RestockRecommendation[],
  header: Record<TransferColumn, string>,
): string {
  const transfers = rows
    .filter((rec) => rec.action === 'transfer' && rec.recommendedQuantity > 0)
    .sort(
      (a, b) =>
        (a.source ?? '').localeCompare(b.source ?? '') ||
        a.location.localeCompare(b.location) ||
        a.sku.localeCompare(b.sku),
    );
  return toCsv(
    TRANSFER_COLUMNS.map((column) => header[column]),
    transfers.map((rec) => [
      rec.source,
      rec.location,
      rec.sku,
      rec.title,
      rec.recommendedQuantity,
      rec.shipDate?.slice(0, 10) ?? null,
    ]),
  );
}
