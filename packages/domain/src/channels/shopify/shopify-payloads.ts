import { DomainError } from '../../errors';
import type { AmazonDisposition } from '../amazon/amazon-payloads';
import type { IntakeLine, IntakeRefundLine, OrderIntake } from '../../sales/intake';
import { idText } from '../lossless-json';
import { arr, date, int, money, obj, optDate, optStr, shipInstant, str } from '../read';

export const SHOPIFY_TOPICS = [
  'orders/create',
  'orders/cancelled',
  'refunds/create',
  'products/update',
  'inventory_levels/update',
] as const;
export type ShopifyTopic = (typeof SHOPIFY_TOPICS)[number];

/** A shop's myshopify domain, lower-cased: `my-shop.myshopify.com`. */
export function normalizeShopDomain(domain: string): string | null {
  const d = domain.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(d) ? d : null;
}

function orderId(order: Record<string, unknown>): string {
  const id = idText(order['id']);
  if (!id) throw new DomainError('VALIDATION_FAILED', 'id must be the order id', { field: 'id' });
  return id;
}

/**
 * A Shopify order (webhook `orders/create` body, or one element of Admin REST `orders.json`) in
 * channel-neutral form. Lines map to SKUs by `sku`; lines without one (gift cards, custom items)
 * are kept as unmapped. The unit price is the line price less its share of line discounts.
 * Parse the raw body with parseJsonLossless so ids beyond 2^53 keep every digit.
 */
export function shopifyOrderToIntake(payload: unknown): OrderIntake {
  const order = obj(payload, 'order');
  const externalId = orderId(order);
  const lines: IntakeLine[] = [];
  const unmapped: unknown[] = [];
  arr(order['line_items'], 'line_items').forEach((raw, i) => {
    const item = obj(raw, `line_items.${i}`);
    const quantity = int(item['quantity'], `line_items.${i}.quantity`, 0);
    const sku = optStr(item['sku']);
    const externalLineId = idText(item['id']);
    if (!sku || quantity === 0) {
      unmapped.push({
        externalLineId,
        title: optStr(item['title']),
        quantity,
        reason: sku ? 'no quantity' : 'no SKU',
      });
      return;
    }
    const price = money(item['price'], `line_items.${i}.price`);
    const discount = money(item['total_discount'], `line_items.${i}.total_discount`) ?? 0;
    const unitPrice =
      price === null
        ? null
        : Math.max(0, Math.round(((price * quantity - discount) / quantity) * 10_000) / 10_000);
    lines.push({ sku, quantity, unitPrice, externalLineId });
  });
  return {
    channel: 'shopify',
    externalId,
    orderedAt: date(order['created_at'] ?? order['processed_at'], 'created_at'),
    currency: optStr(order['currency']),
    lines,
    unmapped,
  };
}

/**
 * What a Shopify order's state asks of Stockwise, the same for a sync's `orders.json` and an `orders/create`
 * webhook: cancelled there (`cancelled_at` set) cancels; wholly fulfilled (`fulfillment_status:
 * "fulfilled"`, e.g. a point-of-sale sale) ships, from available stock when it is new (docs/decisions.md 39);
 * anything else (unfulfilled, partial) reserves.
 */
export function shopifyOrderDisposition(payload: unknown): AmazonDisposition {
  const order = obj(payload, 'order');
  if (order['cancelled_at']) return 'cancel';
  return order['fulfillment_status'] === 'fulfilled' ? 'ship' : 'reserve';
}

/**
 * When a fulfilled order left: the earliest fulfilment that succeeded (`status` "success") and holds one
 * of the order's SKU lines, by its `created_at`; without one, when Shopify closed the order (`closed_at`),
 * else when it was processed (`processed_at`), else when it was created; always between the order's date
 * and now (docs/decisions.md 45). Dates that do not parse count as absent.
 */
export function shopifyShippedAt(payload: unknown, now: Date): Date {
  const order = obj(payload, 'order');
  const orderedAt = date(order['created_at'] ?? order['processed_at'], 'created_at');
  const skuLines = new Set(
    (Array.isArray(order['line_items']) ? (order['line_items'] as unknown[]) : []).flatMap((raw) => {
      const item = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
      const id = idText(item['id']);
      return optStr(item['sku']) && id ? [id] : [];
    }),
  );
  let earliest: Date | null = null;
  for (const raw of Array.isArray(order['fulfillments']) ? (order['fulfillments'] as unknown[]) : []) {
    const f = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    if (f['status'] !== 'success') continue;
    const lines = Array.isArray(f['line_items']) ? (f['line_items'] as unknown[]) : [];
    const shipsALine = lines.some((l) => {
      const id = typeof l === 'object' && l !== null ? idText((l as Record<string, unknown>)['id']) : null;
      return id !== null && skuLines.has(id);
    });
    const at = optDate(f['created_at']);
    if (at && shipsALine && (!earliest || at < earliest)) earliest = at;
  }
  const candidate = earliest ?? optDate(order['closed_at']) ?? optDate(order['processed_at']) ?? orderedAt;
  return shipInstant(candidate, { orderedAt, now });
}

/** The order id of an `orders/cancelled` body (the whole order, with cancelled_at set). */
export function shopifyCancelledOrderId(payload: unknown): string {
  return orderId(obj(payload, 'order'));
}

/** A `refunds/create` body: the order it refunds and, per refunded line, how many units and whether they come back. */
export function shopifyRefund(payload: unknown): {
  refundId: string;
  orderId: string;
  lines: IntakeRefundLine[];
} {
  const refund = obj(payload, 'refund');
  const refundId = idText(refund['id']) ?? str(refund['id'], 'id');
  const id = idText(refund['order_id']) ?? str(refund['order_id'], 'order_id');
  const lines = arr(refund['refund_line_items'] ?? [], 'refund_line_items').map(
    (raw, i): IntakeRefundLine => {
      const r = obj(raw, `refund_line_items.${i}`);
      const item =
        typeof r['line_item'] === 'object' && r['line_item'] !== null
          ? (r['line_item'] as Record<string, unknown>)
          : {};
      const type = optStr(r['restock_type']);
      return {
        externalLineId: idText(r['line_item_id']) ?? idText(item['id']),
        sku: optStr(item['sku']),
        quantity: int(r['quantity'], `refund_line_items.${i}.quantity`, 0),
        restock:
          type === 'return' || type === 'legacy_restock' ? 'return' : type === 'cancel' ? 'cancel' : 'none',
      };
    },
  );
  return { refundId, orderId: id, lines };
}

/** One variant of a `products/update` body, as the catalog keeps it: title, barcode and price by SKU. */
export interface ShopifyVariantUpdate {
  sku: string;
  title: string;
  barcode: string | null;
  price: number | null;
  inventoryItemId: string | null;
}

/**
 * The variants of a `products/update` body that carry a SKU. The title is the product's, followed by the
 * variant's unless Shopify calls it "Default Title" (a product without options).
 */
export function shopifyProductVariants(payload: unknown): ShopifyVariantUpdate[] {
  const product = obj(payload, 'product');
  const productTitle = optStr(product['title']);
  return arr(product['variants'] ?? [], 'variants').flatMap((raw, i): ShopifyVariantUpdate[] => {
    const v = obj(raw, `variants.${i}`);
    const sku = optStr(v['sku']);
    if (!sku) return [];
    const variantTitle = optStr(v['title']);
    const parts = [productTitle, variantTitle === 'Default Title' ? null : variantTitle];
    const title = parts.filter((p): p is string => p !== null).join(' - ');
    return [
      {
        sku,
        title: title === '' ? sku : title,
        barcode: optStr(v['barcode']),
        price: money(v['price'], `variants.${i}.price`),
        inventoryItemId: idText(v['inventory_item_id']),
      },
    ];
  });
}

/** An `inventory_levels/update` body: what Shopify shows as available for one item at one of its locations. */
export interface ShopifyInventoryLevel {
  inventoryItemId: string;
  locationId: string;
  /** Null when Shopify does not track the item's quantity. */
  available: number | null;
  updatedAt: Date;
}

export function shopifyInventoryLevel(payload: unknown): ShopifyInventoryLevel {
  const level = obj(payload, 'inventory_level');
  const inventoryItemId = idText(level['inventory_item_id']);
  if (!inventoryItemId)
    throw new DomainError('VALIDATION_FAILED', 'inventory_item_id must be the item id', {
      field: 'inventory_item_id',
    });
  const locationId = idText(level['location_id']);
  if (!locationId)
    throw new DomainError('VALIDATION_FAILED', 'location_id must be the location id', {
      field: 'location_id',
    });
  const raw = level['available'];
  return {
    inventoryItemId,
    locationId,
    available: raw === null || raw === undefined ? null : int(raw, 'available', -1_000_000_000),
    updatedAt: date(level['updated_at'], 'updated_at'),
  };
}
