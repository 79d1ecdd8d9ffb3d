import { DomainError } from '../errors';

/** Where a returned unit goes: back to sellable stock, or to the unfulfillable bucket (docs/vocabulary.md). */
export type ReturnCondition = 'sellable' | 'unfulfillable';

/**
 * Amazon's FBA customer returns report (GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA, tab-separated):
 * the columns a return needs, and the others it may carry.
 */
export const AMAZON_RETURNS_REQUIRED = [
  'return-date',
  'order-id',
  'sku',
  'quantity',
  'detailed-disposition',
] as const;
export const AMAZON_RETURNS_OPTIONAL = [
  'asin',
  'fnsku',
  'product-name',
  'fulfillment-center-id',
  'reason',
  'status',
  'license-plate-number',
  'customer-comments',
] as const;

/** A generic returns / credit-note CSV: one line per SKU returned. */
export const RETURNS_REQUIRED = ['sku', 'quantity', 'date', 'condition'] as const;
export const RETURNS_OPTIONAL = ['order_id', 'channel', 'location', 'reference'] as const;

/**
 * Amazon's detailed disposition of a returned unit: only SELLABLE units go back to stock; every other
 * disposition (DEFECTIVE, CUSTOMER_DAMAGED, CARRIER_DAMAGED, DISTRIBUTOR_DAMAGED, DAMAGED, EXPIRED, …,
 * and any Amazon adds later) is unfulfillable, so a unit is never sold again unless Amazon says it can be.
 *
 * @example amazonReturnCondition('SELLABLE') // 'sellable'
 * @example amazonReturnCondition('CUSTOMER_DAMAGED') // 'unfulfillable'
 */
export function amazonReturnCondition(disposition: string): ReturnCondition {
  const d = disposition
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  if (d === '')
    throw new DomainError('VALIDATION_FAILED', 'detailed-disposition is required', {
      field: 'detailed-disposition',
    });
  return d === 'SELLABLE' ? 'sellable' : 'unfulfillable';
}

/** Conditions a generic returns file may state: sellable, or one of the ways of being unsellable. */
const UNSELLABLE = ['damaged', 'defective', 'unfulfillable', 'unsellable'];

/**
 * A generic file's condition column: `sellable`, or `damaged` (also defective / unfulfillable /
 * unsellable) for units that cannot be sold again.
 *
 * @example returnCondition('Damaged') // 'unfulfillable'
 */
export function returnCondition(condition: string): ReturnCondition {
  const c = condition.trim().toLowerCase();
  if (c === 'sellable') return 'sellable';
  if (UNSELLABLE.includes(c)) return 'unfulfillable';
  throw new DomainError(
    'VALIDATION_FAILED',
    `condition must be sellable or damaged, got "${condition.trim()}"`,
    {
      field: 'condition',
    },
  );
}

/**
 * The key that makes a return apply once, whatever file it comes in: Amazon's license plate number
 * when the report has one (one returned unit or box), else the order, SKU and date — the applier adds
 * the row's occurrence among rows of that key, so two identical returns in a file are two returns.
 */
export function returnKey(r: {
  source: 'amazon' | 'file';
  licensePlate?: string | null;
  orderId: string | null;
  reference?: string | null;
  sku: string;
  date: string;
}): { key: string; unique: boolean } {
  if (r.licensePlate) return { key: `${r.source}\u0001lpn\u0001${r.licensePlate}`, unique: true };
  const parts = [r.source, r.orderId ?? '', r.reference ?? '', r.sku, r.date.slice(0, 10)];
  return { key: parts.join('\u0001'), unique: false };
}
