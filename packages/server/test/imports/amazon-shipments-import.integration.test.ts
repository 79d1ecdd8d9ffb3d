import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { useOwnerApi } from '../support/owner-api';
import { FBA_US, receive, seedLocations, skuBalance, WAREHOUSE } from '../support/seed';
import { importTaken, uploadImport } from '../support/uploads';
import type { Item } from '../support/fba-shipments-file';
import { COLUMNS, file } from '../support/fba-shipments-file';

const SYNCED: Item = {
  order: '111-0000001-0000001',
  shipment: 'D1',
  item: 'DQ1',
  purchased: '2024-05-01T08:00:00+00:00',
  shipped: '2024-05-03T15:30:00+00:00',
  sku: 'MUG',
  units: 2,
  price: '20.00',
};
const NEW_MUG: Item = {
  order: '111-0000002-0000002',
  shipment: 'D2',
  item: 'DQ2',
  purchased: '2024-05-02T07:00:00-07:00',
  shipped: '2024-05-04T01:00:00-07:00',
  sku: 'MUG',
  units: 1,
  price: '11.00',
};
// The same order's second shipment, a day later (a split shipment).
const NEW_CUP: Item = {
  ...NEW_MUG,
  shipment: 'D3',
  item: 'DQ3',
  shipped: '2024-05-05T09:00:00+00:00',
  sku: 'CUP',
  price: '7.00',
};

/** docs/decisions.md 53: the report's shipment dates, for new FBA orders and for the orders the sync recorded. */
describeEachBackend('Imports: Amazon Fulfilled Shipments report', (backend) => {
  const t = useOwnerApi(backend);
  const days = async (sku: string) => {
    const res = await t.api.get(`/api/v1/sales/history?sku=${sku}&from=2024-05-01&to=2024-05-31`);
    expect(res.status).toBe(200);
    const skus = res.body['skus'] as { days: { date: string; units: number; revenue: number }[] }[];
    return skus[0]?.days ?? [];
  };
  const ledger = async () =>
    (
      await t.sw.db.query<{ n: number; units: number }>(
        `SELECT count(*)::int AS n, coalesce(sum(on_hand_delta), 0)::int AS units FROM stock_movements WHERE account_id = $1`,
        [t.owner.actor.accountId],
      )
    )[0]!;
  const balances = async () => ({
    mugWh: (await skuBalance(t.api, 'MUG', 'WH')).onHand,
    mugFba: (await skuBalance(t.api, 'MUG', 'FBA-US')).onHand,
    cupFba: (await skuBalance(t.api, 'CUP', 'FBA-US')).onHand,
  });

  beforeAll(async () => {
    await seedLocations(t.api, WAREHOUSE, FBA_US);
    for (const sku of ['MUG', 'CUP'])
      expect((await t.api.post('/api/v1/products', { sku, title: sku })).status).toBe(201);
    await receive(t.api, 'MUG', 'WH', 5);
    await receive(t.api, 'MUG', 'FBA-US', 10);
    await receive(t.api, 'CUP', 'FBA-US', 10);
    // The order as the getOrders sync records it: shipped at its LastUpdateDate (decision 45), three days late.
    const synced = await uploadImport(
      t.api,
      'orders',
      'channel,external_id,ordered_at,sku,quantity,unit_price,status,shipped_at\n' +
        `amazon,${SYNCED.order},2024-05-01T08:00:00Z,MUG,2,10.00,shipped,2024-05-06T12:00:00Z\n`,
    );
    expect(synced.status, JSON.stringify(synced.body)).toBe(201);
  });

  it('a bad header or line is refused naming the column or line, and nothing changes', async () => {
    const before = { ledger: await ledger(), balances: await balances(), mug: await days('MUG') };
    const header = await uploadImport(
      t.api,
      'amazon-shipments',
      file(
        [SYNCED],
        COLUMNS.filter((c) => c !== 'shipment-date'),
      ),
    );
    expect(header.status).toBe(400);
    expect(header.body['detail']).toContain('shipment-date');
    const bad = file([SYNCED, { ...NEW_MUG, shipped: '05/04/2024' }]);
    const res = await uploadImport(t.api, 'amazon-shipments', bad);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body['field']).toBe('line 3');
    expect(res.body['detail']).toContain('shipment-date');
    expect({ ledger: await ledger(), balances: await balances(), mug: await days('MUG') }).toEqual(before);
  });

  it('takes new FBA orders in at their shipment dates and re-dates the synced order, stock unchanged', async () => {
    expect(await days('MUG')).toEqual([{ date: '2024-05-06', units: 2, revenue: 20 }]);
    const res = await importTaken(t.api, 'amazon-shipments', file([SYNCED, NEW_MUG, NEW_CUP]));
    expect(res.body['applied']).toMatchObject({
      ordersCreated: 1,
      ordersShipped: 1,
      shipmentItems: 3,
      shipmentItemsAlreadyImported: 0,
      unitsRedated: 3,
      unitsNotInLedger: 0,
    });
    // The synced order's two units moved from its LastUpdateDate to Amazon's shipment date; the new order's
    // mug left on 2024-05-04 UTC (01:00 at -07:00 is 08:00 UTC) and its cup a day later.
    expect(await days('MUG')).toEqual([
      { date: '2024-05-03', units: 2, revenue: 20 },
      { date: '2024-05-04', units: 1, revenue: 11 },
    ]);
    expect(await days('CUP')).toEqual([{ date: '2024-05-05', units: 1, revenue: 7 }]);
    // The AFN order drew from the Amazon location only (decision 47); re-dating moved no stock.
    expect(await balances()).toEqual({ mugWh: 5, mugFba: 10 - 1 - (await syncedFromFba()), cupFba: 9 });
  });

  it('a re-import of the same shipment items changes nothing', async () => {
    const before = { ledger: await ledger(), balances: await balances(), mug: await days('MUG') };
    // The same items in another file (another order of lines): not the same bytes.
    const res = await importTaken(t.api, 'amazon-shipments', file([NEW_CUP, SYNCED, NEW_MUG]));
    expect(res.body['applied']).toMatchObject({ shipmentItems: 0, shipmentItemsAlreadyImported: 3 });
    expect({ ledger: await ledger(), balances: await balances(), mug: await days('MUG') }).toEqual(before);
  });

  /** How many of the synced order's units left the Amazon location (the orders file names no fulfilment). */
  const syncedFromFba = async () =>
    (
      await t.sw.db.query<{ n: number }>(
        `SELECT coalesce(sum(-m.on_hand_delta), 0)::int AS n FROM stock_movements m JOIN locations l ON l.id = m.location_id
         JOIN orders o ON o.id::text = m.reference_id AND m.reference_type = 'order'
         WHERE m.account_id = $1 AND l.code = 'FBA-US' AND o.external_id = $2`,
        [t.owner.actor.accountId, SYNCED.order],
      )
    )[0]!.n;
});
