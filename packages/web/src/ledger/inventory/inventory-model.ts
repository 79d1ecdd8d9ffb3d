import type { Balance, Product } from '../../api/types';
import type { MessageKey } from '../../i18n/translate';

/**
 * The inventory grid's data model: balances joined with product facts, then filtered and sorted
 * in memory. Kept free of React so it can be unit-tested and timed on 100,000 rows.
 */

type ProductFact = 'barcode' | 'asin' | 'fnsku' | 'category' | 'brand' | 'replenishable' | 'cubicFeet';

/** A balance that may lack the product facts (the server sends them; fixtures may not): `joinRows` fills them in. */
export type BalanceInput = Omit<Balance, ProductFact> & Partial<Pick<Balance, ProductFact>>;

export interface InventoryRow extends Balance {
  /** Out of stock in the planning position (the server's rule: it sells here and nothing is available here). */
  outOfStock: boolean;
  volume: number | null;
  ageDays: number | null;
  /** Lower-cased SKU, title and codes, built once so each keystroke is one `includes` per row. */
  haystack: string;
}

export const COLUMN_IDS = [
  'sku',
  'title',
  'location',
  'onHand',
  'reserved',
  'available',
  'inbound',
  'unfulfillable',
  'ageDays',
  'volume',
  'category',
  'brand',
  'barcode',
  'asin',
  'fnsku',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export interface ColumnDef {
  id: ColumnId;
  label: MessageKey;
  numeric: boolean;
  width: number;
  /** Seller data, not UI copy (see DataText). */
  data: boolean;
}

export const COLUMNS: Record<ColumnId, ColumnDef> = {
  sku: { id: 'sku', label: 'field.sku', numeric: false, width: 150, data: true },
  title: { id: 'title', label: 'field.title', numeric: false, width: 320, data: true },
  location: { id: 'location', label: 'field.location', numeric: false, width: 100, data: true },
  onHand: { id: 'onHand', label: 'field.onHand', numeric: true, width: 96, data: false },
  reserved: { id: 'reserved', label: 'field.reserved', numeric: true, width: 96, data: false },
  available: { id: 'available', label: 'field.available', numeric: true, width: 96, data: false },
  inbound: { id: 'inbound', label: 'field.inbound', numeric: true, width: 96, data: false },
  unfulfillable: {
    id: 'unfulfillable',
    label: 'field.unfulfillable',
    numeric: true,
    width: 110,
    data: false,
  },
  ageDays: { id: 'ageDays', label: 'field.oldestAge', numeric: true, width: 110, data: false },
  volume: { id: 'volume', label: 'field.volume', numeric: true, width: 110, data: false },
  category: { id: 'category', label: 'field.category', numeric: false, width: 130, data: true },
  brand: { id: 'brand', label: 'field.brand', numeric: false, width: 130, data: true },
  barcode: { id: 'barcode', label: 'field.barcode', numeric: false, width: 150, data: true },
  asin: { id: 'asin', label: 'field.asin', numeric: false, width: 120, data: true },
  fnsku: { id: 'fnsku', label: 'field.fnsku', numeric: false, width: 120, data: true },
};

export const DEFAULT_COLUMNS: ColumnId[] = [
  'sku',
  'title',
  'location',
  'onHand',
  'available',
  'inbound',
  'unfulfillable',
  'ageDays',
  'volume',
];

/**
 * Grid rows from balances. The server joins the product facts onto each balance; `products` fills
 * them in for rows that lack them (pass [] when the balances carry them, as /inventory does).
 */
/** Whole days from an ISO time to `asOf`, never negative; null without one. */
export function daysSince(iso: string | null, asOf: Date): number | null {
  if (!iso) return null;
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return null;
  return Math.max(0, Math.floor((asOf.getTime() - time) / 86_400_000));
}

/** The key of a SKU × location in the set of stock-outs passed to `joinRows`. */
export const stockOutKey = (sku: string, location: string) => `${sku}\u0001${location}`;

/** `stockOuts`: the planning position's stock-outs (GET /inventory/stock-outs) as `stockOutKey`s. */
export function joinRows(
  balances: BalanceInput[],
  products: Product[],
  asOf: Date,
  stockOuts: ReadonlySet<string> = new Set(),
): InventoryRow[] {
  const bySku = new Map(products.map((p) => [p.sku, p]));
  return balances.map((b) => {
    const p = bySku.get(b.sku);
    const barcode = b.barcode ?? p?.barcode ?? null;
    const asin = b.asin ?? p?.asin ?? null;
    const fnsku = b.fnsku ?? p?.fnsku ?? null;
    const cubicFeet = b.cubicFeet ?? p?.cubicFeet ?? null;
    return {
      ...b,
      barcode,
      asin,
      fnsku,
      category: b.category ?? p?.category ?? null,
      brand: b.brand ?? p?.brand ?? null,
      replenishable: b.replenishable ?? p?.replenishable ?? true,
      cubicFeet,
      outOfStock: stockOuts.has(stockOutKey(b.sku, b.location)),
      volume: cubicFeet === null ? null : cubicFeet * Math.max(0, b.onHand),
      ageDays: daysSince(b.oldestReceivedAt, asOf),
      haystack: [b.sku, b.title, barcode, asin, fnsku].filter(Boolean).join('\u0001').toLowerCase(),
    };
  });
}

export const STATUS_FILTERS = ['all', 'stockout', 'inbound', 'unfulfillable', 'aged'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface RowFilter {
  search: string;
  location: string | null;
  category: string | null;
  status: StatusFilter;
}

function matchesStatus(row: InventoryRow, status: StatusFilter): boolean {
  switch (status) {
    case 'all':
      return true;
    case 'stockout':
      return row.outOfStock;
    case 'inbound':
      return row.inbound > 0;
    case 'unfulfillable':
      return row.unfulfillable > 0;
    case 'aged':
      return row.aged;
  }
}

export function filterRows(rows: InventoryRow[], filter: RowFilter): InventoryRow[] {
  const needle = filter.search.trim().toLowerCase();
  if (!needle && !filter.location && !filter.category && filter.status === 'all') return rows;
  return rows.filter(
    (row) =>
      (!needle || row.haystack.includes(needle)) &&
      (!filter.location || row.location === filter.location) &&
      (!filter.category || row.category === filter.category) &&
      matchesStatus(row, filter.status),
  );
}

export interface SortState {
  column: ColumnId;
  direction: 'asc' | 'desc';
}

function sortValue(row: InventoryRow, column: ColumnId): string | number | null {
  return row[column];
}

/** Stable, nulls last in both directions (an unknown age is not "oldest" nor "newest"). */
export function sortRows(rows: InventoryRow[], sort: SortState, collator: Intl.Collator): InventoryRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const numeric = COLUMNS[sort.column].numeric;
  const indexed = rows.map((row, index) => ({ row, index, value: sortValue(row, sort.column) }));
  indexed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value === b.value) return a.index - b.index;
      return a.value === null ? 1 : -1;
    }
    const cmp = numeric
      ? (a.value as number) - (b.value as number)
      : collator.compare(String(a.value), String(b.value));
    return cmp !== 0 ? sign * cmp : a.index - b.index;
  });
  return indexed.map((entry) => entry.row);
}
