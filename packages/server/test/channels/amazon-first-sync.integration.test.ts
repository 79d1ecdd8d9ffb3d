import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { amazonChannelBody } from '../support/channels-seed';
import { FBA_US, receive, seedLocations, WAREHOUSE } from '../support/seed';
import { amazonOrder, fakeSpApi, inventorySummary, type FakeSpApi } from './sp-api/fake-sp-api';
import { useOwnerApi } from '../support/owner-api';

/** docs/decisions.md 47: the first Amazon sync keeps its shipped FBA orders, as demand, without moving stock. */
describeEachBackend('Amazon first sync: shipped FBA orders against a local fake SP-API', (backend) => {
  const t = useOwnerApi(backend);
  let amazon: FakeSpApi;

  /** Whole seconds, as Amazon's dates are: the same instant for the same argument within the file's run. */
  const started = Math.floor(Date.now() / 1000) * 1000;
  const daysAgo = (days: number) => new Date(started - Math.round(days * 86_400) * 1000).toISOString();

  const afn = [
    amazonOrder({
      id: '113-0000001-0000001',
      sku: 'MUG-BLUE-12OZ',
      quantity: 2,
      unitPrice: 12.5,
      status: 'Shipped',
      fulfilment: 'AFN',
      purchased: '2024-05-02T18:00:00Z',
      updated: '2024-05-03T10:00:00Z',
    }),
    amazonOrder({
      id: '113-0000001-0000002',
      sku: 'MUG-BLUE-12OZ',
      quantity: 1,
      unitPrice: 12.5,
      status: 'Shipped',
      fulfilment: 'AFN',
      purchased: '2024-05-09T08:00:00Z',
      updated: '2024-05-10T12:00:00Z',
    }),
  ];
  const mfn = amazonOrder({
    id: '113-0000001-0000003',
    sku: 'CAP-RED',
    quantity: 2,
    unitPrice: 9,
    status: 'Shipped',
    fulfilment: 'MFN',
    purchased: '2024-05-11T08:00:00Z',
    updated: '2024-05-11T16:00:00Z',
  });

  const balance = async (sku: string, location: string) => {
    const res = await t.api.get(
      `/api/v1/inventory?sku=${encodeURIComponent(sku)}&location=${encodeURIComponent(location)}`,
    );
    const [b] = res.body.items as { onHand: number; reserved: number }[];
    return b ?? { onHand: 0, reserved: 0 };
  };
  const movements = async () =>
    (
      await t.sw.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM stock_movements WHERE account_id = $1',
        [t.owner.actor.accountId],
      )
    )[0]!.n;
  const mugHistory = async () => {
    const res = await t.api.get('/api/v1/sales/history?sku=MUG-BLUE-12OZ&from=2024-05-01&to=2024-05-31');
    expect(res.status).toBe(200);
    return res.body['skus'];
  };
  const setCursor = (at: string) =>
    t.sw.db.query(`UPDATE sales_channels SET pull_cursor = $2 WHERE account_id = $1 AND channel = 'amazon'`, [
      t.owner.actor.accountId,
      at,
    ]);
  const cursor = async () =>
    (
      await t.sw.db.query<{ pull_cursor: string | null }>(
        `SELECT pull_cursor FROM sales_channels WHERE account_id = $1 AND channel = 'amazon'`,
        [t.owner.actor.accountId],
      )
    )[0]!.pull_cursor;

  beforeAll(async () => {
    amazon = await fakeSpApi();
    await seedLocations(t.api, WAREHOUSE, FBA_US);
    for (const sku of ['MUG-BLUE-12OZ', 'CAP-RED', 'HAT-GREEN'])
      expect((await t.api.post('/api/v1/products', { sku, title: sku, unitCost: 4 })).status).toBe(201);
    // The seller's own stock: none of it left with Amazon's orders.
    await receive(t.api, 'MUG-BLUE-12OZ', 'WH', 20);
    await receive(t.api, 'CAP-RED', 'WH', 5);
    expect((await t.api.post('/api/v1/channels', amazonChannelBody(amazon.url))).status).toBe(201);
  });

  afterAll(() => {
    amazon.close();
  });

  it('takes in the shipped AFN orders without a refusal: the Amazon location holds the summaries, the warehouse is untouched, the shipments are sales history at their dates', async () => {
    amazon.state.orders = [...afn, mfn];
    // What Amazon holds now, its shipments already out; CAP-RED is at Amazon too, but the MFN order is the seller's.
    amazon.state.summaries = [
      inventorySummary('MUG-BLUE-12OZ', { fulfillable: 7 }),
      inventorySummary('CAP-RED', { fulfillable: 4 }),
    ];
    const sync = await t.api.post('/api/v1/channels/amazon/sync');
    expect(sync.status).toBe(200);
    expect(sync.body).toMatchObject({ ordersSeen: 3, ordersCreated: 3, ordersFailed: [] });
    const steps = sync.body['steps'] as { step: string; status: string }[];
    // The Amazon location's stock was never read: inventory comes before orders.
    expect(steps.map((s) => s.step)).toEqual(['inventory', 'orders', 'reports', 'push']);
    expect(steps.find((s) => s.step === 'inventory')?.status).toBe('ok');
    expect(await balance('MUG-BLUE-12OZ', 'FBA-US')).toMatchObject({ onHand: 7, reserved: 0 });
    expect(await balance('MUG-BLUE-12OZ', 'WH')).toMatchObject({ onHand: 20, reserved: 0 });
    // The seller's own order left the seller's warehouse, not Amazon's stock.
    expect(await balance('CAP-RED', 'WH')).toMatchObject({ onHand: 3 });
    expect(await balance('CAP-RED', 'FBA-US')).toMatchObject({ onHand: 4 });
    expect(await mugHistory()).toEqual([
      {
        sku: 'MUG-BLUE-12OZ',
        units: 3,
        revenue: 37.5,
        days: [
          { date: '2024-05-03', units: 2, revenue: 25 },
          { date: '2024-05-10', units: 1, revenue: 12.5 },
        ],
      },
    ]);
    const [shipments] = await t.sw.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM stock_movements m JOIN products p ON p.id = m.product_id
       WHERE m.account_id = $1 AND p.sku = 'MUG-BLUE-12OZ' AND m.type IN ('shipment', 'reservation')`,
      [t.owner.actor.accountId],
    );
    expect(shipments!.n).toBe(0);
    const order = await t.api.get('/api/v1/orders?channel=amazon&externalId=113-0000001-0000001');
    expect(order.body.items).toMatchObject([
      { status: 'shipped', lines: [{ sku: 'MUG-BLUE-12OZ', quantity: 2, quantityShipped: 2 }] },
    ]);
  });

  it('a second sync changes nothing: no order, movement or demand twice', async () => {
    const before = await movements();
    const sync = await t.api.post('/api/v1/channels/amazon/sync');
    expect(sync.status).toBe(200);
    expect(sync.body).toMatchObject({ ordersSeen: 3, ordersCreated: 0, ordersFailed: [] });
    // Amazon's stock is known now: orders come first, then inventory.
    const steps = sync.body['steps'] as { step: string }[];
    expect(steps.map((s) => s.step)).toEqual(['orders', 'inventory', 'reports', 'push']);
    expect(await movements()).toBe(before);
    expect(await balance('MUG-BLUE-12OZ', 'FBA-US')).toMatchObject({ onHand: 7 });
    expect(await balance('MUG-BLUE-12OZ', 'WH')).toMatchObject({ onHand: 20 });
    expect(await balance('CAP-RED', 'WH')).toMatchObject({ onHand: 3 });
    expect(await mugHistory()).toMatchObject([{ units: 3 }]);
  });

  it('once Amazon’s stock is known, an AFN order shipped since leaves the Amazon location through the ledger, and the inventory read after it finds nothing to adjust', async () => {
    const now = new Date().toISOString();
    amazon.state.orders = [
      ...afn,
      mfn,
      amazonOrder({
        id: '113-0000001-0000006',
        sku: 'MUG-BLUE-12OZ',
        quantity: 1,
        unitPrice: 12.5,
        status: 'Shipped',
        fulfilment: 'AFN',
        purchased: now,
        updated: now,
      }),
    ];
    amazon.state.summaries = [
      inventorySummary('MUG-BLUE-12OZ', { fulfillable: 6 }),
      inventorySummary('CAP-RED', { fulfillable: 4 }),
    ];
    const sync = await t.api.post('/api/v1/channels/amazon/sync');
    expect(sync.body).toMatchObject({ ordersCreated: 1, ordersFailed: [] });
    expect(await balance('MUG-BLUE-12OZ', 'FBA-US')).toMatchObject({ onHand: 6, reserved: 0 });
    expect(await balance('MUG-BLUE-12OZ', 'WH')).toMatchObject({ onHand: 20 });
    const moved = await t.sw.db.query<{ type: string; delta: number; source: string | null }>(
      `SELECT m.type, sum(m.on_hand_delta)::int AS delta, min(m.reference_id) AS source
       FROM stock_movements m JOIN products p ON p.id = m.product_id JOIN locations l ON l.id = m.location_id
       WHERE m.account_id = $1 AND p.sku = 'MUG-BLUE-12OZ' AND l.code = 'FBA-US' AND m.on_hand_delta <> 0
       GROUP BY m.type ORDER BY m.type`,
      [t.owner.actor.accountId],
    );
    // The first read's count (7), then this order's shipment; no adjustment after it.
    expect(moved).toEqual([
      { type: 'adjustment', delta: 7, source: 'sellable' },
      { type: 'shipment', delta: -1, source: expect.any(String) as string },
    ]);
  });

  it('the cursor never passes an order refused for stock a later sync can bring; a bad order is skipped and reported; the static NextToken still stops', async () => {
    // Within the days a refusal may hold the cursor (HELD_CURSOR_MAX_DAYS).
    await setCursor(daysAgo(5));
    const short = amazonOrder({
      id: '113-0000001-0000004',
      sku: 'HAT-GREEN',
      quantity: 1,
      unitPrice: 15,
      status: 'Shipped',
      fulfilment: 'MFN',
      purchased: daysAgo(3.1),
      updated: daysAgo(3),
    });
    const bad = amazonOrder({
      id: '113-0000001-0000005',
      sku: 'CAP-RED',
      quantity: 1,
      unitPrice: 9,
      status: 'Shipped',
      fulfilment: 'MFN',
      purchased: daysAgo(2.1),
      updated: daysAgo(2),
    });
    bad.items[0]!['QuantityOrdered'] = 'one';
    amazon.state.orders = [...afn, mfn, bad, short];
    amazon.calls.length = 0;
    const sync = await t.api.post('/api/v1/channels/amazon/sync');
    expect(sync.status).toBe(200);
    expect(amazon.calls.filter((c) => c.startsWith('GET /orders/v0/orders?'))).toHaveLength(2);
    const failed = sync.body['ordersFailed'] as { externalId: string; code: string }[];
    expect(failed.map((f) => [f.externalId, f.code])).toEqual([
      ['113-0000001-0000005', 'VALIDATION_FAILED'],
      ['113-0000001-0000004', 'INSUFFICIENT_STOCK'],
    ]);
    // Held at the refused order's last update, not moved past it to the last one read (the list stopped
    // on the static NextToken: the bad order's).
    expect(sync.body['cursor']).toBe(daysAgo(3));
    expect(await cursor()).toBe(daysAgo(3));
    expect(amazon.calls.find((c) => c.startsWith('GET /orders/v0/orders?'))).toContain(
      `LastUpdatedAfter=${encodeURIComponent(daysAgo(5))}`,
    );
    // The stock comes in: the next sync reads from the held cursor and takes the order.
    await receive(t.api, 'HAT-GREEN', 'WH', 2);
    amazon.calls.length = 0;
    const again = await t.api.post('/api/v1/channels/amazon/sync');
    expect(amazon.calls.find((c) => c.startsWith('GET /orders/v0/orders?'))).toContain(
      `LastUpdatedAfter=${encodeURIComponent(daysAgo(3))}`,
    );
    expect(again.body).toMatchObject({ ordersCreated: 1, cursor: daysAgo(2) });
    expect((again.body['ordersFailed'] as { code: string }[]).map((f) => f.code)).toEqual([
      'VALIDATION_FAILED',
    ]);
    expect(await balance('HAT-GREEN', 'WH')).toMatchObject({ onHand: 1 });
  });

  it(`an order refused for more than HELD_CURSOR_MAX_DAYS no longer holds the cursor: it is reported and the cursor moves on`, async () => {
    // Held since before the bound (as if refused on every sync since).
    await setCursor(daysAgo(12));
    const aged = amazonOrder({
      id: '113-0000001-0000007',
      sku: 'HAT-GREEN',
      quantity: 5,
      unitPrice: 15,
      status: 'Shipped',
      fulfilment: 'MFN',
      purchased: daysAgo(10.1),
      updated: daysAgo(10),
    });
    const fresh = amazonOrder({
      id: '113-0000001-0000008',
      sku: 'CAP-RED',
      quantity: 1,
      unitPrice: 9,
      status: 'Shipped',
      fulfilment: 'MFN',
      purchased: daysAgo(1.1),
      updated: daysAgo(1),
    });
    amazon.state.orders = [...afn, mfn, aged, fresh];
    const sync = await t.api.post('/api/v1/channels/amazon/sync');
    expect(sync.status).toBe(200);
    const failed = sync.body['ordersFailed'] as { externalId: string; code: string; message: string }[];
    expect(failed.map((f) => [f.externalId, f.code])).toEqual([
      ['113-0000001-0000007', 'INSUFFICIENT_STOCK'],
    ]);
    expect(failed[0]!.message).toContain('refused for more than 7 days: skipped');
    expect(sync.body).toMatchObject({ ordersCreated: 1, cursor: daysAgo(1) });
    expect(await cursor()).toBe(daysAgo(1));
    const steps = sync.body['steps'] as { step: string; message?: string }[];
    expect(steps.find((s) => s.step === 'orders')?.message).toContain(
      '1 refused for more than 7 days skipped',
    );
    expect(await balance('HAT-GREEN', 'WH')).toMatchObject({ onHand: 1 });
  });
});
