import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { importFile } from '../../src/imports/import.jobs';
import type { Stockwise } from '../../src/stockwise';
import { describeEachBackend } from '../support/backends';
import { newAccount, newGtin13 } from '../support/factories';
import { client } from '../support/http-client';
import { FBA_US, WAREHOUSE, placeOrder, seedLocations } from '../support/seed';
import { importTaken, uploadImport } from '../support/uploads';
import { useOwnerApi } from '../support/owner-api';

const fixture = (path: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', path), 'utf8');

/** Everything an import could change, for "changed nothing" checks. */
async function snapshot(sw: Stockwise, accountId: number) {
  const [row] = await sw.db.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM stock_movements WHERE account_id = $1)::int AS movements, (SELECT count(*) FROM orders WHERE account_id = $1)::int AS orders,
       (SELECT count(*) FROM products WHERE account_id = $1)::int AS products, (SELECT coalesce(sum(on_hand), 0) FROM stock_balances WHERE account_id = $1)::int AS "onHand",
       (SELECT count(*) FROM fba_inventory_age WHERE account_id = $1)::int AS ages`,
    [accountId],
  );
  return row!;
}

describeEachBackend(
  'Imports: every per-row failure is skipped with --skip-invalid (rejects with lines and reasons), refused otherwise; FBA inventory age report',
  (backend) => {
    const t = useOwnerApi(backend);
    const upload = (kind: string, body: string, query = '') => uploadImport(t.api, kind, body, query);
    const onHand = async (sku: string, location: string) =>
      (
        (await t.api.get(`/api/v1/inventory?sku=${sku}&location=${location}`)).body.items as {
          onHand: number;
        }[]
      )[0]?.onHand ?? 0;
    const barcode = newGtin13();
    /**
     * Uploads `body` as `kind` twice: refused whole by default (409 naming the line `field`) with nothing
     * changed, then applied with skipInvalid (201). Both responses.
     */
    const refusedThenSkipped = async (kind: string, body: string, field: string) => {
      const before = await snapshot(t.sw, t.owner.actor.accountId);
      const strict = await upload(kind, body);
      expect(strict.status).toBe(409);
      expect(strict.body).toMatchObject({ code: 'INSUFFICIENT_STOCK', field });
      expect(await snapshot(t.sw, t.owner.actor.accountId)).toEqual(before);
      const res = await importTaken(t.api, kind, body, '?skipInvalid=true');
      return { strict, res };
    };

    beforeAll(async () => {
      await seedLocations(t.api, WAREHOUSE, FBA_US);
      for (const sku of ['MUG-BLUE-12OZ', 'NABetaASINB00551Q3CS', 'TEE-S', 'CAP-1']) {
        expect(
          (
            await t.api.post('/api/v1/products', {
              sku,
              title: sku,
              unitCost: 3,
              ...(sku === 'CAP-1' ? { barcode } : {}),
            })
          ).status,
        ).toBe(201);
      }
      await t.api.post('/api/v1/movements', { type: 'receipt', sku: 'CAP-1', location: 'WH', quantity: 10 });
      // Open orders hold 6 caps reserved at WH.
      await placeOrder(t.api, {
        channel: 'manual',
        externalId: 'HOLD-1',
        lines: [{ sku: 'CAP-1', quantity: 6 }],
      });
    });

    it('a stock count below what open orders reserve: refused whole by default (409, line named); skipped with skipInvalid', async () => {
      const csv = 'sku,location,quantity\nMUG-BLUE-12OZ,WH,30\nCAP-1,WH,2\nTEE-S,WH,4\n';
      const { strict, res } = await refusedThenSkipped('stock', csv, 'line 3');
      expect(strict.body['detail'] ?? strict.body['title']).toBeDefined();
      expect(res.body).toMatchObject({
        status: 'applied',
        rows: 3,
        rejected: 1,
        applied: { adjusted: 2, unitsAdded: 34, rowsNotApplied: 1 },
      });
      expect(res.body['rejects']).toEqual([
        {
          line: 3,
          field: 'quantity',
          message: 'CAP-1 at WH: counted 2, but 6 units are reserved by open orders',
        },
      ]);
      expect(await onHand('MUG-BLUE-12OZ', 'WH')).toBe(30);
      expect(await onHand('CAP-1', 'WH')).toBe(10);
      expect(await onHand('TEE-S', 'WH')).toBe(4);
      // The same file again changes nothing.
      const after = await snapshot(t.sw, t.owner.actor.accountId);
      expect((await upload('stock', csv, '?skipInvalid=true')).body).toMatchObject({ status: 'unchanged' });
      expect(await snapshot(t.sw, t.owner.actor.accountId)).toEqual(after);
      const [imp] = await t.sw.db.query<{ rows_rejected: number }>(
        `SELECT rows_rejected FROM imports WHERE account_id = $1 AND kind = 'stock' AND skip_invalid ORDER BY id DESC LIMIT 1`,
        [t.owner.actor.accountId],
      );
      expect(imp!.rows_rejected).toBe(1);
    });

    it('orders: one short of stock is kept pending (the channel sold it); one the file says was shipped but cannot be covered is refused by default and skipped with skipInvalid, all its lines rejected', async () => {
      const csv = [
        'channel,external_id,ordered_at,sku,quantity,unit_price,currency,status',
        'shopify,#5001,2024-05-01,MUG-BLUE-12OZ,2,24.99,USD,reserved',
        'shopify,#5002,2024-05-01,MUG-BLUE-12OZ,1,24.99,USD,shipped',
        'shopify,#5002,2024-05-01,CAP-1,9,9.99,USD,shipped',
        'shopify,#5003,2024-05-01,TEE-S,1,15,USD,shipped',
        'shopify,#5004,2024-05-01,CAP-1,9,9.99,USD,reserved',
      ].join('\n');
      const { res } = await refusedThenSkipped('orders', csv, 'line 3');
      expect(res.body).toMatchObject({
        rows: 5,
        rejected: 2,
        applied: { ordersCreated: 3, ordersShipped: 1 },
      });
      const rejects = res.body['rejects'] as { line: number; field: string; message: string }[];
      expect(rejects.map((r) => [r.line, r.field])).toEqual([
        [3, 'lines'],
        [4, 'lines'],
      ]);
      expect(rejects[0]!.message).toBe(
        'shopify order #5002 was shipped there, but the stock here cannot cover it (MUG-BLUE-12OZ, CAP-1): receive or count the stock first',
      );
      expect((await t.api.get('/api/v1/orders?externalId=%235002')).body.items).toHaveLength(0);
      expect((await t.api.get('/api/v1/orders?externalId=%235001')).body.items).toMatchObject([
        { status: 'reserved' },
      ]);
      expect((await t.api.get('/api/v1/orders?externalId=%235004')).body.items).toMatchObject([
        { status: 'pending' },
      ]);
      expect(await t.sw.inventory.findImbalances(t.owner.actor)).toEqual([]);
    });

    it("a product whose barcode another product has: the line is named by default, skipped with skipInvalid (rejects file from the CLI's importFile)", async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sw-import-'));
      const file = join(dir, 'products.csv');
      writeFileSync(file, `sku,title,barcode\nNEW-1,New one,\nNEW-2,Clashes,${barcode}\nNEW-3,Another,\n`);
      const before = await snapshot(t.sw, t.owner.actor.accountId);
      await expect(
        importFile(t.sw.imports, t.owner.actor, { kind: 'products', path: file }),
      ).rejects.toMatchObject({ code: 'DUPLICATE', field: 'line 3' });
      expect(await snapshot(t.sw, t.owner.actor.accountId)).toEqual(before);

      const rejectsPath = join(dir, 'products.rejects.csv');
      const result = await importFile(t.sw.imports, t.owner.actor, {
        kind: 'products',
        path: file,
        skipInvalid: true,
        rejectsPath,
      });
      expect(result).toMatchObject({
        status: 'applied',
        rows: 3,
        rejected: 1,
        applied: { productsChanged: 2 },
      });
      expect(readFileSync(rejectsPath, 'utf8')).toBe(
        'line,field,message\n3,barcode,another product already has this barcode\n',
      );
      expect((await t.api.get('/api/v1/products/NEW-3')).status).toBe(200);
      expect((await t.api.get('/api/v1/products/NEW-2')).status).toBe(404);
      expect(
        await importFile(t.sw.imports, t.owner.actor, {
          kind: 'products',
          path: file,
          skipInvalid: true,
          rejectsPath,
        }),
      ).toMatchObject({ status: 'unchanged' });
    });

    it('FBA inventory age report: reconciles on hand at the Amazon location (available + total reserved), stores the age brackets and compares them with the ledger', async () => {
      // The ledger holds 30 mugs at FBA-US: 20 received 30 days before the snapshot, 10 received 152 days before.
      await t.api.post('/api/v1/movements', {
        type: 'receipt',
        sku: 'MUG-BLUE-12OZ',
        location: 'FBA-US',
        quantity: 20,
        occurredAt: '2024-04-01T12:00:00Z',
      });
      await t.api.post('/api/v1/movements', {
        type: 'receipt',
        sku: 'MUG-BLUE-12OZ',
        location: 'FBA-US',
        quantity: 10,
        occurredAt: '2023-12-01T12:00:00Z',
      });
      // Three T-shirts are reserved at FBA-US by an open order; Amazon reports 0 available + 1 reserved.
      await t.api.post('/api/v1/movements', {
        type: 'receipt',
        sku: 'TEE-S',
        location: 'FBA-US',
        quantity: 3,
      });
      await t.api.post('/api/v1/channels', { type: 'amazon', location: 'FBA-US' });
      await placeOrder(t.api, {
        channel: 'amazon',
        externalId: '113-0000000-0000001',
        lines: [{ sku: 'TEE-S', quantity: 3 }],
      });

      const report = fixture('amazon/fba-inventory-planning.txt');
      const { res } = await refusedThenSkipped('amazon-inventory-age', report, 'line 4');
      expect(res.body).toMatchObject({ rows: 3, rejected: 1, rejects: [{ line: 4, field: 'quantity' }] });
      const applied = res.body['applied'] as Record<string, unknown>;
      expect(applied).toMatchObject({
        location: 'FBA-US',
        adjusted: 2,
        ageRowsStored: 2,
        differences: [
          { sku: 'MUG-BLUE-12OZ', location: 'FBA-US', ledger: 30, counted: 43, adjustment: 13 },
          { sku: 'NABetaASINB00551Q3CS', location: 'FBA-US', ledger: 0, counted: 12, adjustment: 12 },
        ],
      });
      expect(await onHand('MUG-BLUE-12OZ', 'FBA-US')).toBe(43);
      expect(await onHand('NABetaASINB00551Q3CS', 'FBA-US')).toBe(12);
      expect(await onHand('TEE-S', 'FBA-US')).toBe(3);
      const [movement] = await t.sw.db.query<{ reason: string; reference_type: string; note: string }>(
        `SELECT m.reason, m.reference_type, b.note FROM stock_movements m JOIN ledger_batches b ON b.id = m.batch_id JOIN products p ON p.id = m.product_id
       WHERE m.account_id = $1 AND p.sku = 'NABetaASINB00551Q3CS' ORDER BY m.id DESC LIMIT 1`,
        [t.owner.actor.accountId],
      );
      expect(movement).toMatchObject({ reason: 'count', reference_type: 'amazon-inventory-age' });
      expect(movement!.note).toContain('FBA inventory age report');

      // Amazon's brackets beside the ledger's: the 13 units found by the count are new to the ledger.
      expect(applied['ageComparison']).toEqual([
        {
          snapshotDate: '2024-05-01',
          skus: 2,
          amazon: { age0to90: 30, age91to180: 8, age181to270: 4, age271to365: 5, age365plus: 3 },
          ledger: { age0to90: 45, age91to180: 10, age181to270: 0, age271to365: 0, age365plus: 0 },
          skusDiffering: 2,
          differing: [
            {
              sku: 'NABetaASINB00551Q3CS',
              amazon: { age0to90: 0, age91to180: 0, age181to270: 4, age271to365: 5, age365plus: 3 },
              ledger: { age0to90: 12, age91to180: 0, age181to270: 0, age271to365: 0, age365plus: 0 },
              unitsInOtherBrackets: 24,
            },
            {
              sku: 'MUG-BLUE-12OZ',
              amazon: { age0to90: 30, age91to180: 8, age181to270: 0, age271to365: 0, age365plus: 0 },
              ledger: { age0to90: 33, age91to180: 10, age181to270: 0, age271to365: 0, age365plus: 0 },
              unitsInOtherBrackets: 5,
            },
          ],
        },
      ]);
      const [stored] = await t.sw.db.query<Record<string, unknown>>(
        `SELECT f.snapshot_date, f.available, f.reserved, f.age_181_270, f.units_shipped_t30, f.sell_through, f.estimated_excess, f.days_of_supply, f.recommended_action
       FROM fba_inventory_age f JOIN products p ON p.id = f.product_id WHERE f.account_id = $1 AND p.sku = 'NABetaASINB00551Q3CS'`,
        [t.owner.actor.accountId],
      );
      expect(stored).toEqual({
        snapshot_date: '2024-05-01',
        available: 12,
        reserved: 0,
        age_181_270: 4,
        units_shipped_t30: 1,
        sell_through: 0.15,
        estimated_excess: 10,
        days_of_supply: 365,
        recommended_action: 'CreateRemovalOrder',
      });

      // Re-importing the same report changes nothing.
      const after = await snapshot(t.sw, t.owner.actor.accountId);
      expect((await upload('amazon-inventory-age', report, '?skipInvalid=true')).body).toMatchObject({
        status: 'unchanged',
      });
      expect(await snapshot(t.sw, t.owner.actor.accountId)).toEqual(after);
    });

    it('FBA inventory age report: any column order, extra columns, the newer 366–455 / 456+ split; a missing required column is refused', async () => {
      const header = [
        'extra-column',
        'inv-age-456-plus-days',
        'available',
        'inv-age-0-to-90-days',
        'sku',
        'inv-age-366-to-455-days',
        'snapshot-date',
        'Total Reserved Quantity',
      ];
      const file = `${header.join('\t')}\nwhatever\t2\t12\t4\tNABetaASINB00551Q3CS\t6\t2024-06-01\t0\n`;
      const res = await importTaken(t.api, 'amazon-inventory-age', file, '?location=FBA-US');
      expect(res.body['applied']).toMatchObject({
        adjusted: 0,
        ageRowsStored: 1,
        ageComparison: [{ snapshotDate: '2024-06-01', amazon: { age0to90: 4, age365plus: 8 } }],
      });
      // The stored brackets stay readable: the latest snapshot by default, or a given one.
      const latest = await t.api.get('/api/v1/channels/amazon/inventory-age');
      expect(latest.status).toBe(200);
      expect(latest.body).toMatchObject({
        location: 'FBA-US',
        snapshotDate: '2024-06-01',
        amazon: { age0to90: 4, age365plus: 8 },
        skusDiffering: 1,
      });
      const may = await t.api.get(
        '/api/v1/channels/amazon/inventory-age?snapshotDate=2024-05-01&location=FBA-US&limit=1',
      );
      expect(may.body).toMatchObject({
        snapshotDate: '2024-05-01',
        skusDiffering: 2,
        differing: [{ sku: 'NABetaASINB00551Q3CS', unitsInOtherBrackets: 24 }],
      });
      expect((may.body['differing'] as unknown[]).length).toBe(1);
      expect((await t.api.get('/api/v1/channels/amazon/inventory-age?snapshotDate=2023-01-01')).status).toBe(
        404,
      );
      expect((await t.api.get('/api/v1/channels/amazon/inventory-age?snapshotDate=2024-02-30')).status).toBe(
        400,
      );
      const stranger = await newAccount(t.sw);
      expect(
        (await client(t.app, stranger.token).get('/api/v1/channels/amazon/inventory-age?location=FBA-US'))
          .status,
      ).toBe(404);

      const missing = await upload('amazon-inventory-age', 'sku\tavailable\nNABetaASINB00551Q3CS\t3\n');
      expect(missing.status).toBe(400);
      expect(missing.body['message'] ?? missing.body['detail']).toMatch(/snapshot-date/);
    });
  },
);
