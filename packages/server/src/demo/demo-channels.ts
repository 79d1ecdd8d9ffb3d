import { demoChannelOrders } from '@stockwise/domain/demo/channel-orders';
import { FBA, WAREHOUSE } from '@stockwise/domain/demo/network';
import type { DemoSeller } from '@stockwise/domain/demo/types';
import type { OrderIntake } from '@stockwise/domain/sales/intake';
import { orderHistoryRepository } from '@stockwise/db/sales/order-history.repository';
import type { Actor } from '../accounts/actor';
import type { Stockwise } from '../stockwise';
import { demoMoment } from './demo-moment';

/** Shopify orders placed today and not yet shipped: the orders page has something to ship. */
const OPEN_ORDERS = 6;

/**
 * The demo seller's sales channels and orders: Amazon (SP-API, with placeholder credentials — the demo
 * has no real seller account, so a sync reports its connection error) and a Shopify shop (webhooks),
 * connected through the channels service; the last 30 days of channel sales as shipped orders; and a
 * few Shopify orders of today reserved in the warehouse, placed through the orders service.
 */
export async function loadDemoChannels(
  sw: Stockwise,
  actor: Actor,
  ctx: { seller: DemoSeller; productIds: Map<string, number>; locationIds: Map<string, number> },
): Promise<{ channels: number; orders: number }> {
  await sw.channels.connect(actor, {
    type: 'amazon',
    name: 'Amazon US',
    sellerId: 'A2DEMOSELLER42',
    marketplaceId: 'ATVPDKIKX0DER',
    clientId: 'amzn1.application-oa2-client.demo',
    clientSecret: 'demo-client-secret',
    refreshToken: 'Atzr|demo-refresh-token',
    location: FBA,
  });
  await sw.channels.connect(actor, {
    type: 'shopify',
    name: 'Lumen Home Goods (Shopify)',
    shopDomain: 'lumen-home-goods-demo.myshopify.com',
    webhookSecret: 'shpss_demo_webhook_secret',
    location: WAREHOUSE,
  });
  const orders = demoChannelOrders(ctx.seller);
  await orderHistoryRepository.bulkInsertShipped(
    sw.tx.sql,
    actor.accountId,
    orders.map((o) => ({
      channel: o.channel,
      externalId: o.externalId,
      orderedAt: demoMoment(o.date),
      currency: 'USD',
      productId: ctx.productIds.get(o.sku)!,
      locationId: ctx.locationIds.get(o.location)!,
      quantity: o.quantity,
      unitPrice: o.unitPrice,
    })),
  );
  const today = orders.filter((o) => o.channel === 'shopify' && o.date === ctx.seller.asOf);
  const last = Number(orders.findLast((o) => o.channel === 'shopify')?.externalId.slice(1) ?? 1000);
  const open: OrderIntake[] = today.slice(0, OPEN_ORDERS).map((o, i) => ({
    channel: 'shopify',
    externalId: `#${String(last + i + 1)}`,
    orderedAt: demoMoment(o.date),
    currency: 'USD',
    lines: [{ sku: o.sku, quantity: 1, unitPrice: o.unitPrice, externalLineId: null }],
    unmapped: [],
  }));
  // An order the warehouse cannot cover is refused (returned, not thrown) and simply left out.
  const placed = (await sw.orders.createMany(actor, open)).filter((r) => !(r instanceof Error)).length;
  return { channels: 2, orders: orders.length + placed };
}
