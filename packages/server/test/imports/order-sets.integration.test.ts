import { createReadStream } from 'node:fs';
import { expect, it } from 'vitest';
import type { ImportApplier } from '../../src/imports/appliers/apply-context';
import { ordersFileOrder, applyOrdersImport } from '../../src/imports/appliers/orders.applier';
import { replayOrders } from '../../src/imports/appliers/order-replay';
import { applyInChunks, CHUNKED_KINDS } from '../../src/imports/chunked-orders';
import type { RejectedRow } from '../../src/imports/import-result';
import type { Stockwise } from '../../src/stockwise';
import { describeEachBackend, useStockwise, type StockwiseContext } from '../support/backends';
import { newAccountApi } from '../support/owner-api';
import { csvFile } from '../support/chunk-crash';
import { dayAt } from '../support/days';
import type { TestAccount } from '../support/factories';
import { productInput } from '../support/factories';
import { FBA_US, WAREHOUSE, placeOrder, seedLocations } from '../support/seed';

/** The per-order path the set-based one must equal: each order through ingest and ship, one by one. */
const oneByOne: ImportApplier = (ctx) => replayOrders(ctx, ordersFileOrder);

const HEADER = 'channel,external_id,ordered_at,sku,quantity,unit_price,currency,status,shipped_at';

/** A mixed orders file (rows `channel,id,sku,quantity,status`), ordered 20 days ago and shipped 19 days ago. */
function ordersFile(rows: readonly string[]): { path: string; fileHash: string } {
  const at = dayAt(-20).toISOString();
  const shipped = dayAt(-19).toISOString();
  const lines = rows.map((r) => {
    const [channel, id, sku, quantity, status] = r.split(',');
    return `${channel},${id},${at},${sku},${quantity},9.5,USD,${status},${status === 'shipped' ? shipped : ''}`;
  });
  return csvFile('orders.csv', [HEADER, ...lines]);
}

/** A seller with two layers of A (two costs), A at Amazon, a little B, no C, and D that may be backordered. */
async function seller(ctx: StockwiseContext): Promise<TestAccount> {
  const { owner, api } = await newAccountApi(ctx);
  await seedLocations(api, WAREHOUSE, FBA_US);
  for (const sku of ['MX-A', 'MX-B', 'MX-C', 'MX-D'])
    expect(
      (await api.post('/api/v1/products', productInput({ sku, allowBackorder: sku === 'MX-D' }))).status,
    ).toBe(201);
  const receipts = [
    ['MX-A', 'WH', 5, 2],
    ['MX-A', 'WH', 5, 3],
    ['MX-A', 'FBA-US', 4, 2.5],
    ['MX-B', 'WH', 3, 1],
    ['MX-D', 'WH', 1, 4],
  ] as const;
  for (const [sku, location, quantity, unitCost] of receipts)
    expect(
      (await api.post('/api/v1/movements', { type: 'receipt', sku, location, quantity, unitCost })).status,
    ).toBe(201);
  // An order the file names again: it exists before the import.
  await placeOrder(api, {
    channel: 'manual',
    externalId: 'M-EX',
    lines: [{ sku: 'MX-A', quantity: 1 }],
  });
  return owner;
}

async function apply(
  sw: Stockwise,
  owner: TestAccount,
  q: { file: { path: string; fileHash: string }; applier: ImportApplier; skipInvalid: boolean },
) {
  const staged = await sw.imports.stage(owner.actor, {
    kind: 'orders',
    source: createReadStream(q.file.path),
    fileHash: q.file.fileHash,
    skipInvalid: q.skipInvalid,
  });
  const rejects: RejectedRow[] = [];
  const run = applyInChunks(sw.tx, sw, {
    actor: owner.actor,
    importId: staged.importId,
    applier: q.applier,
    location: undefined,
    reject: (r) => rejects.push(r),
    kind: CHUNKED_KINDS.orders!,
  });
  const error = await run.then(
    () => undefined,
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );
  const [record] = await sw.db.query<{ result: unknown }>('SELECT result FROM imports WHERE id = $1', [
    staged.importId,
  ]);
  return { error, rejects: rejects.sort((a, b) => a.line - b.line), result: record?.result ?? null };
}

/** Everything the import wrote, with ids replaced by what names them (SKU, location code, external id). */
async function state(sw: Stockwise, owner: TestAccount) {
  const q = <T extends object>(text: string) => sw.db.query<T>(text, [owner.actor.accountId]);
  return {
    movements: await q(
      `SELECT p.sku, l.code, m.type, m.reason, m.on_hand_delta, m.reserved_delta, m.inbound_delta, m.unfulfillable_delta,
         m.unit_cost, m.unit_price, m.channel, m.reference_type, o.external_id,
         CASE WHEN m.type IN ('receipt', 'reservation') THEN NULL ELSE m.occurred_at END AS occurred_at
       FROM stock_movements m JOIN products p ON p.id = m.product_id JOIN locations l ON l.id = m.location_id
       LEFT JOIN orders o ON m.reference_type = 'order' AND o.id::text = m.reference_id
       WHERE m.account_id = $1 ORDER BY 1, 2, 3, 13, 5, 6, 9`,
    ),
    balances: await q(
      `SELECT p.sku, l.code, b.on_hand, b.reserved, b.inbound, b.unfulfillable
       FROM stock_balances b JOIN products p ON p.id = b.product_id JOIN locations l ON l.id = b.location_id
       WHERE b.account_id = $1 ORDER BY 1, 2`,
    ),
    layers: await q(
      `SELECT p.sku, l.code, a.quantity_received, a.quantity_remaining, a.unit_cost
       FROM age_layers a JOIN products p ON p.id = a.product_id JOIN locations l ON l.id = a.location_id
       WHERE a.account_id = $1 ORDER BY 1, 2, a.id`,
    ),
    orders: await q(
      `SELECT o.channel, o.external_id, o.status, o.backordered, o.unmapped, ol.line_no, p.sku, ol.quantity, ol.unit_price,
         ol.quantity_shipped, ol.quantity_cancelled, l.code, a.reserved, a.shipped
       FROM orders o LEFT JOIN order_lines ol ON ol.order_id = o.id LEFT JOIN products p ON p.id = ol.product_id
       LEFT JOIN order_allocations a ON a.order_line_id = ol.id LEFT JOIN locations l ON l.id = a.location_id
       WHERE o.account_id = $1 ORDER BY 1, 2, 6, 12`,
    ),
    audit: await q(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE account_id = $1 AND action LIKE 'order.%'
       GROUP BY action ORDER BY action`,
    ),
  };
}

const MIXED = [
  'manual,M-01,MX-A,3,shipped',
  'manual,M-01,MX-B,1,shipped',
  // Takes the rest of A's first layer and some of the second: FIFO cost across two layers.
  'manual,M-02,MX-A,4,shipped',
  'manual,M-03,MX-A,2,cancelled',
  'manual,M-04,MX-B,1,reserved',
  // No C in stock: a shipped order is refused, an open one waits as pending.
  'manual,M-05,MX-C,1,shipped',
  'manual,M-06,MX-C,2,reserved',
  'manual,M-07,MX-B,1,shipped',
  'manual,M-07,MX-A,0,shipped',
  // D may be backordered: reserved beyond stock.
  'manual,M-08,MX-D,3,reserved',
  // B is all taken by now.
  'manual,M-09,MX-B,5,shipped',
  // An existing order: shipped at the file's date, one by one.
  'manual,M-EX,MX-A,1,shipped',
  // Amazon orders draw from the Amazon location first.
  'amazon,AZ-1,MX-A,2,shipped',
  'amazon,AZ-2,MX-A,3,shipped',
];

describeEachBackend('Order imports: the set-based chunk equals the per-order path', (backend) => {
  const ctx = useStockwise(backend);

  it('a mixed file gives the same movements, balances, layers, orders, rejects and counts', async () => {
    const file = ordersFile(MIXED);
    const set = await seller(ctx);
    const each = await seller(ctx);
    const bySet = await apply(ctx.sw, set, { file, applier: applyOrdersImport, skipInvalid: true });
    const byOrder = await apply(ctx.sw, each, { file, applier: oneByOne, skipInvalid: true });
    expect(bySet.error).toBeUndefined();
    expect(bySet).toEqual(byOrder);
    expect(bySet.result).toMatchObject({
      ordersCreated: 9,
      ordersExisting: 1,
      ordersShipped: 6,
      ordersCancelled: 1,
    });
    // Line 10 (no units) is refused when staged; 7 and 12 are shipped orders that the stock cannot cover.
    expect(bySet.rejects.map((r) => r.line)).toEqual([7, 12]);
    const after = await state(ctx.sw, set);
    expect(after).toEqual(await state(ctx.sw, each));
    // FIFO in key order (amazon orders first): AZ-2 takes one unit of A's first layer at WH, M-01 three, so
    // M-02's four units are the first layer's last one (cost 2) and three of the second (cost 3).
    expect(after.movements).toContainEqual(
      expect.objectContaining({ sku: 'MX-A', type: 'shipment', external_id: 'M-02', unit_cost: 2.75 }),
    );
    expect(after.balances).toContainEqual(
      expect.objectContaining({ sku: 'MX-A', code: 'FBA-US', on_hand: 0, reserved: 0 }),
    );
  });

  it('a shipped history order ships from available stock: no reservation released, the same balances and layers', async () => {
    const rows = [
      'manual,H-01,MX-A,3,shipped',
      'manual,H-01,MX-B,1,shipped',
      'manual,H-02,MX-A,4,shipped',
      'manual,H-03,MX-B,1,reserved',
      'manual,H-04,MX-D,1,shipped',
    ];
    const file = ordersFile(rows);
    const set = await seller(ctx);
    const each = await seller(ctx);
    const reserveThenShip = await seller(ctx);
    expect((await apply(ctx.sw, set, { file, applier: applyOrdersImport, skipInvalid: false })).error).toBe(
      undefined,
    );
    expect((await apply(ctx.sw, each, { file, applier: oneByOne, skipInvalid: false })).error).toBe(
      undefined,
    );
    // The reference: each order reserved as it arrives, then shipped at the file's date, in key order.
    const orders = new Map<string, { sku: string; quantity: number; shipped: boolean }[]>();
    for (const r of rows) {
      const [, id, sku, quantity, status] = r.split(',') as [string, string, string, string, string];
      orders.set(id, [
        ...(orders.get(id) ?? []),
        { sku, quantity: Number(quantity), shipped: status === 'shipped' },
      ]);
    }
    for (const [externalId, lines] of orders) {
      const order = await ctx.sw.orders.create(reserveThenShip.actor, {
        channel: 'manual',
        externalId,
        orderedAt: dayAt(-20),
        currency: 'USD',
        lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: 9.5, externalLineId: null })),
        unmapped: [],
      });
      if (lines[0]!.shipped)
        await ctx.sw.orders.ship(reserveThenShip.actor, order.id, { shippedAt: dayAt(-19).toISOString() });
    }
    const reference = await state(ctx.sw, reserveThenShip);
    const shipments = (s: typeof reference) =>
      s.movements
        .filter((m) => (m as { type: string }).type === 'shipment')
        .map((m) => ({ ...m, reserved_delta: 0 }));
    for (const imported of [await state(ctx.sw, set), await state(ctx.sw, each)]) {
      const reservations = imported.movements.filter((m) => (m as { type: string }).type === 'reservation');
      // Only the open order (and the seller's own order from before) reserve: no reserve-and-release pair.
      expect(reservations.map((m) => (m as { external_id: string }).external_id).sort()).toEqual([
        'H-03',
        'M-EX',
      ]);
      expect(imported.movements.filter((m) => (m as { type: string }).type === 'shipment')).toEqual(
        shipments(reference),
      );
      expect(imported.balances).toEqual(reference.balances);
      expect(imported.layers).toEqual(reference.layers);
    }
    // The reference reserved every line first (H-01's two, H-02, H-03, H-04, and M-EX).
    expect(reference.movements.filter((m) => (m as { type: string }).type === 'reservation')).toHaveLength(6);
  });

  it('without skipInvalid a refused order refuses the file naming its line, as one by one does', async () => {
    const file = ordersFile(['manual,S-01,MX-A,1,shipped', 'manual,S-02,MX-C,1,shipped']);
    const set = await seller(ctx);
    const each = await seller(ctx);
    const before = await state(ctx.sw, set);
    const bySet = await apply(ctx.sw, set, { file, applier: applyOrdersImport, skipInvalid: false });
    const byOrder = await apply(ctx.sw, each, { file, applier: oneByOne, skipInvalid: false });
    expect(bySet.error).toMatch(
      /^line 3: manual order S-02 was shipped there, but the stock here cannot cover it/,
    );
    expect(bySet.error).toBe(byOrder.error);
    expect(await state(ctx.sw, set)).toEqual(before);
  });
});
