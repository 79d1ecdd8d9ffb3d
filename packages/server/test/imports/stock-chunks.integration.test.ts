import { expect, it } from 'vitest';
import { applyStockImport } from '../../src/imports/appliers/stock.applier';
import { CHUNKED_KINDS } from '../../src/imports/chunked-orders';
import { importFile } from '../../src/imports/import.jobs';
import { crashAfterFirstChunk, csvFile, stagedRows } from '../support/chunk-crash';
import type { Stockwise } from '../../src/stockwise';
import { describeEachBackend, useStockwise, type StockwiseContext } from '../support/backends';
import { newAccountApi } from '../support/owner-api';
import type { TestAccount } from '../support/factories';
import { seedLocations, WAREHOUSE } from '../support/seed';
import { importTaken } from '../support/uploads';

const sku = (prefix: string, i: number) => `${prefix}-${String(i).padStart(5, '0')}`;

/** A stock count of SKUs 0..n-1 at WH, SKU i counted `quantity(i)`; rows in key order, so later lines apply later. */
function countFile(prefix: string, n: number, quantity: (i: number) => number) {
  const rows = ['sku,location,quantity'];
  for (let i = 0; i < n; i++) rows.push(`${sku(prefix, i)},WH,${quantity(i)}`);
  return csvFile('stock.csv', rows);
}

/** An account with a warehouse and `n` products (imported in one products file). */
async function seller(ctx: StockwiseContext, prefix: string, n: number) {
  const { owner, api } = await newAccountApi(ctx);
  await seedLocations(api, WAREHOUSE);
  const products = ['sku,title'];
  for (let i = 0; i < n; i++) products.push(`${sku(prefix, i)},Product ${i}`);
  await importTaken(api, 'products', `${products.join('\n')}\n`);
  return { owner, api };
}

async function figures(sw: Stockwise, owner: TestAccount, importId: number) {
  const [row] = await sw.db.query<{ counts: number; onHand: number }>(
    `SELECT (SELECT count(*)::int FROM stock_movements WHERE account_id = $1 AND reason = 'count') AS counts,
       (SELECT coalesce(sum(on_hand), 0)::int FROM stock_balances b JOIN products p ON p.id = b.product_id
         WHERE p.account_id = $1) AS "onHand"`,
    [owner.actor.accountId],
  );
  return { ...row!, staged: await stagedRows(sw, importId) };
}

describeEachBackend('Stock counts applied in committed chunks', (backend) => {
  const ctx = useStockwise(backend);

  it('a crash after the first chunk, then the same file again: each count applied once, staged rows gone', async () => {
    const N = 30;
    const { owner } = await seller(ctx, 'SC', N);
    const file = countFile('SC', N, (i) => i + 1);
    const total = (N * (N + 1)) / 2;
    const importId = await crashAfterFirstChunk(ctx.sw, owner.actor, {
      kind: 'stock',
      file,
      applier: applyStockImport,
      lines: 10,
    });
    // The first chunk (SKUs 0..9, counted 1..10) committed with its staged rows gone; nothing of the rest.
    expect(await figures(ctx.sw, owner, importId)).toEqual({ counts: 10, onHand: 55, staged: N - 10 });

    const result = await importFile(ctx.sw.imports, owner.actor, { kind: 'stock', path: file.path });
    expect(result.importId).toBe(importId);
    expect(result.status).toBe('applied');
    expect(result.applied).toMatchObject({ adjusted: N, unitsAdded: total, unitsRemoved: 0 });
    expect((result.applied['differences'] as unknown[]).length).toBe(N);
    expect(await figures(ctx.sw, owner, importId)).toEqual({ counts: N, onHand: total, staged: 0 });
    const again = await importFile(ctx.sw.imports, owner.actor, { kind: 'stock', path: file.path });
    expect(again.status).toBe('unchanged');
    expect(await figures(ctx.sw, owner, importId)).toEqual({ counts: N, onHand: total, staged: 0 });
  });

  it('a count below reserved stock late in a multi-chunk file refuses the file, naming the line, and changes nothing', async () => {
    const lines = CHUNKED_KINDS.stock?.lines ?? 0;
    const N = lines + 200;
    const { owner, api } = await seller(ctx, 'SR', N);
    const late = N - 50;
    const first = countFile('SR', N, () => 5);
    const firstResult = await importFile(ctx.sw.imports, owner.actor, { kind: 'stock', path: first.path });
    expect(firstResult.applied).toMatchObject({ adjusted: N });
    const order = await api.post('/api/v1/orders', {
      channel: 'shopify',
      externalId: 'RES-1',
      lines: [{ sku: sku('SR', late), quantity: 4 }],
    });
    expect(order.status).toBe(201);
    const before = await figures(ctx.sw, owner, firstResult.importId);

    // Every SKU recounted at 6, but the late one at 3 while open orders hold 4 of it.
    const second = countFile('SR', N, (i) => (i === late ? 3 : 6));
    const refused = importFile(ctx.sw.imports, owner.actor, { kind: 'stock', path: second.path });
    await expect(refused).rejects.toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      field: `line ${late + 2}`,
      message: `line ${late + 2}: ${sku('SR', late)} at WH: counted 3, but 4 units are reserved by open orders`,
    });
    expect(await figures(ctx.sw, owner, firstResult.importId)).toEqual(before);
  }, 300_000);
});
