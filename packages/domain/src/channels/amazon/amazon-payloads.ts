import { DomainError } from '../../errors';
import type { IntakeLine, OrderIntake } from '../../sales/intake';
import { isoInstant } from '../paging';
import { salesChannelMarketplace } from './marketplaces';
import { arr, date, int, money, obj, optDate, optStr, round4, shipInstant, str } from '../read';

/** What happens to an Amazon order after intake, from its status. */
export type AmazonDisposition = 'reserve' | 'ship' | 'cancel' | 'skip';

/**
 * SP-API Orders v0 OrderStatus → what Stockwise does: Pending orders have no confirmed items yet
 * (skip); Unshipped / PartiallyShipped reserve; Shipped reserves and ships; Canceled cancels.
 */
export function amazonDisposition(status: string): AmazonDisposition {
  switch (status.toLowerCase()) {
    case 'unshipped':
    case 'partiallyshipped':
    case 'shipping':
    case 'pendingavailability':
    case 'invoiceunconfirmed':
      return 'reserve';
    case 'shipped':
      return 'ship';
    case 'canceled':
    case 'cancelled':
    case 'unfulfillable':
      return 'cancel';
    default:
      return 'skip';
  }
}

export interface AmazonOrderHeader {
  amazonOrderId: string;
  purchaseDate: Date;
  orderStatus: string;
  fulfillmentChannel: 'AFN' | 'MFN' | null;
  /**
   * The marketplace it was sold in, when Amazon says: getOrders' MarketplaceId, or the code of the All
   * Orders report's `sales-channel` (salesChannelMarketplace).
   */
  marketplaceId?: string | null;
  currency: string | null;
  /** When Amazon last changed the order (getOrders' LastUpdateDate). */
  lastUpdateDate?: Date | null;
  /** The window the seller committed to ship in (EarliestShipDate, LatestShipDate), when Amazon gives it. */
  earliestShipDate?: Date | null;
  latestShipDate?: Date | null;
}

/**
 * When a Shipped order left: the Orders API has no ship instant, so it is the order's LastUpdateDate (the
 * change to Shipped, unless something changed after it), no later than its LatestShipDate; without a
 * LastUpdateDate, the end of the ship window, else its start, else the purchase date; always between the
 * purchase date and now (docs/decisions.md 45).
 */
export function amazonShippedAt(header: AmazonOrderHeader, now: Date): Date {
  const latest = header.latestShipDate ?? null;
  const updated = header.lastUpdateDate ?? null;
  const candidate =
    updated && latest && updated > latest
      ? latest
      : (updated ?? latest ?? header.earliestShipDate ?? header.purchaseDate);
  return shipInstant(candidate, { orderedAt: header.purchaseDate, now });
}

/** The `payload.Orders` of a getOrders response, and its NextToken. */
export function amazonGetOrders(response: unknown): {
  orders: AmazonOrderHeader[];
  nextToken: string | null;
  lastUpdatedBefore: string | null;
} {
  const payload = obj(obj(response, 'response')['payload'], 'payload');
  const orders = arr(payload['Orders'], 'payload.Orders').map((raw, i): AmazonOrderHeader => {
    const o = obj(raw, `payload.Orders.${i}`);
    const total =
      typeof o['OrderTotal'] === 'object' && o['OrderTotal'] !== null
        ? (o['OrderTotal'] as Record<string, unknown>)
        : {};
    const fc = optStr(o['FulfillmentChannel']);
    return {
      amazonOrderId: str(o['AmazonOrderId'], `payload.Orders.${i}.AmazonOrderId`),
      purchaseDate: date(o['PurchaseDate'], `payload.Orders.${i}.PurchaseDate`),
      orderStatus: str(o['OrderStatus'], `payload.Orders.${i}.OrderStatus`),
      fulfillmentChannel: fc === 'AFN' || fc === 'MFN' ? fc : null,
      marketplaceId: optStr(o['MarketplaceId']),
      currency: optStr(total['CurrencyCode']),
      // Optional dates that do not parse are left out, never failing the page (docs/decisions.md 45).
      lastUpdateDate: optDate(o['LastUpdateDate']),
      earliestShipDate: optDate(o['EarliestShipDate']),
      latestShipDate: optDate(o['LatestShipDate']),
    };
  });
  return {
    orders,
    nextToken: optStr(payload['NextToken']),
    // The sandbox sends CreatedBefore as epoch seconds ("1.569521782042E9"): stored as ISO 8601.
    lastUpdatedBefore: isoInstant(payload['LastUpdatedBefore']) ?? isoInstant(payload['CreatedBefore']),
  };
}

/**
 * A getOrderItems response joined to its order header. SP-API's ItemPrice is the price of the whole
 * line (unit price × QuantityOrdered), so the unit price is ItemPrice.Amount ÷ QuantityOrdered, less
 * the line's PromotionDiscount share.
 */
export function amazonOrderItemsToIntake(
  header: AmazonOrderHeader,
  response: unknown,
): OrderIntake & { nextToken: string | null } {
  const payload = obj(obj(response, 'response')['payload'], 'payload');
  const id = optStr(payload['AmazonOrderId']);
  if (id !== null && id !== header.amazonOrderId)
    throw new DomainError(
      'VALIDATION_FAILED',
      `order items of ${id} given for order ${header.amazonOrderId}`,
      { field: 'payload.AmazonOrderId' },
    );
  const lines: IntakeLine[] = [];
  const unmapped: unknown[] = [];
  let currency = header.currency;
  arr(payload['OrderItems'], 'payload.OrderItems').forEach((raw, i) => {
    const item = obj(raw, `payload.OrderItems.${i}`);
    const quantity = int(item['QuantityOrdered'], `payload.OrderItems.${i}.QuantityOrdered`, 0);
    const sku = optStr(item['SellerSKU']);
    const externalLineId = optStr(item['OrderItemId']);
    if (!sku || quantity === 0) {
      unmapped.push({
        externalLineId,
        asin: optStr(item['ASIN']),
        quantity,
        reason: sku ? 'no quantity' : 'no SKU',
      });
      return;
    }
    const price =
      typeof item['ItemPrice'] === 'object' && item['ItemPrice'] !== null
        ? (item['ItemPrice'] as Record<string, unknown>)
        : null;
    const promo =
      typeof item['PromotionDiscount'] === 'object' && item['PromotionDiscount'] !== null
        ? (item['PromotionDiscount'] as Record<string, unknown>)
        : null;
    const total = price ? money(price['Amount'], `payload.OrderItems.${i}.ItemPrice.Amount`) : null;
    const discount = promo
      ? (money(promo['Amount'], `payload.OrderItems.${i}.PromotionDiscount.Amount`) ?? 0)
      : 0;
    currency ??= price ? optStr(price['CurrencyCode']) : null;
    lines.push({
      sku,
      quantity,
      unitPrice: total === null ? null : round4(Math.max(0, total - discount) / quantity),
      externalLineId,
    });
  });
  return {
    channel: 'amazon',
    externalId: header.amazonOrderId,
    orderedAt: header.purchaseDate,
    currency,
    lines,
    unmapped,
    // Who ships it decides where its units come from (docs/decisions.md 47).
    fulfilment: header.fulfillmentChannel,
    marketplace: header.marketplaceId ?? null,
    nextToken: optStr(payload['NextToken']),
  };
}

/** Columns of the "All Orders" flat file (tab-separated) that Stockwise reads. */
export const ALL_ORDERS_COLUMNS = [
  'amazon-order-id',
  'purchase-date',
  'order-status',
  'sku',
  'quantity',
  'item-price',
  'currency',
] as const;

/**
 * One row (one order line) of the All Orders report. item-price is the line total (unit price ×
 * quantity) in the report's currency; an empty price (pending orders) stays null.
 */
export function amazonAllOrdersRow(row: Readonly<Record<string, string>>): {
  header: AmazonOrderHeader;
  line: IntakeLine | null;
  itemStatus: string | null;
} {
  const quantity = int(row['quantity'], 'quantity', 0);
  const sku = optStr(row['sku']);
  const total = money(row['item-price'], 'item-price');
  const discount = money(row['item-promotion-discount']?.replace(/^-/, ''), 'item-promotion-discount') ?? 0;
  const fc = optStr(row['fulfillment-channel']);
  return {
    header: {
      amazonOrderId: str(row['amazon-order-id'], 'amazon-order-id'),
      purchaseDate: date(row['purchase-date'], 'purchase-date'),
      orderStatus: str(row['order-status'], 'order-status'),
      fulfillmentChannel:
        fc === 'Amazon' || fc === 'AFN' ? 'AFN' : fc === 'Merchant' || fc === 'MFN' ? 'MFN' : null,
      // Who ships it and where it was sold decide where its units come from (docs/decisions.md 47).
      marketplaceId: salesChannelMarketplace(row['sales-channel']),
      currency: optStr(row['currency']),
    },
    line:
      sku && quantity > 0
        ? {
            sku,
            quantity,
            unitPrice: total === null ? null : round4(Math.max(0, total - discount) / quantity),
            externalLineId: null,
          }
        : null,
    itemStatus: optStr(row['item-status']),
  };
}

/** One row of the FBA Manage Inventory report (GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA). */
export interface FbaInventoryRow {
  sku: string;
  fnsku: string | null;
  asin: string | null;
  fulfillable: number;
  unsellable: number;
  reserved: number;
  inboundWorking: number;
  inboundShipped: number;
  inboundReceiving: number;
}

export const FBA_INVENTORY_COLUMNS = [
  'sku',
  'afn-fulfillable-quantity',
  'afn-unsellable-quantity',
  'afn-reserved-quantity',
] as const;

export function fbaInventoryRow(row: Readonly<Record<string, string>>): FbaInventoryRow {
  const n = (column: string) =>
    row[column] === undefined || row[column] === '' ? 0 : int(row[column], column, 0);
  return {
    sku: str(row['sku']?.trim(), 'sku'),
    fnsku: optStr(row['fnsku']),
    asin: optStr(row['asin']),
    fulfillable: n('afn-fulfillable-quantity'),
    unsellable: n('afn-unsellable-quantity'),
    reserved: n('afn-reserved-quantity'),
    inboundWorking: n('afn-inbound-working-quantity'),
    inboundShipped: n('afn-inbound-shipped-quantity'),
    inboundReceiving: n('afn-inbound-receiving-quantity'),
  };
}

/** Age brackets of the FBA inventory age report, in Stockwise's buckets (docs/vocabulary.md). */
export interface FbaAgeBuckets {
  age0to90: number;
  age91to180: number;
  age181to270: number;
  age271to365: number;
  age365plus: number;
}

/** One row of the FBA inventory planning / inventory age report (GET_FBA_INVENTORY_PLANNING_DATA). */
export interface FbaInventoryAgeRow extends FbaAgeBuckets {
  snapshotDate: string;
  sku: string;
  fnsku: string | null;
  asin: string | null;
  condition: string | null;
  /** Sellable units Amazon holds. */
  available: number;
  /** "Total Reserved Quantity" (customer orders, FC transfers, FC processing) when the report has it. */
  reserved: number | null;
  pendingRemoval: number | null;
  unfulfillable: number | null;
  unitsShippedT30: number | null;
  unitsShippedT90: number | null;
  sellThrough: number | null;
  estimatedExcess: number | null;
  daysOfSupply: number | null;
  recommendedAction: string | null;
}

export const FBA_AGE_REQUIRED_COLUMNS = ['snapshot-date', 'sku', 'available'] as const;
export const FBA_AGE_OPTIONAL_COLUMNS = [
  'fnsku',
  'asin',
  'product-name',
  'condition',
  'pending-removal-quantity',
  'inv-age-0-to-90-days',
  'inv-age-91-to-180-days',
  'inv-age-181-to-270-days',
  'inv-age-271-to-365-days',
  'inv-age-365-plus-days',
  'inv-age-366-to-455-days',
  'inv-age-456-plus-days',
  'units-shipped-t30',
  'units-shipped-t90',
  'sell-through',
  'estimated-excess-quantity',
  'days-of-supply',
  'recommended-action',
  'total reserved quantity',
  'reserved-quantity',
  'unfulfillable-quantity',
] as const;

/**
 * Reads one row of the FBA inventory age report (header names lower-cased, any column order, extra
 * columns ignored). Quantities may come as "12" or "12.0"; empty cells are 0 for age brackets and
 * null for the rest. Newer reports split 365+ into 366–455 and 456+: they are summed into 365+.
 */
export function fbaInventoryAgeRow(row: Readonly<Record<string, string>>): FbaInventoryAgeRow {
  const cell = (column: string) => (row[column] ?? '').trim();
  const qty = (column: string): number | null => {
    const v = cell(column);
    if (v === '') return null;
    if (!/^\d+(\.0+)?$/.test(v) || Number(v) > 100_000_000)
      throw new DomainError('VALIDATION_FAILED', `${column} must be a whole number ≥ 0, got "${v}"`, {
        field: column,
      });
    return Number(v);
  };
  const decimal = (column: string): number | null => {
    const v = cell(column);
    if (v === '') return null;
    const n = Number(v);
    if (!/^-?\d+(\.\d+)?$/.test(v) || !Number.isFinite(n) || Math.abs(n) > 1e9)
      throw new DomainError('VALIDATION_FAILED', `${column} must be a number, got "${v}"`, { field: column });
    return n;
  };
  const snapshot = cell('snapshot-date');
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(snapshot)?.[1];
  if (!day || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day)
    throw new DomainError(
      'VALIDATION_FAILED',
      `snapshot-date must be a date like 2024-05-01, got "${snapshot}"`,
      { field: 'snapshot-date' },
    );
  const sku = cell('sku');
  if (sku === '' || sku.length > 100)
    throw new DomainError(
      'VALIDATION_FAILED',
      sku === '' ? 'sku is required' : 'sku is longer than 100 characters',
      { field: 'sku' },
    );
  const available = qty('available');
  if (available === null)
    throw new DomainError('VALIDATION_FAILED', 'available is required', { field: 'available' });
  const split = qty('inv-age-366-to-455-days') !== null || qty('inv-age-456-plus-days') !== null;
  const text = (column: string, max: number) => {
    const v = cell(column);
    return v === '' ? null : v.slice(0, max);
  };
  return {
    snapshotDate: day,
    sku,
    fnsku: text('fnsku', 20),
    asin: text('asin', 20),
    condition: text('condition', 40),
    available,
    reserved: qty('total reserved quantity') ?? qty('reserved-quantity'),
    pendingRemoval: qty('pending-removal-quantity'),
    unfulfillable: qty('unfulfillable-quantity'),
    age0to90: qty('inv-age-0-to-90-days') ?? 0,
    age91to180: qty('inv-age-91-to-180-days') ?? 0,
    age181to270: qty('inv-age-181-to-270-days') ?? 0,
    age271to365: qty('inv-age-271-to-365-days') ?? 0,
    age365plus: split
      ? (qty('inv-age-366-to-455-days') ?? 0) + (qty('inv-age-456-plus-days') ?? 0)
      : (qty('inv-age-365-plus-days') ?? 0),
    unitsShippedT30: qty('units-shipped-t30'),
    unitsShippedT90: qty('units-shipped-t90'),
    sellThrough: decimal('sell-through'),
    estimatedExcess:
      decimal('estimated-excess-quantity') === null
        ? null
        : Math.round(decimal('estimated-excess-quantity')!),
    daysOfSupply: decimal('days-of-supply'),
    recommendedAction: text('recommended-action', 200),
  };
}

/**
 * What Amazon says it holds vs what the ledger says: the 'count' adjustment that makes on hand
 * equal Amazon's sellable units (fulfillable + reserved for customer orders / FC processing).
 */
export function reconcileFba(ledgerOnHand: number, amazonSellable: number): { adjustment: number } {
  return { adjustment: amazonSellable - ledgerOnHand };
}
