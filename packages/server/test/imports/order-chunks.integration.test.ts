import { expect, it } from 'vitest';
import { applyOrdersImport } from '../../src/imports/appliers/orders.applier';
import { ORDER_CHUNK_LINES } from '../../src/imports/chunked-orders';
import { importFile } from '../../src/imports/import.jobs';
import { crashAfterFirstChunk, csvFile, stagedRows } from '../support/chunk-crash';
import type { Stockwise } from '../../src/stockwise';
import { describeEachBackend, useStockwise, type StockwiseContext } from '../support/backends';
import { newAccountApi } from '../support/owner-api';
import { dayAt } from '../support/days';
import type { TestAccount } from '../support/factories';
import { productInput } from '../support/factories';
import { receive, seedLocations, WAREHOUSE } from '../support/seed';

/** An orders CSV of `orders` shipped orders of two lines (A × 1, B × 2), dated 30 days ago. */
function ordersFile(orders: number, prefix: string): { path: string; fileHash: string } {
  const rows = ['channel,external_id,ordered_at,sku,quantity,status,shipped_at'];
  const at = dayAt(-30).toISOString();
  for (let i = 0; i < orders; i++) {
    const id = `${prefix}-${String(i).padStart(5, '0')}`;
    rows.push(
      `manual,${id},${at},${prefix}-A,1,shipped,${at}`,
      `manual,${id},${at},${prefix}-B,2,shipped,${at}`,
    );
  }
  return csvFile('orders.csv', rows);
}

async function seller(ctx: StockwiseContext, prefix: string) {
  const { owner, api } = await newAccountApi(ctx);
  await seedLocations(api, WAREHOUSE);
  for (const sku of [`${prefix}-A`, `${prefix}-B`]) {
    expect((await api.post('/api/v1/products', productInput({ sku }))).status).toBe(201);
    await receive(api, sku, 'WH', 100_000);
  }
  return { owner, api };
}

async function figures(sw: Stockwise, owner: TestAccount, importId: number) {
  const [row] = await sw.db.query<{ orders: number; shipped: number }>(
    `SELECT (SELECT count(*)::int FROM orders WHERE account_id = $1 AND channel = 'manual') AS orders,
       (SELECT coalesce(-sum(on_hand_delta), 0)::int FROM stock_movements WHERE account_id = $1 AND type = 'shipment') AS shipped`,
    [owner.actor.accountId],
  );
  return { ...row!, staged: await stagedRows(sw, importId) };
}

describeEachBackend('Order imports applied in committed chunks of whole orders', (backend) => {
  const ctx = useStockwise(backend);

  it('a crash after the first chunk, then the same file again: each order applied once, staged rows gone', async () => {
    const { owner } = await seller(ctx, 'CK');
    const ORDERS = 40;
    const file = ordersFile(ORDERS, 'CK');
    const importId = await crashAfterFirstChunk(ctx.sw, owner.actor, {
      kind: 'orders',
      file,
      applier: applyOrdersImport,
      lines: 20,
    });
    const partial = await figures(ctx.sw, owner, importId);
    // One chunk of whole orders committed (20 lines): its orders, their shipments, and its staged rows
    // gone; nothing of the rest.
    expect(partial.orders).toBeGreaterThan(0);
    expect(partial.orders).toBeLessThanOrEqual(10);
    expect(partial).toEqual({
      orders: partial.orders,
      shipped: 3 * partial.orders,
      staged: 2 * (ORDERS - partial.orders),
    });

    const result = await importFile(ctx.sw.imports, owner.actor, { kind: 'orders', path: file.path });
    expect(result.importId).toBe(importId);
    expect(result.applied).toMatchObject({ ordersCreated: ORDERS, ordersShipped: ORDERS });
    expect(await figures(ctx.sw, owner, importId)).toEqual({
      orders: ORDERS,
      shipped: 3 * ORDERS,
      staged: 0,
    });
    const again = await importFile(ctx.sw.imports, owner.actor, { kind: 'orders', path: file.path });
    expect(again.status).toBe('unchanged');
    expect(await figures(ctx.sw, owner, importId)).toEqual({
      orders: ORDERS,
      shipped: 3 * ORDERS,
      staged: 0,
    });
  });

  it('a live API order placed while a large order file is applied completes before its last chunk', async () => {
    const { owner, api } = await seller(ctx, 'LV');
    // Four chunks of whole orders (two lines each): the live order, sent after the first, may wait for the
    // chunk in flight, and must be done while later ones remain (with two, it raced the last).
    const ORDERS = 2 * ORDER_CHUNK_LINES;
    const file = ordersFile(ORDERS, 'LV');
    const progress: number[] = [];
    const chunkCommitted: number[] = [];
    let live: Promise<{ status: number; at: number }> | undefined;
    const importing = importFile(ctx.sw.imports, owner.actor, {
      kind: 'orders',
      path: file.path,
      onProgress: (fraction) => {
        progress.push(fraction);
        if (fraction > 0.5 && fraction < 1) chunkCommitted.push(performance.now());
        // Once the first chunk is committed, a live order for a SKU the file is shipping arrives through the API.
        if (fraction > 0.5 && !live) {
          live = api
            .post('/api/v1/orders', {
              channel: 'shopify',
              externalId: 'LIVE-1',
              lines: [{ sku: 'LV-A', quantity: 1 }],
            })
            .then((res) => ({
              status: res.status,
              at: performance.now(),
            }));
        }
      },
    });
    const result = await importing;
    expect(result.applied).toMatchObject({ ordersCreated: ORDERS, ordersShipped: ORDERS });
    expect(live).toBeDefined();
    const order = await live!;
    expect(order.status).toBe(201);
    // It waited at most for the chunk in flight, not for the whole file (one transaction would make it
    // wait): the last chunk was committed after it.
    expect(chunkCommitted).toHaveLength(4);
    expect(order.at).toBeLessThan(chunkCommitted.at(-1)!);
  });
});
