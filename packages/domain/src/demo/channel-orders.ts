/**
 * The demo seller's channel orders: the last weeks of its Amazon and Shopify sales as the orders a
 * channel would have delivered (the ledger already holds their shipments, aggregated per day), so the
 * orders pages agree with the revenue the dashboard shows. Pure and deterministic, like the rest of
 * the demo: same seller, same orders.
 */
import { parseIsoDate } from '../dates/dates';
import { deriveSeed, Rng } from './prng';
import type { DemoEvent, DemoSeller } from './types';

export interface DemoChannelOrder {
  channel: 'amazon' | 'shopify';
  /** Amazon's 3-7-7 order id, or a Shopify order name (#1001 …). */
  externalId: string;
  date: string;
  sku: string;
  location: string;
  quantity: number;
  unitPrice: number;
}

/** How far back the orders go: the dashboard's revenue figure covers the last 30 days. @default 30 */
export const DEMO_ORDER_DAYS = 30;

/** Most units one order carries: a day's sales of a SKU are split into orders of 1 to 3 units. */
const MAX_UNITS_PER_ORDER = 3;

type Sale = Extract<DemoEvent, { kind: 'sale' }>;

const digits = (rng: Rng, n: number): string =>
  Array.from({ length: n }, () => String(rng.int(0, 9))).join('');

/**
 * Every sale of the last `days` days (to `seller.asOf`) as shipped channel orders of 1–3 units, in
 * date order; the units and prices add up to the sales exactly.
 *
 * @example demoChannelOrders(seller).filter((o) => o.channel === 'shopify')[0]?.externalId // '#1001'
 */
export function demoChannelOrders(
  seller: DemoSeller,
  options: { days?: number; seed?: number } = {},
): DemoChannelOrder[] {
  const days = options.days ?? DEMO_ORDER_DAYS;
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`days must be a whole number ≥ 1, got ${days}`);
  const first = parseIsoDate(seller.asOf) - (days - 1);
  const rng = new Rng(deriveSeed(options.seed ?? 42, 7));
  const orders: DemoChannelOrder[] = [];
  let shopifyNumber = 1000;
  const sales = seller.events.filter((e): e is Sale => e.kind === 'sale' && parseIsoDate(e.date) >= first);
  for (const sale of sales) {
    let left = sale.quantity;
    while (left > 0) {
      const quantity = Math.min(left, rng.int(1, MAX_UNITS_PER_ORDER));
      left -= quantity;
      shopifyNumber += sale.channel === 'shopify' ? 1 : 0;
      orders.push({
        channel: sale.channel,
        externalId:
          sale.channel === 'amazon'
            ? `11${String(rng.int(1, 4))}-${digits(rng, 7)}-${digits(rng, 7)}`
            : `#${String(shopifyNumber)}`,
        date: sale.date,
        sku: sale.sku,
        location: sale.location,
        quantity,
        unitPrice: sale.unitPrice,
      });
    }
  }
  return dedupeAmazonIds(orders);
}

/** Random Amazon ids may collide (about one in 10^14 per pair): a repeat has its last digits replaced by a counter. */
function dedupeAmazonIds(orders: DemoChannelOrder[]): DemoChannelOrder[] {
  const seen = new Set<string>();
  return orders.map((o) => {
    let id = o.externalId;
    for (let n = 1; seen.has(id); n++) id = `${o.externalId.slice(0, -String(n).length)}${String(n)}`;
    seen.add(id);
    return id === o.externalId ? o : { ...o, externalId: id };
  });
}
