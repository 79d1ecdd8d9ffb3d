import { isAcceptedDay } from '../dates/dates';
import { DomainError } from '../errors';
import { salesChannelMarketplace } from '../channels/amazon/marketplaces';
import type { ImportRow } from './import-formats';

/**
 * Amazon's Fulfilled Shipments report (GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL, tab-separated): one
 * line per shipment item of an FBA order, with the instant Amazon shipped it (`shipment-date`), the SKU
 * and units shipped, and the item's price for those units (docs/decisions.md 53).
 */
export const FBA_SHIPMENTS_REQUIRED = [
  'amazon-order-id',
  'shipment-item-id',
  'shipment-date',
  'sku',
  'quantity-shipped',
] as const;
export const FBA_SHIPMENTS_OPTIONAL = [
  'merchant-order-id',
  'shipment-id',
  'amazon-order-item-id',
  'merchant-order-item-id',
  'purchase-date',
  'payments-date',
  'reporting-date',
  'currency',
  'item-price',
  'item-tax',
  'shipping-price',
  'item-promotion-discount',
  'fulfillment-center-id',
  'fulfillment-channel',
  'sales-channel',
] as const;

const fail = (field: string, message: string): never => {
  throw new DomainError('VALIDATION_FAILED', message, { field });
};

function required(row: Readonly<Record<string, string>>, column: string, pattern: RegExp): string {
  const v = (row[column] ?? '').trim();
  if (v === '') return fail(column, `${column} is required`);
  if (!pattern.test(v)) return fail(column, `${column} is not valid: "${v.slice(0, 60)}"`);
  return v;
}

/** An instant as the report writes it (2024-05-01T10:00:00+00:00, or a bare date at UTC midnight). */
function instant(row: Readonly<Record<string, string>>, column: string): string {
  const v = (row[column] ?? '').trim();
  const m = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}| UTC)?)?$/.exec(v);
  const text = m?.[1] ? v.replace(/ UTC$/, 'Z').replace(' ', 'T') : `${v}T00:00:00Z`;
  const d = m ? new Date(text) : null;
  if (!d || Number.isNaN(d.getTime()) || !isAcceptedDay(d.toISOString().slice(0, 10)))
    return fail(column, `${column} must be a date like 2024-05-01T10:00:00+00:00, got "${v}"`);
  return d.toISOString();
}

function money(row: Readonly<Record<string, string>>, column: string): number | null {
  const v = (row[column] ?? '').trim().replace(/^-/, '');
  if (v === '') return null;
  if (!/^\d+(\.\d+)?$/.test(v)) return fail(column, `${column} must be an amount like 12.50, got "${v}"`);
  const n = Number(v);
  return n > 1e9 ? fail(column, `${column} is too large`) : n;
}

/**
 * One line of the report. Keyed by the Amazon order (an order's items are taken in together); its price
 * per unit is the item price less its promotion, over the units shipped; an order without a purchase date
 * is dated at its shipment. `fulfillment-channel` "Amazon" is AFN (the report lists FBA shipments).
 */
export function fbaShipmentRow(row: Readonly<Record<string, string>>): ImportRow {
  const amazonOrderId = required(row, 'amazon-order-id', /^[A-Za-z0-9-]{1,50}$/);
  const shipmentItemId = required(row, 'shipment-item-id', /^[A-Za-z0-9_-]{1,50}$/);
  // eslint-disable-next-line no-control-regex -- a SKU with control characters is refused
  const sku = required(row, 'sku', /^[^\u0000-\u001f\u007f]{1,100}$/);
  const quantity = Number(required(row, 'quantity-shipped', /^\d{1,7}$/));
  if (quantity <= 0) fail('quantity-shipped', 'quantity-shipped must be at least 1');
  const shippedAt = instant(row, 'shipment-date');
  const purchasedAt = (row['purchase-date'] ?? '').trim() === '' ? shippedAt : instant(row, 'purchase-date');
  const price = money(row, 'item-price');
  const discount = money(row, 'item-promotion-discount') ?? 0;
  const fc = (row['fulfillment-channel'] ?? '').trim();
  const currency = (row['currency'] ?? '').trim().toUpperCase();
  if (currency !== '' && !/^[A-Z]{3}$/.test(currency))
    fail('currency', `currency must be a 3-letter code like USD, got "${currency}"`);
  return {
    key: amazonOrderId,
    sku,
    location: null,
    data: {
      amazonOrderId,
      shipmentItemId,
      sku,
      quantity,
      unitPrice: price === null ? null : Math.round((Math.max(0, price - discount) / quantity) * 1e4) / 1e4,
      currency: currency === '' ? null : currency,
      purchaseDate: purchasedAt < shippedAt ? purchasedAt : shippedAt,
      shippedAt,
      fulfillmentChannel: fc === 'Merchant' || fc === 'MFN' ? 'MFN' : 'AFN',
      marketplace: salesChannelMarketplace(row['sales-channel']) ?? null,
    },
  };
}

/** Units of one order and SKU the ledger has shipped at one instant from one location, at one cost and price. */
export interface ShippedLot {
  locationId: number;
  at: number;
  units: number;
}

/** Units Amazon says shipped at an instant (the report's lines of one order and SKU). */
export interface ShippedTarget {
  at: number;
  units: number;
}

/** Units of a lot to move from its instant to the report's. */
export interface RedateMove<L extends ShippedLot> {
  lot: L;
  to: number;
  units: number;
}

/**
 * Which shipped units of one order and SKU to re-date so the ledger's dates are the report's
 * (docs/decisions.md 53): units already at a reported instant stay; the rest move, oldest lot first, to
 * the reported instants still short, earliest first. Units beyond what the report lists stay where they
 * are; reported units beyond what the ledger shipped are `unmatched` (a demand-only order, or a file
 * ahead of the ledger). Applied twice, the second plan is empty.
 * @example planRedates([{ locationId: 1, at: 10, units: 2 }], [{ at: 4, units: 2 }])
 *   // moves: [{ lot, to: 4, units: 2 }], unmatched: 0
 */
export function planRedates<L extends ShippedLot>(
  lots: readonly L[],
  targets: readonly ShippedTarget[],
): { moves: RedateMove<L>[]; unmatched: number } {
  const need = new Map<number, number>();
  for (const t of targets) need.set(t.at, (need.get(t.at) ?? 0) + t.units);
  const left = lots.map((l) => {
    const kept = Math.min(l.units, need.get(l.at) ?? 0);
    if (kept > 0) need.set(l.at, need.get(l.at)! - kept);
    return l.units - kept;
  });
  const moves: RedateMove<L>[] = [];
  const order = lots.map((_, i) => i).sort((a, b) => lots[a]!.at - lots[b]!.at || a - b);
  const instants = [...need.keys()].sort((a, b) => a - b);
  for (const i of order) {
    for (const to of instants) {
      const units = Math.min(left[i]!, need.get(to)!);
      if (units <= 0) continue;
      moves.push({ lot: lots[i]!, to, units });
      left[i]! -= units;
      need.set(to, need.get(to)! - units);
    }
  }
  return { moves, unmatched: [...need.values()].reduce((s, n) => s + n, 0) };
}
