import { expect, it } from 'vitest';
import { withIndexesRebuilt } from '@stockwise/db/bulk';
import type { Sql } from '@stockwise/db/database';
import { ledgerRepository } from '@stockwise/db/ledger/ledger.repository';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import { locationsRepository } from '@stockwise/db/catalog/locations.repository';
import type { Actor } from '../../src/accounts/actor';
import type { Stockwise } from '../../src/stockwise';
import { describeEachBackend, useStockwise } from '../support/backends';
import { locationInput, newAccount, productInput } from '../support/factories';

const TABLES = ['stock_movements', 'age_layers'];

/** The tables' indexes and foreign keys as the catalogue defines them, in a fixed order. */
async function definitions(sql: Sql): Promise<string[]> {
  const rows = await sql.query<{ d: string }>(
    `SELECT pg_get_indexdef(x.indexrelid) AS d FROM pg_index x
      WHERE x.indrelid = ANY($1::regclass[])
     UNION ALL
     SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
      WHERE conrelid = ANY($1::regclass[]) AND contype = 'f'
     ORDER BY 1`,
    [TABLES],
  );
  return rows.map((r) => r.d);
}

/** An account with one SKU at one location and `n` receipts of it; its ids and a new batch for more. */
async function ledgerOfOneSku(sw: Stockwise, n: number) {
  const { actor } = await newAccount(sw);
  const location = locationInput();
  await sw.locations.createLocation(actor, location);
  const sku = productInput().sku;
  await sw.catalog.createProduct(actor, productInput({ sku }));
  if (n > 0)
    await sw.ledger.post(
      actor,
      Array.from({ length: n }, () => ({
        sku,
        location: location.code,
        request: { type: 'receipt' as const, quantity: 1, unitCost: 2 },
      })),
    );
  const productId = (await productsRepository.findBySku(sw.db, actor.accountId, sku))!.id;
  const locationId = (await locationsRepository.findByCode(sw.db, actor.accountId, location.code))!.id;
  return { actor, productId, locationId };
}

function movements(q: { productId: number; locationId: number }, n: number) {
  return Array.from({ length: n }, () => ({
    productId: q.productId,
    locationId: q.locationId,
    type: 'receipt' as const,
    reason: null,
    deltas: { onHand: 1, reserved: 0, inbound: 0, unfulfillable: 0 },
    unitCost: 2,
    unitPrice: null,
    channel: null,
    referenceType: null,
    referenceId: null,
    occurredAt: new Date('2026-01-05T10:00:00Z'),
  }));
}

async function newBatch(sql: Sql, actor: Actor, key: string): Promise<number> {
  const id = await ledgerRepository.insertBatch(sql, {
    accountId: actor.accountId,
    idempotencyKey: key,
    kind: 'demo-load',
    actorUserId: actor.userId,
    actorTokenId: null,
    note: null,
  });
  return id!;
}

/**
 * Bulk loads that outgrow the ledger build its indexes and check its foreign keys once after the rows are
 * in (docs/decisions.md 57): the same indexes and keys come back, and a row the keys refuse still refuses
 * the whole load.
 */
describeEachBackend('Indexes rebuilt after a bulk load', (backend) => {
  const ctx = useStockwise(backend);

  it('takes the indexes and keys off during a load the size of the table, and puts them back as they were', async () => {
    const sw = ctx.sw;
    const before = await definitions(sw.db);
    const seller = await ledgerOfOneSku(sw, 0);
    const added = await sw.db.transaction(async (sql) => {
      const batchId = await newBatch(sql, seller.actor, 'indexes-rebuilt-1');
      const rows = movements(seller, 500);
      return withIndexesRebuilt(sql, { tables: TABLES, rowsAdded: rows.length }, async () => {
        // Only the primary keys are left while the rows go in.
        expect((await definitions(sql)).filter((d) => !d.includes('_pkey'))).toEqual([]);
        return ledgerRepository.bulkInsertMovements(sql, seller.actor.accountId, batchId, rows);
      });
    });
    expect(added).toHaveLength(500);
    expect(await definitions(sw.db)).toEqual(before);
    const [row] = await sw.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM stock_movements WHERE account_id = $1 AND product_id = $2',
      [seller.actor.accountId, seller.productId],
    );
    expect(row?.n).toBe(500);
  });

  it('refuses a load with a row of no product, leaving the table and its indexes as they were', async () => {
    const sw = ctx.sw;
    const before = await definitions(sw.db);
    const seller = await ledgerOfOneSku(sw, 0);
    const count = async () =>
      (await sw.db.query<{ n: number }>('SELECT count(*)::int AS n FROM stock_movements'))[0]?.n;
    const rowsBefore = await count();
    await expect(
      sw.db.transaction(async (sql) => {
        const batchId = await newBatch(sql, seller.actor, 'indexes-rebuilt-2');
        const rows = [...movements(seller, 200), ...movements({ ...seller, productId: 987_654_321 }, 1)];
        return withIndexesRebuilt(sql, { tables: TABLES, rowsAdded: 1_000_000 }, () =>
          ledgerRepository.bulkInsertMovements(sql, seller.actor.accountId, batchId, rows),
        );
      }),
    ).rejects.toThrow(/foreign key/);
    expect(await count()).toBe(rowsBefore);
    expect(await definitions(sw.db)).toEqual(before);
  });

  it('keeps the indexes and checks row by row when the table holds more rows than the load adds', async () => {
    const sw = ctx.sw;
    const seller = await ledgerOfOneSku(sw, 50);
    const before = await definitions(sw.db);
    await sw.db.transaction(async (sql) => {
      const batchId = await newBatch(sql, seller.actor, 'indexes-rebuilt-3');
      await withIndexesRebuilt(sql, { tables: TABLES, rowsAdded: 5 }, async () => {
        expect(await definitions(sql)).toEqual(before);
        return ledgerRepository.bulkInsertMovements(
          sql,
          seller.actor.accountId,
          batchId,
          movements(seller, 5),
        );
      });
    });
    expect(await definitions(sw.db)).toEqual(before);
  });
});
