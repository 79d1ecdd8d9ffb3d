import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { seedChannelAccount, shopifyWebhook } from '../support/channels-seed';
import { uid } from '../support/factories';
import { skuBalance } from '../support/seed';
import { useOwnerApi } from '../support/owner-api';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'shopify');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

describeEachBackend(
  'Shopify webhooks: refunds once per refund id, products/update, inventory levels, orders created fulfilled',
  (backend) => {
    const t = useOwnerApi(backend);
    let orderId: number;
    const shop = `${uid('shop-')}.myshopify.com`;
    const secret = 'shpss_test_webhook_secret';

    const webhook = (topic: string, body: string) => shopifyWebhook(t.app, { shop, secret }, { topic, body });

    /** The example refund with another refund id and each line's restock_type replaced. */
    const refundBody = (refundId: string, restockType: string) =>
      fixture('refunds-create.json')
        .replace('"id": 929361462', `"id": ${refundId}`)
        .replace('"restock_type": "return"', `"restock_type": "${restockType}"`);

    beforeAll(async () => {
      await seedChannelAccount(t.api, { shop, secret });
      const created = await webhook('orders/create', fixture('orders-create.json'));
      expect(created.body).toMatchObject({ action: 'created' });
      orderId = created.body['orderId'] as number;
      const shipped = await t.api.post(`/api/v1/orders/${orderId}/ship`, {
        lines: [{ sku: 'IPOD2008PINK', quantity: 1 }],
      });
      expect(shipped.status).toBe(200);
    });

    it('a no_restock refund changes nothing and says so; a return refund restocks once, named in the ledger, however often Shopify sends it', async () => {
      expect(await skuBalance(t.api, 'IPOD2008PINK')).toMatchObject({ onHand: 19, reserved: 0 });
      const none = await webhook('refunds/create', refundBody('929361470', 'no_restock'));
      expect(none.status).toBe(200);
      expect(none.body).toMatchObject({ action: 'no_restock', orderId });
      expect(String(none.body['detail'])).toContain('stock unchanged');
      expect(await skuBalance(t.api, 'IPOD2008PINK')).toMatchObject({ onHand: 19 });

      const body = fixture('refunds-create.json');
      const first = await webhook('refunds/create', body);
      expect(first.body).toMatchObject({ action: 'refunded', orderId });
      expect(await skuBalance(t.api, 'IPOD2008PINK')).toMatchObject({ onHand: 20 });
      const again = await webhook('refunds/create', body);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ action: 'duplicate', orderId });
      expect(await skuBalance(t.api, 'IPOD2008PINK')).toMatchObject({ onHand: 20 });
      const notes = await t.sw.db.query<{ note: string | null }>(
        "SELECT note FROM ledger_batches WHERE account_id = $1 AND kind = 'order.return'",
        [t.owner.actor.accountId],
      );
      expect(notes.map((n) => n.note)).toEqual(['shopify refund 929361462']);
      const order = (await t.api.get(`/api/v1/orders/${orderId}`)).body;
      expect((order['lines'] as { quantityReturned: number }[])[0]!.quantityReturned).toBe(1);
    });

    it('a cancel refund releases the unshipped units once', async () => {
      const body = fixture('refunds-create.json')
        .replace('"id": 929361462', '"id": 929361480')
        .replace('"restock_type": "return"', '"restock_type": "cancel"')
        .replace('"line_item_id": 866550311766439020', '"line_item_id": 141249953214522974')
        .replace('"sku": "IPOD2008PINK"', '"sku": "IPOD2008BLACK"');
      expect(await skuBalance(t.api, 'IPOD2008BLACK')).toMatchObject({ onHand: 20, reserved: 2 });
      expect((await webhook('refunds/create', body)).body).toMatchObject({ action: 'refunded', orderId });
      expect((await webhook('refunds/create', body)).body).toMatchObject({ action: 'duplicate' });
      expect(await skuBalance(t.api, 'IPOD2008BLACK')).toMatchObject({ onHand: 20, reserved: 1 });
      expect(await t.sw.inventory.findImbalances(t.owner.actor)).toEqual([]);
    });

    it("products/update sets known SKUs' title, barcode and price through the catalog; unknown SKUs are named; stock is not touched", async () => {
      const before = await skuBalance(t.api, 'IPOD2008PINK');
      const res = await webhook('products/update', fixture('products-update.json'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ action: 'updated', skus: ['IPOD2008PINK', 'IPOD2008BLACK'] });
      expect(String(res.body['detail'])).toContain('IPOD2008RED: not in the catalog');
      expect((await t.api.get('/api/v1/products/IPOD2008PINK')).body).toMatchObject({
        title: 'IPod Nano - 8GB - Pink',
        barcode: '1234_pink',
        price: 199,
      });
      expect((await t.api.get('/api/v1/products/IPOD2008BLACK')).body).toMatchObject({
        title: 'IPod Nano - 8GB - Black',
        barcode: '1234_black',
        price: 189.5,
      });
      expect(await skuBalance(t.api, 'IPOD2008PINK')).toEqual(before);
      const again = await webhook('products/update', fixture('products-update.json'));
      expect(again.body).toMatchObject({ action: 'ignored', skus: [] });
    });

    it('inventory_levels/update records what Shopify shows for the SKU, never the stock here; an older level does not replace a newer one', async () => {
      const before = await skuBalance(t.api, 'IPOD2008PINK');
      const res = await webhook('inventory_levels/update', fixture('inventory-levels-update.json'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ action: 'recorded', skus: ['IPOD2008PINK'] });
      expect(await skuBalance(t.api, 'IPOD2008PINK')).toEqual(before);
      const older = fixture('inventory-levels-update.json')
        .replace('"available": 6', '"available": 9')
        .replace('2021-12-31T19:00:00-05:00', '2021-12-30T19:00:00-05:00');
      expect((await webhook('inventory_levels/update', older)).body).toMatchObject({ action: 'ignored' });
      const rows = await t.sw.db.query<{ inventory_item_id: string; available: number }>(
        `SELECT l.inventory_item_id, l.available FROM shopify_inventory_levels l
       JOIN sales_channels c ON c.id = l.channel_id WHERE c.shop_domain = $1`,
        [shop],
      );
      expect(rows).toEqual([{ inventory_item_id: '271878346596884015', available: 6 }]);
    });

    it('an order created already fulfilled (a point-of-sale sale) ships from available stock reserving nothing, as a sync takes it; one the stock cannot cover writes nothing and says why', async () => {
      const pos = (id: string, quantity: number) =>
        fixture('orders-create.json')
          .replaceAll('820982911946154508', id)
          .replace('"fulfillment_status": "pending"', '"fulfillment_status": "fulfilled"')
          .replace('"source_name": "web"', '"source_name": "pos"')
          .replace('"quantity": 2', `"quantity": ${quantity}`);
      const pink = await skuBalance(t.api, 'IPOD2008PINK');
      const black = await skuBalance(t.api, 'IPOD2008BLACK');
      const sold = await webhook('orders/create', pos('820982911946154600', 2));
      expect(sold.status).toBe(200);
      expect(sold.body).toMatchObject({ action: 'created' });
      const order = (await t.api.get(`/api/v1/orders/${String(sold.body['orderId'])}`)).body;
      expect(order).toMatchObject({ status: 'shipped', externalId: '820982911946154600' });
      expect(order['lines']).toMatchObject([
        { sku: 'IPOD2008PINK', quantity: 1, quantityShipped: 1 },
        { sku: 'IPOD2008BLACK', quantity: 2, quantityShipped: 2 },
      ]);
      expect(await skuBalance(t.api, 'IPOD2008PINK')).toMatchObject({
        onHand: pink.onHand - 1,
        reserved: pink.reserved,
      });
      expect(await skuBalance(t.api, 'IPOD2008BLACK')).toMatchObject({
        onHand: black.onHand - 2,
        reserved: black.reserved,
      });
      const movements = await t.sw.db.query<{ type: string; occurred_at: Date }>(
        `SELECT m.type, m.occurred_at FROM stock_movements m
         JOIN orders o ON m.reference_type = 'order' AND o.id::text = m.reference_id
         WHERE m.account_id = $1 AND o.external_id = '820982911946154600' ORDER BY m.id`,
        [t.owner.actor.accountId],
      );
      expect(movements.map((m) => m.type)).toEqual(['shipment', 'shipment']);
      // No fulfilment and no closed_at in the body: shipped at its processed_at, not when it arrived
      // (docs/decisions.md 45).
      expect(movements.map((m) => new Date(m.occurred_at).toISOString())).toEqual([
        '2022-01-01T00:00:00.000Z',
        '2022-01-01T00:00:00.000Z',
      ]);
      const again = await webhook('orders/create', pos('820982911946154600', 2));
      expect(again.body).toMatchObject({ action: 'duplicate', orderId: sold.body['orderId'] });
      expect(await skuBalance(t.api, 'IPOD2008BLACK')).toMatchObject({ onHand: black.onHand - 2 });

      const short = await webhook('orders/create', pos('820982911946154601', black.onHand + 5));
      expect(short.status).toBe(200);
      expect(short.body).toMatchObject({ action: 'ignored', orderId: null });
      expect(String(short.body['detail'])).toContain('IPOD2008BLACK');
      expect((await t.api.get('/api/v1/orders?externalId=820982911946154601')).body.items).toHaveLength(0);
      expect(await skuBalance(t.api, 'IPOD2008BLACK')).toMatchObject({ onHand: black.onHand - 2 });
      expect(await t.sw.inventory.findImbalances(t.owner.actor)).toEqual([]);
    });

    it('a signed level without location_id is a 400 naming the field and records nothing', async () => {
      const res = await webhook(
        'inventory_levels/update',
        '{"inventory_item_id": 5, "available": 1, "updated_at": "2022-01-01T00:00:00Z"}',
      );
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('location_id');
    });
  },
);
