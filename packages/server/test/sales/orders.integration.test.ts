import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { newAccount, uid } from '../support/factories';
import { client } from '../support/http-client';
import { receive, seedLocations, skuBalance } from '../support/seed';
import { useOwnerApi, type Api } from '../support/owner-api';

async function stockedSku(
  api: Api,
  opts: { location: string; quantity: number; allowBackorder?: boolean },
): Promise<string> {
  const sku = uid('ORD-');
  expect(
    (
      await api.post('/api/v1/products', {
        sku,
        title: 'Order test item',
        unitCost: 3,
        allowBackorder: opts.allowBackorder ?? false,
      })
    ).status,
  ).toBe(201);
  if (opts.quantity > 0) await receive(api, sku, opts.location, opts.quantity);
  return sku;
}

/** POSTs an order of `lines` on `channel` (manual unless named) under a fresh external id. */
function postOrder(api: Api, lines: readonly { sku: string; quantity: number }[], channel = 'manual') {
  return api.post('/api/v1/orders', { channel, externalId: uid('order-'), lines });
}

describeEachBackend(
  'Orders: reservations never oversell; ship, cancel, return through the ledger',
  (backend) => {
    const t = useOwnerApi(backend);

    beforeAll(async () => {
      await seedLocations(
        t.api,
        { code: 'WH1', name: 'Main', type: 'warehouse' },
        { code: 'WH2', name: 'Overflow', type: 'warehouse' },
      );
    });

    it('300 concurrent one-unit orders against 100 units: exactly 100 accepted, 200 refused with 409, available 0, ledger balanced', async () => {
      const sku = await stockedSku(t.api, { location: 'WH1', quantity: 100 });
      const results = await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          t.api.post('/api/v1/orders', {
            channel: 'shopify',
            externalId: `race-${sku}-${i}`,
            lines: [{ sku, quantity: 1, unitPrice: 12.5 }],
          }),
        ),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(100);
      expect(statuses.filter((s) => s === 409)).toHaveLength(200);
      const refused = results.find((r) => r.status === 409)!;
      expect(refused.body['code']).toBe('INSUFFICIENT_STOCK');
      expect(refused.body['skus']).toEqual([sku]);
      expect(await skuBalance(t.api, sku)).toMatchObject({ onHand: 100, reserved: 100, available: 0 });
      expect(await t.sw.inventory.findImbalances(t.owner.actor)).toEqual([]);
      const listed = await t.api.get(`/api/v1/orders?sku=${sku}&limit=1000`);
      expect(listed.body.items).toHaveLength(100);
    });

    it('concurrent API orders share batches (group commit) yet each is decided on its own: refusals leave no trace, repeats replay', async () => {
      const sku = await stockedSku(t.api, { location: 'WH1', quantity: 30 });
      const tag = uid('gc-');
      const bodies = [
        ...Array.from({ length: 40 }, (_, i) => ({
          channel: 'manual',
          externalId: `${tag}-${i}`,
          lines: [{ sku, quantity: 1 }],
        })),
        {
          channel: 'manual',
          externalId: `${tag}-unknown`,
          lines: [
            { sku, quantity: 1 },
            { sku: 'NO-SUCH-SKU', quantity: 1 },
          ],
        },
        { channel: 'manual', externalId: `${tag}-3`, lines: [{ sku, quantity: 1 }] },
      ];
      const results = await Promise.all(bodies.map((b) => t.api.post('/api/v1/orders', b)));
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((st) => st === 201)).toHaveLength(30);
      expect(statuses.filter((st) => st === 409)).toHaveLength(10);
      expect(results[40]!.status).toBe(404);
      expect(results[40]!.body['code']).toBe('UNKNOWN_SKU');
      // `-3` and its repeat: whichever reaches the server first decides (requests race), the other replays
      // it — the same order — or both are refused.
      const twins = [results[3]!, results[41]!];
      const twinStatuses = twins.map((r) => r.status).sort();
      expect([
        [200, 201],
        [409, 409],
      ]).toContainEqual(twinStatuses);
      if (twinStatuses[0] === 200) expect(twins[0]!.body['id']).toBe(twins[1]!.body['id']);
      expect(await skuBalance(t.api, sku)).toMatchObject({ onHand: 30, reserved: 30, available: 0 });
      const listed = await t.api.get(`/api/v1/orders?sku=${sku}&limit=1000`);
      expect(listed.body.items).toHaveLength(30);
      expect((await t.api.get(`/api/v1/orders?externalId=${tag}-unknown`)).body.items).toHaveLength(0);
      const [batches] = await t.sw.db.query<{ n: number }>(
        `SELECT count(DISTINCT m.batch_id)::int AS n FROM stock_movements m JOIN products p ON p.id = m.product_id WHERE p.sku = $1 AND m.type = 'reservation'`,
        [sku],
      );
      expect(batches!.n).toBeLessThan(30);
      expect(await t.sw.inventory.findImbalances(t.owner.actor)).toEqual([]);
    });

    it('sums several lines of one SKU, refuses the whole order naming every short SKU, and changes nothing', async () => {
      const a = await stockedSku(t.api, { location: 'WH1', quantity: 5 });
      const b = await stockedSku(t.api, { location: 'WH1', quantity: 1 });
      const res = await postOrder(t.api, [
        { sku: a, quantity: 3 },
        { sku: b, quantity: 2 },
        { sku: a, quantity: 3 },
      ]);
      expect(res.status).toBe(409);
      expect(res.body['code']).toBe('INSUFFICIENT_STOCK');
      expect(new Set(res.body['skus'] as string[])).toEqual(new Set([a, b]));
      expect(await skuBalance(t.api, a)).toMatchObject({ onHand: 5, reserved: 0 });
      expect((await t.api.get(`/api/v1/orders?sku=${a}`)).body.items).toHaveLength(0);
      const ok = await postOrder(t.api, [
        { sku: a, quantity: 2 },
        { sku: a, quantity: 3 },
      ]);
      expect(ok.status).toBe(201);
      expect(await skuBalance(t.api, a)).toMatchObject({ onHand: 5, reserved: 5, available: 0 });
    });

    it('allocates from the configured location first and splits when it cannot cover the order', async () => {
      const sku = await stockedSku(t.api, { location: 'WH1', quantity: 3 });
      await receive(t.api, sku, 'WH2', 10);
      expect((await t.api.post('/api/v1/channels', { type: 'other', location: 'WH2' })).status).toBe(201);
      /** Places an order of `quantity` units of the SKU on `channel`, expecting 201: its line's allocations. */
      const allocations = async (channel: string, quantity: number) => {
        const order = await postOrder(t.api, [{ sku, quantity }], channel);
        expect(order.status).toBe(201);
        return (order.body['lines'] as { allocations: unknown[] }[])[0]!.allocations;
      };
      expect(await allocations('other', 4)).toEqual([{ location: 'WH2', reserved: 4, shipped: 0 }]);
      expect(await allocations('manual', 5)).toEqual([
        { location: 'WH1', reserved: 3, shipped: 0 },
        { location: 'WH2', reserved: 2, shipped: 0 },
      ]);
      expect(await t.sw.inventory.findImbalances(t.owner.actor)).toEqual([]);
    });

    it('accepts a backorder where the SKU allows it', async () => {
      const sku = await stockedSku(t.api, { location: 'WH1', quantity: 1, allowBackorder: true });
      const res = await postOrder(t.api, [{ sku, quantity: 3 }]);
      expect(res.status).toBe(201);
      expect(res.body['backordered']).toBe(true);
      expect(await skuBalance(t.api, sku)).toMatchObject({ onHand: 1, reserved: 3, available: -2 });
    });

    it('the same (channel, externalId) creates one order; Idempotency-Key replays the response', async () => {
      const sku = await stockedSku(t.api, { location: 'WH1', quantity: 10 });
      const body = {
        channel: 'amazon',
        externalId: uid('114-'),
        lines: [{ sku, quantity: 2, unitPrice: 9 }],
      };
      const [first, second] = await Promise.all([
        t.api.post('/api/v1/orders', body),
        t.api.post('/api/v1/orders', body),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 201]);
      expect(first.body['id']).toBe(second.body['id']);
      expect(await skuBalance(t.api, sku)).toMatchObject({ reserved: 2 });
      const keyed = { channel: 'manual', externalId: uid('key-'), lines: [{ sku, quantity: 1 }] };
      const k1 = await t.api.post('/api/v1/orders', keyed, { 'Idempotency-Key': keyed.externalId });
      const k2 = await t.api.post('/api/v1/orders', keyed, { 'Idempotency-Key': keyed.externalId });
      expect(k1.status).toBe(201);
      expect(k2.headers.get('Idempotent-Replayed')).toBe('true');
      expect(await skuBalance(t.api, sku)).toMatchObject({ reserved: 3 });
    });

    it('ships partially with price and channel on the shipment, cancels the rest, returns sellable and unfulfillable', async () => {
      const sku = await stockedSku(t.api, { location: 'WH1', quantity: 10 });
      const created = await t.api.post('/api/v1/orders', {
        channel: 'shopify',
        externalId: uid('life-'),
        orderedAt: '2026-03-01T10:00:00Z',
        currency: 'USD',
        lines: [{ sku, quantity: 6, unitPrice: 19.99 }],
      });
      expect(created.status).toBe(201);
      const id = created.body['id'] as number;
      const shipped = await t.api.post(`/api/v1/orders/${id}/ship`, { lines: [{ sku, quantity: 4 }] });
      expect(shipped.status).toBe(200);
      expect(shipped.body['status']).toBe('partially_shipped');
      expect(await skuBalance(t.api, sku)).toMatchObject({ onHand: 6, reserved: 2 });
      const [row] = await t.sw.db.query<{ unit_price: number; channel: string; reserved_delta: number }>(
        `SELECT unit_price, channel, reserved_delta FROM stock_movements WHERE type = 'shipment' AND reference_id = $1`,
        [String(id)],
      );
      expect(row).toMatchObject({ unit_price: 19.99, channel: 'shopify', reserved_delta: -4 });
      const tooMany = await t.api.post(`/api/v1/orders/${id}/ship`, { lines: [{ sku, quantity: 3 }] });
      expect(tooMany.status).toBe(409);
      const cancelled = await t.api.post(`/api/v1/orders/${id}/cancel`, {});
      expect(cancelled.body['status']).toBe('shipped');
      expect(await skuBalance(t.api, sku)).toMatchObject({ onHand: 6, reserved: 0, available: 6 });
      const returned = await t.api.post(`/api/v1/orders/${id}/return`, {
        lines: [
          { sku, quantity: 1, condition: 'sellable' },
          { sku, quantity: 1, condition: 'unfulfillable' },
        ],
      });
      expect(returned.status).toBe(200);
      expect((returned.body['lines'] as { quantityReturned: number }[])[0]!.quantityReturned).toBe(2);
      expect(await skuBalance(t.api, sku)).toMatchObject({ onHand: 7, unfulfillable: 1 });
      const over = await t.api.post(`/api/v1/orders/${id}/return`, { lines: [{ sku, quantity: 3 }] });
      expect(over.status).toBe(409);
      expect(await t.sw.inventory.findImbalances(t.owner.actor)).toEqual([]);
    });

    it('cancelling a whole order releases every reservation; unknown SKUs and orders are 404', async () => {
      const sku = await stockedSku(t.api, { location: 'WH1', quantity: 4 });
      const created = await postOrder(t.api, [{ sku, quantity: 4 }]);
      const id = created.body['id'] as number;
      const res = await t.api.post(`/api/v1/orders/${id}/cancel`);
      expect(res.status).toBe(200);
      expect(res.body['status']).toBe('cancelled');
      expect(await skuBalance(t.api, sku)).toMatchObject({ reserved: 0, available: 4 });
      expect((await t.api.post(`/api/v1/orders/${id}/ship`, {})).status).toBe(409);
      const unknown = await postOrder(t.api, [{ sku: 'NOPE-404', quantity: 1 }]);
      expect(unknown.status).toBe(404);
      expect(unknown.body['code']).toBe('UNKNOWN_SKU');
      expect((await t.api.post('/api/v1/orders/999999/ship', {})).status).toBe(404);
    });

    it('an order a channel already sold on short stock is kept pending with nothing reserved, then reserved once stock is in', async () => {
      const sku = await stockedSku(t.api, { location: 'WH1', quantity: 2 });
      const externalId = uid('p-');
      const order = await t.sw.orders.create(
        t.owner.actor,
        {
          channel: 'shopify',
          externalId,
          orderedAt: null,
          currency: 'USD',
          unmapped: [],
          lines: [{ sku, quantity: 3, unitPrice: 10, externalLineId: null }],
        },
        { shortStock: 'pending' },
      );
      expect(order).toMatchObject({ status: 'pending', replayed: false });
      expect(order.lines[0]).toMatchObject({ quantity: 3, allocations: [] });
      expect(await skuBalance(t.api, sku)).toMatchObject({ onHand: 2, reserved: 0, available: 2 });
      const stored = await t.api.get(`/api/v1/orders/${order.id}`);
      expect(stored.body).toMatchObject({ status: 'pending' });
      // Nothing is reserved yet: shipping is refused, reserving is refused while stock is short.
      expect((await t.api.post(`/api/v1/orders/${order.id}/ship`, {})).status).toBe(409);
      const short = await t.api.post(`/api/v1/orders/${order.id}/reserve`);
      expect(short.status).toBe(409);
      expect(short.body['code']).toBe('INSUFFICIENT_STOCK');
      // Part of it cancelled: still pending, still nothing reserved.
      const cancelled = await t.api.post(`/api/v1/orders/${order.id}/cancel`, {
        lines: [{ sku, quantity: 1 }],
      });
      expect(cancelled.body).toMatchObject({ status: 'pending' });
      expect(await skuBalance(t.api, sku)).toMatchObject({ reserved: 0, available: 2 });
      const reserved = await t.api.post(`/api/v1/orders/${order.id}/reserve`);
      expect(reserved.status).toBe(200);
      expect(reserved.body['status']).toBe('reserved');
      expect(await skuBalance(t.api, sku)).toMatchObject({ onHand: 2, reserved: 2, available: 0 });
      expect((await t.api.post(`/api/v1/orders/${order.id}/reserve`)).status).toBe(409);
      expect((await t.api.post(`/api/v1/orders/${order.id}/ship`, {})).body).toMatchObject({
        status: 'shipped',
      });
      expect(await t.sw.inventory.findImbalances(t.owner.actor)).toEqual([]);
    });

    it('lists with filters and pages; other accounts see nothing', async () => {
      const sku = await stockedSku(t.api, { location: 'WH1', quantity: 10 });
      for (let i = 0; i < 3; i++)
        await t.api.post('/api/v1/orders', {
          channel: 'amazon',
          externalId: uid('list-'),
          lines: [{ sku, quantity: 1 }],
        });
      const page = await t.api.get(`/api/v1/orders?sku=${sku}&channel=amazon&status=reserved&limit=2`);
      expect(page.body.items).toHaveLength(2);
      const next = await t.api.get(
        `/api/v1/orders?sku=${sku}&channel=amazon&status=reserved&limit=2&cursor=${String(page.body['nextCursor'])}`,
      );
      expect(next.body.items).toHaveLength(1);
      const stranger = await newAccount(t.sw);
      expect((await client(t.app, stranger.token).get(`/api/v1/orders?sku=${sku}`)).body.items).toHaveLength(
        0,
      );
      const id = (page.body.items![0] as { id: number }).id;
      expect((await client(t.app, stranger.token).get(`/api/v1/orders/${id}`)).status).toBe(404);
      expect((await client(t.app, stranger.token).post(`/api/v1/orders/${id}/cancel`)).status).toBe(404);
    });
  },
);
