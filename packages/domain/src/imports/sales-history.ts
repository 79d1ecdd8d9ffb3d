import { DomainError } from '../errors';
import { isAcceptedDay, isoDate, parseIsoDate } from '../dates/dates';
import type { ImportRow } from './import-formats';

/**
 * A sales history file's columns, named by the seller (docs/forecasting.md "History and censoring"):
 * which header holds each field. `date`, `sku` and `quantity` are required; a cancellation is an order
 * id starting with `cancelPrefix` (the UCI Online Retail files' `C`) or a true value in `cancelColumn`.
 */
export interface SalesHistoryMapping {
  orderId?: string | undefined;
  date: string;
  sku: string;
  title?: string | undefined;
  quantity: string;
  unitPrice?: string | undefined;
  currency?: string | undefined;
  customer?: string | undefined;
  country?: string | undefined;
  cancelPrefix?: string | undefined;
  cancelColumn?: string | undefined;
  /** Create the SKUs the catalogue does not have (title from the title column, else the SKU). */
  createProducts?: boolean | undefined;
}

/** The mapping's column fields, in the order a form offers them. */
export const SALES_HISTORY_COLUMNS = [
  'orderId',
  'date',
  'sku',
  'title',
  'quantity',
  'unitPrice',
  'currency',
  'customer',
  'country',
  'cancelColumn',
] as const;
export const SALES_HISTORY_REQUIRED = ['date', 'sku', 'quantity'] as const;
const REQUIRED = SALES_HISTORY_REQUIRED;

/**
 * Codes that are sold but never stocked — postage, fees, bank charges, vouchers, manual adjustments —
 * matched without regard to case: whole codes, or code prefixes (docs/vocabulary.md "Non-stock codes").
 */
export interface NonStockRule {
  codes: string[];
  prefixes: string[];
}

/** The default rule: the UCI Online Retail export's non-stock codes and the usual marketplace fee codes. */
export const DEFAULT_NON_STOCK_RULE: NonStockRule = {
  codes: [
    'POST',
    'DOT',
    'M',
    'BANK CHARGES',
    'AMAZONFEE',
    'C2',
    'D',
    'S',
    'PADS',
    'CRUK',
    'B',
    'ADJUST',
    'ADJUST2',
    'POSTAGE',
    'SHIPPING',
    'FEE',
    'DISCOUNT',
  ],
  prefixes: ['gift_0001_', 'gift_voucher', 'TEST00'],
};

/** Limits of an account's rule: a list a person edits, not a catalogue. */
export const NON_STOCK_RULE_LIMITS = { entries: 500, length: 100 } as const;

/** Whether a code is a non-stock code under the rule (case-insensitive whole code or prefix). */
export function isNonStockCode(sku: string, rule: NonStockRule): boolean {
  const upper = sku.toUpperCase();
  return (
    rule.codes.some((c) => c.toUpperCase() === upper) ||
    rule.prefixes.some((p) => upper.startsWith(p.toUpperCase()))
  );
}

/** Checks a rule an account sets: trimmed, non-empty entries within the limits (field named). */
export function checkNonStockRule(rule: NonStockRule): NonStockRule {
  const clean = (list: readonly string[], field: 'codes' | 'prefixes') => {
    if (list.length > NON_STOCK_RULE_LIMITS.entries)
      fail(field, `${field}: at most ${NON_STOCK_RULE_LIMITS.entries} entries`);
    return list.map((v, i) => {
      const t = v.trim();
      if (t === '' || t.length > NON_STOCK_RULE_LIMITS.length)
        fail(`${field}[${i}]`, `${field}[${i}] must be 1 to ${NON_STOCK_RULE_LIMITS.length} characters`);
      return t;
    });
  };
  return { codes: clean(rule.codes, 'codes'), prefixes: clean(rule.prefixes, 'prefixes') };
}

/** Groups of codes that differ only in case (85123a / 85123A), each group sorted; flagged, not merged. */
export function caseVariantGroups(skus: Iterable<string>): string[][] {
  const byLower = new Map<string, Set<string>>();
  for (const sku of skus) {
    const key = sku.toLowerCase();
    byLower.set(key, (byLower.get(key) ?? new Set()).add(sku));
  }
  return [...byLower.values()]
    .filter((s) => s.size > 1)
    .map((s) => [...s].sort())
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

const fail = (field: string, message: string): never => {
  throw new DomainError('VALIDATION_FAILED', message, { field });
};

/** Parses `?mapping=` (JSON): known keys only, column names as the header spells them (compared lower-cased). */
export function parseSalesHistoryMapping(json: string | undefined): SalesHistoryMapping {
  if (!json)
    return fail('mapping', 'a sales history needs ?mapping= naming its columns (date, sku, quantity)');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return fail('mapping', 'mapping must be a JSON object');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('mapping', 'mapping must be a JSON object');
  const known = new Set<string>([...SALES_HISTORY_COLUMNS, 'cancelPrefix', 'createProducts']);
  const out: Record<string, string | boolean> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!known.has(key)) fail(`mapping.${key}`, `mapping.${key} is not a field (${[...known].join(', ')})`);
    if (v === null || v === '') continue;
    if (key === 'createProducts') {
      if (typeof v !== 'boolean')
        fail('mapping.createProducts', 'mapping.createProducts must be true or false');
      out[key] = v as boolean;
    } else if (typeof v !== 'string' || v.trim().length > 200)
      fail(`mapping.${key}`, `mapping.${key} must be a column name`);
    else out[key] = key === 'cancelPrefix' ? v : v.trim().toLowerCase();
  }
  for (const key of REQUIRED)
    if (typeof out[key] !== 'string')
      fail(`mapping.${key}`, `mapping.${key} must name the file's ${key} column`);
  if (out['cancelPrefix'] !== undefined && out['orderId'] === undefined)
    fail('mapping.cancelPrefix', 'mapping.cancelPrefix needs mapping.orderId (the column it prefixes)');
  return out as unknown as SalesHistoryMapping;
}

/** The header must hold every column the mapping names. */
export function checkMappedHeader(mapping: SalesHistoryMapping, columns: readonly string[]): void {
  const named = SALES_HISTORY_COLUMNS.flatMap((k) => (mapping[k] ? [mapping[k]] : []));
  const missing = named.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    throw new DomainError(
      'VALIDATION_FAILED',
      `the header misses column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (named by the mapping)`,
      { field: 'line 1' },
    );
}

/** A line of a sales history: a sale, a line with no price (not a sale), or a non-stock code. */
export type SalesLineUse = 'sale' | 'zero-price' | 'non-stock';

function day(v: string, column: string): string {
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/.exec(v);
  const ymd = iso
    ? `${iso[1]}-${iso[2]}-${iso[3]}`
    : us
      ? `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`
      : '';
  try {
    const d = parseIsoDate(ymd);
    if (!isAcceptedDay(isoDate(d))) throw new RangeError('range');
    return isoDate(d);
  } catch {
    return fail(
      column,
      `${column} must be a date like 2010-12-01, 2010-12-01 08:26 or 12/1/2010 8:26, got "${v}"`,
    );
  }
}

/**
 * Validates one line of a mapped sales history (docs/forecasting.md "History and censoring"): its day
 * (the date as written, no time zone), its signed units — negative for a return, and a cancellation
 * (prefix or column) always reduces — and its use: a zero price is not a sale, a non-stock code is kept
 * out of demand. Errors name the file's column.
 */
export function salesHistoryRow(
  mapping: SalesHistoryMapping,
  row: Readonly<Record<string, string>>,
  rule: NonStockRule,
): ImportRow {
  const cell = (column: string | undefined) => (column ? (row[column] ?? '').trim() : '');
  const sku = cell(mapping.sku);
  if (sku === '') fail(mapping.sku, `${mapping.sku} is required`);
  // eslint-disable-next-line no-control-regex
  if (sku.length > 100 || /[\u0000-\u001f\u007f]/.test(sku)) fail(mapping.sku, `${mapping.sku} is not a SKU`);
  const q = cell(mapping.quantity);
  if (!/^-?\d+$/.test(q) || Math.abs(Number(q)) > 10_000_000)
    fail(mapping.quantity, `${mapping.quantity} must be a whole number, got "${q}"`);
  if (Number(q) === 0) fail(mapping.quantity, `${mapping.quantity} is 0: the line says nothing`);
  const p = cell(mapping.unitPrice);
  if (p !== '' && !/^\d+(\.\d+)?$/.test(p))
    fail(mapping.unitPrice!, `${mapping.unitPrice} must be an amount like 2.55 (not negative), got "${p}"`);
  const unitPrice = p === '' ? null : Number(p);
  const orderId = cell(mapping.orderId) || null;
  const flag = cell(mapping.cancelColumn).toLowerCase();
  const cancelled =
    (mapping.cancelPrefix !== undefined && orderId !== null && orderId.startsWith(mapping.cancelPrefix)) ||
    ['true', 'yes', 'y', '1', 'cancelled', 'canceled'].includes(flag);
  const units = cancelled ? -Math.abs(Number(q)) : Number(q);
  const currency = cell(mapping.currency).toUpperCase() || null;
  if (currency !== null && !/^[A-Z]{3}$/.test(currency))
    fail(mapping.currency!, `${mapping.currency} must be a 3-letter code like GBP`);
  const use: SalesLineUse = isNonStockCode(sku, rule) ? 'non-stock' : unitPrice === 0 ? 'zero-price' : 'sale';
  return {
    key: orderId ?? sku,
    sku: mapping.createProducts ? null : sku,
    location: null,
    data: {
      orderId,
      day: day(cell(mapping.date), mapping.date),
      sku,
      title: cell(mapping.title).slice(0, 500) || null,
      units,
      revenue: unitPrice === null ? 0 : Math.round(units * unitPrice * 10_000) / 10_000,
      currency,
      cancelled,
      use,
    },
  };
}

/**
 * The key that makes a sales-history line the same line in another file: order id, SKU, day and its
 * occurrence (the n-th such line of the order in its file, counted by the reader). Lines without an order
 * id have none and always count (docs/forecasting.md "History and censoring").
 */
export function salesLineKey(data: Readonly<Record<string, unknown>>): string | null {
  const orderId = data['orderId'];
  return typeof orderId === 'string'
    ? `${orderId}\u0001${String(data['sku'])}\u0001${String(data['day'])}`
    : null;
}
