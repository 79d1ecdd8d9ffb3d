import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { useOwnerApi } from '../support/owner-api';
import { FBA_US, receive, seedLocations, WAREHOUSE } from '../support/seed';
import { importTaken, uploadImport } from '../support/uploads';

const HEADER = 'channel,external_id,ordered_at,sku,quantity,unit_price,status';
/** The first file of an invoice split over two files. */
const first = `${HEADER}\nmanual,INV-1,2024-05-01T10:00:00Z,MUG,2,9.5,reserved\nmanual,INV-1,2024-05-01T10:00:00Z,CAP,1,5,reserved\n`;
/** The second: one line the order has (line 2), one it does not (line 3, 3 × TEE). */
const second = `${HEADER}\nmanual,INV-1,2024-05-01T10:00:00Z,MUG,2,9.5,reserved\nmanual,INV-1,2024-05-01T10:00:00Z,TEE,3,7,reserved\nmanual,INV-2,2024-05-02T10:00:00Z,CAP,1,5,reserved\n`;

const AMAZON_HEADER =
  'amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsku\titem-status\tquantity\tcurrency\titem-price';
/** A shipped order, an order cancelled before anything shipped (quantity 0, as Amazon reports it), a pending one. */
const allOrders = [
  AMAZON_HEADER,
  '111-0000001-0000001\t\t2024-04-20T19:49:35+00:00\t2024-04-21T08:00:00+00:00\tShipped\tAmazon\tMUG\tShipped\t1\tUSD\t9.50',
  '111-0000002-0000002\t\t2024-04-21T19:49:35+00:00\t2024-04-21T20:00:00+00:00\tCancelled\tAmazon\tMUG\tCancelled\t0\tUSD\t',
  '111-0000003-0000003\t\t2024-04-22T19:49:35+00:00\t2024-04-22T20:00:00+00:00\tPending\tAmazon\tCAP\tUnshipped\t1\tUSD\t',
].join('\n');

describeEachBackend('Imports: no silent drops', (backend) => {
  const t = useOwnerApi(backend);
  const linesOf = async (externalId: string) =>
    (
      (await t.api.get(`/api/v1/orders?externalId=${externalId}`)).body.items as {
        lines: { sku: string; quantity: number }[];
      }[]
    )[0]?.lines.map((l) => `${l.sku}×${l.quantity}`);

  beforeAll(async () => {
    await seedLocations(t.api, WAREHOUSE, FBA_US);
    for (const sku of ['MUG', 'CAP', 'TEE']) {
      expect((await t.api.post('/api/v1/products', { sku, title: sku })).status).toBe(201);
      await receive(t.api, sku, 'WH', 50);
      // Amazon's file rows are fulfilled by Amazon: they draw from its location (docs/decisions.md 47).
      await receive(t.api, sku, 'FBA-US', 5);
    }
    await importTaken(t.api, 'orders', first);
  });

  it('an existing order does not take a line it lacks: the file is refused naming the line, nothing changes', async () => {
    const res = await uploadImport(t.api, 'orders', second);
    expect(res.status).toBe(409);
    expect(res.body['field']).toBe('line 3');
    expect(String(res.body['detail'])).toContain('order INV-1 already exists without this line (TEE × 3)');
    expect(await linesOf('INV-1')).toEqual(['MUG×2', 'CAP×1']);
    expect(await linesOf('INV-2')).toBeUndefined();
  });

  it('with skipInvalid the other orders are imported and the line is named, not counted as imported', async () => {
    const res = await importTaken(t.api, 'orders', second, '?skipInvalid=true');
    expect(res.body['rows']).toBe(3);
    expect(res.body['rejected']).toBe(1);
    expect(res.body['rejects']).toEqual([
      {
        line: 3,
        field: 'sku',
        message:
          "order INV-1 already exists without this line (TEE × 3): an existing order's lines are not changed, so this line was not imported",
      },
    ]);
    expect(res.body['applied']).toMatchObject({ ordersCreated: 1, ordersExisting: 1 });
    expect(await linesOf('INV-2')).toEqual(['CAP×1']);
  });

  it('Amazon All Orders: a cancelled row with no units and a pending order are named, not imported', async () => {
    const res = await importTaken(t.api, 'amazon-orders', allOrders);
    expect(res.body['applied']).toMatchObject({ ordersCreated: 1, ordersShipped: 1, rowsNotApplied: 2 });
    expect(res.body['rejected']).toBe(2);
    expect(res.body['rejects']).toEqual([
      {
        line: 3,
        field: 'quantity',
        message: 'order 111-0000002-0000002 was cancelled with no units: recorded as nothing',
      },
      {
        line: 4,
        field: 'status',
        message:
          'order 111-0000003-0000003 is not confirmed on the channel yet (pending): import it once it is',
      },
    ]);
  });
});
