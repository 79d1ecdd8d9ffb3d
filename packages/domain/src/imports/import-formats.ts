import { isAcceptedDay } from '../dates/dates';
import { checkBarcode } from '../catalog/barcode';
import { DomainError } from '../errors';
import { ORDER_CHANNELS } from '../sales/order-state';
import { SALES_HISTORY_COLUMNS, SALES_HISTORY_REQUIRED } from './sales-history';
import { SETTLEMENT_OPTIONAL, SETTLEMENT_REQUIRED, settlementRow } from './settlement';
import { FBA_SHIPMENTS_OPTIONAL, FBA_SHIPMENTS_REQUIRED, fbaShipmentRow } from './fba-shipments';
import {
  AMAZON_RETURNS_OPTIONAL,
  AMAZON_RETURNS_REQUIRED,
  amazonReturnCondition,
  RETURNS_OPTIONAL,
  RETURNS_REQUIRED,
  returnCondition,
  returnKey,
} from './returns';
import type { OrderChannel } from '../sales/order-state';
import { CODE_MAX_LENGTH, hasFormatCharacters, IDENTIFIER_COLUMNS } from '../catalog/identifier-text';
import {
  amazonAllOrdersRow,
  FBA_AGE_OPTIONAL_COLUMNS,
  FBA_AGE_REQUIRED_COLUMNS,
  fbaInventoryAgeRow,
  fbaInventoryRow,
} from '../channels/amazon/amazon-payloads';

export const IMPORT_KINDS = [
  'orders',
  'products',
  'stock',
  'amazon-orders',
  'amazon-inventory',
  'amazon-inventory-age',
  'sales-history',
  'returns',
  'amazon-returns',
  'amazon-settlement',
  'amazon-shipments',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** How each kind's file is read: generic CSV (comma, RFC 4180 quoting) or Amazon flat files (tab, no quoting). */
export const IMPORT_FORMATS: Record<
  ImportKind,
  { delimiter: ',' | '\t'; quoted: boolean; required: readonly string[]; optional: readonly string[] }
> = {
  orders: {
    delimiter: ',',
    quoted: true,
    required: ['channel', 'external_id', 'ordered_at', 'sku', 'quantity'],
    optional: ['unit_price', 'currency', 'status', 'shipped_at'],
  },
  products: {
    delimiter: ',',
    quoted: true,
    required: ['sku', 'title'],
    optional: [
      'barcode',
      'asin',
      'fnsku',
      'category',
      'brand',
      'unit_cost',
      'price',
      'case_pack',
      'allow_backorder',
    ],
  },
  stock: { delimiter: ',', quoted: true, required: ['sku', 'location', 'quantity'], optional: [] },
  'amazon-orders': {
    delimiter: '\t',
    quoted: false,
    required: ['amazon-order-id', 'purchase-date', 'order-status', 'sku', 'quantity'],
    optional: [
      'item-price',
      'currency',
      'item-status',
      'fulfillment-channel',
      'sales-channel',
      'item-promotion-discount',
    ],
  },
  'amazon-inventory': {
    delimiter: '\t',
    quoted: false,
    required: ['sku', 'afn-fulfillable-quantity', 'afn-reserved-quantity'],
    optional: ['afn-unsellable-quantity', 'fnsku', 'asin'],
  },
  'amazon-inventory-age': {
    delimiter: '\t',
    quoted: false,
    required: FBA_AGE_REQUIRED_COLUMNS,
    optional: FBA_AGE_OPTIONAL_COLUMNS,
  },
  // Not header names: the fields of the import's mapping, which names the file's own columns (sales-history.ts).
  'sales-history': {
    delimiter: ',',
    quoted: true,
    required: SALES_HISTORY_REQUIRED,
    optional: SALES_HISTORY_COLUMNS.filter((c) => !(SALES_HISTORY_REQUIRED as readonly string[]).includes(c)),
  },
  returns: { delimiter: ',', quoted: true, required: RETURNS_REQUIRED, optional: RETURNS_OPTIONAL },
  'amazon-returns': {
    delimiter: '\t',
    quoted: false,
    required: AMAZON_RETURNS_REQUIRED,
    optional: AMAZON_RETURNS_OPTIONAL,
  },
  'amazon-settlement': {
    delimiter: '\t',
    quoted: false,
    required: SETTLEMENT_REQUIRED,
    optional: SETTLEMENT_OPTIONAL,
  },
  'amazon-shipments': {
    delimiter: '\t',
    quoted: false,
    required: FBA_SHIPMENTS_REQUIRED,
    optional: FBA_SHIPMENTS_OPTIONAL,
  },
};

/** A validated row: the key it groups/dedupes by, the SKU (and location) it needs to exist, and its data. */
export interface ImportRow {
  key: string;
  sku: string | null;
  location: string | null;
  data: Record<string, string | number | boolean | null>;
}

const fail = (field: string, message: string): never => {
  throw new DomainError('VALIDATION_FAILED', message, { field });
};

function text(row: Readonly<Record<string, string>>, column: string, max = 200): string {
  const v = (row[column] ?? '').trim();
  if (v === '') return fail(column, `${column} is required`);
  if (v.length > max) return fail(column, `${column} is longer than ${max} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(v)) return fail(column, `${column} has control characters`);
  // Identifiers must look like what they are: no bidi controls or zero-width characters in a SKU or a code.
  if (IDENTIFIER_COLUMNS.has(column) && hasFormatCharacters(v))
    return fail(column, `${column} has invisible format characters (bidi controls, zero-width spaces)`);
  return v;
}

function optText(row: Readonly<Record<string, string>>, column: string, max = 200): string | null {
  return (row[column] ?? '').trim() === '' ? null : text(row, column, max);
}

function wholeNumber(row: Readonly<Record<string, string>>, column: string, opts: { min: number }): number {
  const v = (row[column] ?? '').trim();
  if (!/^-?\d+$/.test(v)) return fail(column, `${column} must be a whole number, got "${v}"`);
  const n = Number(v);
  if (n < opts.min) return fail(column, `${column} must be at least ${opts.min}, got ${n}`);
  if (n > 10_000_000) return fail(column, `${column} is too large`);
  return n;
}

function amount(row: Readonly<Record<string, string>>, column: string): number | null {
  const v = (row[column] ?? '').trim();
  if (v === '') return null;
  if (!/^\d+(\.\d+)?$/.test(v)) return fail(column, `${column} must be an amount like 12.50, got "${v}"`);
  const n = Number(v);
  return n > 1e9 ? fail(column, `${column} is too large`) : n;
}

function timestamp(row: Readonly<Record<string, string>>, column: string): string {
  const v = (row[column] ?? '').trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})([T ](\d{2}):(\d{2})(:(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  const d = m ? new Date(m[4] ? v.replace(' ', 'T') : `${v}T00:00:00Z`) : null;
  if (!m || !d || Number.isNaN(d.getTime()) || !isAcceptedDay(d.toISOString().slice(0, 10)))
    return fail(column, `${column} must be a date like 2024-05-01 or 2024-05-01T10:00:00Z, got "${v}"`);
  // A calendar date that does not exist (2024-02-30) rolls over in Date: refuse it.
  if (!m[10] && !m[4] && d.toISOString().slice(0, 10) !== v)
    return fail(column, `${column} is not a calendar date: "${v}"`);
  return d.toISOString();
}

function bool(row: Readonly<Record<string, string>>, column: string): boolean | null {
  const v = (row[column] ?? '').trim().toLowerCase();
  if (v === '') return null;
  if (['true', 'yes', '1'].includes(v)) return true;
  if (['false', 'no', '0'].includes(v)) return false;
  return fail(column, `${column} must be true or false`);
}

/**
 * Validates one parsed row of a `kind` file (header names as keys). Throws VALIDATION_FAILED with
 * the column at fault; the importer adds the line number. Pure: SKU and location existence is
 * checked by the importer against the account.
 */
export function validateImportRow(kind: ImportKind, row: Readonly<Record<string, string>>): ImportRow {
  if (kind === 'returns') return returnRow(row);
  if (kind === 'amazon-returns') return amazonReturnRow(row);
  if (kind === 'amazon-settlement') return settlementRow(row);
  if (kind === 'amazon-shipments') return fbaShipmentRow(row);
  return validateOtherRow(kind, row);
}

type OtherKind = Exclude<ImportKind, 'returns' | 'amazon-returns' | 'amazon-settlement' | 'amazon-shipments'>;

function validateOtherRow(kind: OtherKind, row: Readonly<Record<string, string>>): ImportRow {
  switch (kind) {
    case 'orders': {
      const channel = text(row, 'channel', 20).toLowerCase();
      if (!(ORDER_CHANNELS as readonly string[]).includes(channel))
        fail('channel', `channel must be one of ${ORDER_CHANNELS.join(', ')}`);
      const externalId = text(row, 'external_id');
      const sku = text(row, 'sku', 100);
      const status = (row['status'] ?? '').trim().toLowerCase() || 'reserved';
      if (!['reserved', 'shipped', 'cancelled'].includes(status))
        fail('status', 'status must be reserved, shipped or cancelled');
      const currency = optText(row, 'currency', 3);
      if (currency !== null && !/^[A-Z]{3}$/.test(currency))
        fail('currency', 'currency must be a 3-letter code like USD');
      return {
        key: `${channel as OrderChannel}\u0001${externalId}`,
        sku,
        location: null,
        data: {
          channel,
          externalId,
          orderedAt: timestamp(row, 'ordered_at'),
          // History keeps its dates: a shipped order's stock leaves at shipped_at, else at ordered_at (docs/forecasting.md).
          shippedAt: (row['shipped_at'] ?? '').trim() === '' ? null : timestamp(row, 'shipped_at'),
          sku,
          quantity: wholeNumber(row, 'quantity', { min: 1 }),
          unitPrice: amount(row, 'unit_price'),
          currency,
          status,
        },
      };
    }
    case 'products': {
      const sku = text(row, 'sku', 100);
      const barcode = optText(row, 'barcode', 64);
      let barcodeKind: string | null = null;
      let normalized = barcode;
      if (barcode !== null) {
        const check = checkBarcode(barcode);
        if (check.kind === 'invalid') fail('barcode', `barcode ${barcode}: ${check.reason}`);
        else {
          barcodeKind = check.kind;
          normalized = check.value;
        }
      }
      const asin = optText(row, 'asin', 10);
      if (asin !== null && !/^[A-Z0-9]{10}$/.test(asin))
        fail('asin', 'asin must be 10 capital letters or digits');
      const casePack = (row['case_pack'] ?? '').trim() === '' ? 1 : wholeNumber(row, 'case_pack', { min: 1 });
      return {
        key: sku,
        sku: null,
        location: null,
        data: {
          sku,
          title: text(row, 'title', 500),
          barcode: normalized,
          barcodeKind,
          asin,
          fnsku: optText(row, 'fnsku', 20),
          category: optText(row, 'category'),
          brand: optText(row, 'brand'),
          unitCost: amount(row, 'unit_cost'),
          price: amount(row, 'price'),
          casePack,
          allowBackorder: bool(row, 'allow_backorder') ?? false,
        },
      };
    }
    case 'stock': {
      const sku = text(row, 'sku', 100);
      const location = text(row, 'location', CODE_MAX_LENGTH);
      return {
        key: `${sku}\u0001${location}`,
        sku,
        location,
        data: { sku, location, quantity: wholeNumber(row, 'quantity', { min: 0 }) },
      };
    }
    case 'amazon-orders':
      return allOrdersRow(row);
    case 'amazon-inventory': {
      const r = fbaInventoryRow(row);
      return {
        key: r.sku,
        sku: r.sku,
        location: null,
        data: {
          sku: r.sku,
          fulfillable: r.fulfillable,
          reserved: r.reserved,
          unsellable: r.unsellable,
          inbound: r.inboundWorking + r.inboundShipped + r.inboundReceiving,
        },
      };
    }
    case 'amazon-inventory-age': {
      const r = fbaInventoryAgeRow(row);
      // One row per SKU and snapshot: the last row of a SKU wins (rows of other conditions are summed by Amazon already).
      return { key: r.sku, sku: r.sku, location: null, data: { ...r } };
    }
    case 'sales-history':
      return fail('mapping', 'a sales history is read through its mapping (salesHistoryRow)');
  }
}

/** A line of Amazon's All Orders report, with who fulfilled it and where it was sold (docs/decisions.md 47). */
function allOrdersRow(row: Readonly<Record<string, string>>): ImportRow {
  const { header, line, itemStatus } = amazonAllOrdersRow(row);
  return {
    key: header.amazonOrderId,
    sku: line?.sku ?? null,
    location: null,
    data: {
      amazonOrderId: header.amazonOrderId,
      purchaseDate: header.purchaseDate.toISOString(),
      orderStatus: header.orderStatus,
      fulfillmentChannel: header.fulfillmentChannel,
      marketplace: header.marketplaceId ?? null,
      currency: header.currency,
      sku: line?.sku ?? null,
      quantity: line?.quantity ?? 0,
      unitPrice: line?.unitPrice ?? null,
      itemStatus,
    },
  };
}

/** A line of a generic returns / credit-note file (docs/architecture.md "Imports"). */
function returnRow(row: Readonly<Record<string, string>>): ImportRow {
  const sku = text(row, 'sku', 100);
  const orderId = optText(row, 'order_id');
  const channel = optText(row, 'channel', 20)?.toLowerCase() ?? null;
  if (channel !== null && !(ORDER_CHANNELS as readonly string[]).includes(channel))
    fail('channel', `channel must be one of ${ORDER_CHANNELS.join(', ')}`);
  const reference = optText(row, 'reference');
  const returnedAt = timestamp(row, 'date');
  const location = optText(row, 'location', CODE_MAX_LENGTH);
  const { key, unique } = returnKey({ source: 'file', orderId, reference, sku, date: returnedAt });
  return {
    key,
    sku,
    location,
    data: {
      sku,
      quantity: wholeNumber(row, 'quantity', { min: 1 }),
      returnedAt,
      condition: returnCondition(text(row, 'condition', 40)),
      orderId,
      channel,
      location,
      reference,
      unique,
    },
  };
}

/** A line of Amazon's FBA customer returns report: back to the Amazon location, linked to its Amazon order. */
function amazonReturnRow(row: Readonly<Record<string, string>>): ImportRow {
  const sku = text(row, 'sku', 100);
  const orderId = text(row, 'order-id');
  const returnedAt = timestamp(row, 'return-date');
  const disposition = text(row, 'detailed-disposition', 60);
  const licensePlate = optText(row, 'license-plate-number', 60);
  const { key, unique } = returnKey({ source: 'amazon', licensePlate, orderId, sku, date: returnedAt });
  return {
    key,
    sku,
    location: null,
    data: {
      sku,
      quantity: wholeNumber(row, 'quantity', { min: 1 }),
      returnedAt,
      condition: amazonReturnCondition(disposition),
      orderId,
      channel: 'amazon',
      location: null,
      reference: licensePlate,
      disposition,
      unique,
    },
  };
}

/** The header must name every required column of the kind. */
export function checkHeader(kind: ImportKind, columns: readonly string[]): void {
  const missing = IMPORT_FORMATS[kind].required.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    throw new DomainError(
      'VALIDATION_FAILED',
      `the header misses column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      { field: 'line 1' },
    );
}
