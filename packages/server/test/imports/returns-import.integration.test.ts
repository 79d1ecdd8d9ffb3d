import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { useOwnerApi } from '../support/owner-api';
import { dateAt } from '../support/days';
import { FBA_US, receive, seedLocations, skuBalance, WAREHOUSE } from '../support/seed';
import { importTaken, uploadImport } from '../support/uploads';

const ORDERS_HEADER =
  'amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\tsku\titem-status\tquantity';
const AMAZON_ORDER = '111-0000001-0000001';
const RETURNS_HEADER =
  'return-date\torder-id\tsku\tasin\tfnsku\tproduct-name\tquantity\tfulfillment-center-id\tdetailed-disposition\treason\tstatus\tlicense-plate-number\tcustomer-comments';
const amazonReturn = (a: { order: string; sku: string; qty: string; disposition: string; lpn: string }) =>
  [
    `${dateAt(-2)}T14:22:10+00:00`,
    a.order,
    a.sku,
    'B000000001',
    'X000000001',
    `${a.sku} product`,
    a.qty,
    'PHX7',
    a.disposition,
    'NOT_AS_DESCRIBED',
    'Unit returned to inventory',
    a.lpn,
    '',
  ].join('\t');
/** Amazon's customer returns report: sellable and damaged units of a known order, an unknown order, a bad line, and a unit more than shipped. */
const rows = {
  sellable: amazonReturn({
    order: AMAZON_ORDER,
    sku: 'MUG',
    qty: '1',
    disposition: 'SELLABLE',
    lpn: 'LPNRR0000001',
  }),
  damaged: amazonReturn({
    order: AMAZON_ORDER,
    sku: 'MUG',
    qty: '1',
    disposition: 'CUSTOMER_DAMAGED',
    lpn: 'LPNRR0000002',
  }),
  unknownOrder: amazonReturn({
    order: '999-9999999-9999999',
    sku: 'CAP',
    qty: '1',
    disposition: 'SELLABLE',
    lpn: 'LPNRR0000003',
  }),
  bad: amazonReturn({
    order: AMAZON_ORDER,
    sku: 'MUG',
    qty: 'two',
    disposition: 'SELLABLE',
    lpn: 'LPNRR0000004',
  }),
  beyondShipped: amazonReturn({
    order: AMAZON_ORDER,
    sku: 'MUG',
    qty: '1',
    disposition: 'DEFECTIVE',
    lpn: 'LPNRR0000005',
  }),
};
const amazonFile = [RETURNS_HEADER, ...Object.values(rows)].join('\n');

const CREDIT_HEADER = 'order_id,channel,sku,quantity,date,location,condition,reference';

describeEachBackend('Imports: returns and credit notes', (backend) => {
  const t = useOwnerApi(backend);
  const orderLines = async (externalId: string) =>
    (
      (await t.api.get(`/api/v1/orders?externalId=${externalId}`)).body.items as {
        lines: { sku: string; quantityShipped: number; quantityReturned: number }[];
      }[]
    )[0]?.lines.map((l) => `${l.sku} shipped ${l.quantityShipped} returned ${l.quantityReturned}`);

  beforeAll(async () => {
    await seedLocations(t.api, WAREHOUSE, FBA_US);
    for (const sku of ['MUG', 'CAP']) {
      expect((await t.api.post('/api/v1/products', { sku, title: sku })).status).toBe(201);
      await receive(t.api, sku, 'WH', 20);
    }
    // Fulfilled by Amazon: its units leave the Amazon location (docs/decisions.md 47).
    await receive(t.api, 'MUG', 'FBA-US', 2);
    const orders = `${ORDERS_HEADER}\n${AMAZON_ORDER}\t${dateAt(-10)}T10:00:00+00:00\tShipped\tAmazon\tMUG\tShipped\t2\n`;
    await importTaken(t.api, 'amazon-orders', orders);
    const manual = `channel,external_id,ordered_at,sku,quantity,status,shipped_at\nmanual,INV-1,${dateAt(-9)},MUG,3,shipped,${dateAt(-8)}\n`;
    await importTaken(t.api, 'orders', manual);
  });

  it('GET /imports/formats publishes both kinds with their columns', async () => {
    const items = (await t.api.get('/api/v1/imports/formats')).body.items as Record<string, unknown>[];
    expect(items.find((f) => f['kind'] === 'amazon-returns')).toMatchObject({
      delimiter: '\t',
      required: ['return-date', 'order-id', 'sku', 'quantity', 'detailed-disposition'],
    });
    expect(items.find((f) => f['kind'] === 'returns')).toMatchObject({ delimiter: ',' });
  });

  it('a return beyond what shipped refuses the file naming its line, and nothing changes', async () => {
    const before = await skuBalance(t.api, 'MUG', 'FBA-US');
    const file = [RETURNS_HEADER, rows.sellable, rows.damaged, rows.unknownOrder, rows.beyondShipped].join(
      '\n',
    );
    const res = await uploadImport(t.api, 'amazon-returns', file);
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.body['field']).toBe('line 5');
    expect(String(res.body['detail'])).toContain(`order ${AMAZON_ORDER}: cannot return 1 of MUG`);
    expect(await skuBalance(t.api, 'MUG', 'FBA-US')).toEqual(before);
    expect(await orderLines(AMAZON_ORDER)).toEqual(['MUG shipped 2 returned 0']);
  });

  it("Amazon's returns report: sellable back to stock, damaged to unfulfillable, linked to the order; an unknown order still books; bad lines named", async () => {
    const res = await importTaken(t.api, 'amazon-returns', amazonFile, '?skipInvalid=true');
    expect(res.body['rows']).toBe(5);
    expect(res.body['rejects']).toEqual([
      { line: 5, field: 'quantity', message: 'quantity must be a whole number, got "two"' },
      {
        line: 6,
        field: 'quantity',
        message: `order ${AMAZON_ORDER}: cannot return 1 of MUG: only 0 open`,
      },
    ]);
    expect(res.body['applied']).toMatchObject({
      location: 'FBA-US',
      returnsBooked: 3,
      returnsLinked: 2,
      unitsSellable: 2,
      unitsUnfulfillable: 1,
      alreadyBooked: 0,
      ordersNotFound: 1,
      notFound: [
        {
          line: 4,
          orderId: '999-9999999-9999999',
          message: 'order 999-9999999-9999999 not found: the return was booked to stock without an order',
        },
      ],
    });
    expect(await skuBalance(t.api, 'MUG', 'FBA-US')).toMatchObject({ onHand: 1, unfulfillable: 1 });
    expect(await skuBalance(t.api, 'CAP', 'FBA-US')).toMatchObject({ onHand: 1, unfulfillable: 0 });
    expect(await orderLines(AMAZON_ORDER)).toEqual(['MUG shipped 2 returned 2']);
  });

  it('the same returns again change nothing: the same file, or another file repeating its license plates', async () => {
    const again = await uploadImport(t.api, 'amazon-returns', amazonFile, '?skipInvalid=true');
    expect(again.body['status']).toBe('unchanged');
    const overlapping = [
      RETURNS_HEADER,
      rows.sellable,
      rows.unknownOrder,
      amazonReturn({
        order: '999-9999999-9999998',
        sku: 'CAP',
        qty: '2',
        disposition: 'SELLABLE',
        lpn: 'LPNRR0000006',
      }),
    ].join('\n');
    const res = await importTaken(t.api, 'amazon-returns', overlapping);
    expect(res.body['applied']).toMatchObject({ returnsBooked: 1, alreadyBooked: 2, returnsLinked: 0 });
    expect(await skuBalance(t.api, 'MUG', 'FBA-US')).toMatchObject({ onHand: 1, unfulfillable: 1 });
    expect(await skuBalance(t.api, 'CAP', 'FBA-US')).toMatchObject({ onHand: 3 });
    expect(await orderLines(AMAZON_ORDER)).toEqual(['MUG shipped 2 returned 2']);
  });

  it('a credit-note CSV: linked to its order where it names one, identical lines count twice, and applies once', async () => {
    const day = dateAt(-1);
    const lines = [
      `INV-1,manual,MUG,2,${day},WH,sellable,CN-1`,
      `,,CAP,1,${day},WH,damaged,CN-2`,
      `,,CAP,1,${day},WH,damaged,CN-2`,
      `INV-1,,MUG,2,${day},WH,sellable,CN-3`,
      `INV-7,,MUG,1,${day},,sellable,CN-4`,
    ];
    const wh = { mug: await skuBalance(t.api, 'MUG', 'WH'), cap: await skuBalance(t.api, 'CAP', 'WH') };
    const res = await importTaken(
      t.api,
      'returns',
      `${CREDIT_HEADER}\n${lines.join('\n')}\n`,
      '?skipInvalid=true',
    );
    expect(res.body['rejects']).toEqual([
      { line: 5, field: 'quantity', message: 'order INV-1: cannot return 2 of MUG: only 1 open' },
      { line: 6, field: 'location', message: 'say where the return comes back to (location)' },
    ]);
    expect(res.body['applied']).toMatchObject({ returnsBooked: 3, returnsLinked: 1, unitsUnfulfillable: 2 });
    expect(await orderLines('INV-1')).toEqual(['MUG shipped 3 returned 2']);
    expect(await skuBalance(t.api, 'MUG', 'WH')).toMatchObject({ onHand: wh.mug.onHand + 2 });
    expect(await skuBalance(t.api, 'CAP', 'WH')).toMatchObject({
      onHand: wh.cap.onHand,
      unfulfillable: wh.cap.unfulfillable + 2,
    });
    // The same lines in a file that differs (a trailing line): each return is booked once.
    const again = await uploadImport(
      t.api,
      'returns',
      `${CREDIT_HEADER}\n${lines.slice(0, 3).join('\n')}\n\n`,
    );
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body['applied']).toMatchObject({ returnsBooked: 0, alreadyBooked: 3 });
    expect(await orderLines('INV-1')).toEqual(['MUG shipped 3 returned 2']);
    expect(await skuBalance(t.api, 'CAP', 'WH')).toMatchObject({ unfulfillable: wh.cap.unfulfillable + 2 });
  });

  it('a bad condition is refused at once, naming the line and the column', async () => {
    const res = await uploadImport(
      t.api,
      'returns',
      `${CREDIT_HEADER}\n,,MUG,1,${dateAt(-1)},WH,like new,CN-9\n`,
    );
    expect(res.status).toBe(400);
    expect(res.body['field']).toBe('line 2');
    expect(String(res.body['detail'])).toContain('condition must be sellable or damaged');
  });
});
