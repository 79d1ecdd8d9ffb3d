import { expect, it } from 'vitest';
import { describeEachBackend, useStockwise } from '../support/backends';
import { importTaken, uploadImport } from '../support/uploads';
import { twoNetworkSeller } from '../support/two-network-seller';

/** Amazon's flat-file V2 settlement report columns, in the report's order. */
const HEADER = [
  'settlement-id',
  'settlement-start-date',
  'settlement-end-date',
  'deposit-date',
  'total-amount',
  'currency',
  'transaction-type',
  'order-id',
  'merchant-order-id',
  'adjustment-id',
  'shipment-id',
  'marketplace-name',
  'amount-type',
  'amount-description',
  'amount',
  'fulfillment-id',
  'posted-date',
  'posted-date-time',
  'order-item-code',
  'merchant-order-item-id',
  'merchant-adjustment-item-id',
  'sku',
  'quantity-purchased',
  'promotion-id',
];

const summary = (id: string, currency: string, total: string) =>
  [id, '2025-06-01 00:00:00 UTC', '2025-06-15 00:00:00 UTC', '2025-06-17 00:00:00 UTC', total, currency]
    .concat(Array<string>(HEADER.length - 6).fill(''))
    .join('\t');

const line = (
  id: string,
  a: { type: string; order: string; amountType: string; description: string; amount: string; sku: string },
) => {
  const cells: Record<string, string> = {
    'settlement-id': id,
    'transaction-type': a.type,
    'order-id': a.order,
    'marketplace-name': 'Amazon.com',
    'amount-type': a.amountType,
    'amount-description': a.description,
    amount: a.amount,
    'fulfillment-id': 'AFN',
    'posted-date': '2025-06-05',
    sku: a.sku,
    'quantity-purchased': a.sku === '' ? '' : '1',
  };
  return HEADER.map((c) => cells[c] ?? '').join('\t');
};

/** A commission line of an order. */
const commission = (id: string, order: string, amount: string, sku: string) =>
  line(id, { type: 'Order', order, amountType: 'ItemFees', description: 'Commission', amount, sku });

/** One settlement: a sale of MUG with its fees, a refund with its fee given back, a reimbursement, a storage fee. */
const settlement = (id: string, currency = 'USD', extra: string[] = []) =>
  [
    HEADER.join('\t'),
    summary(id, currency, '0.90'),
    line(id, {
      type: 'Order',
      order: '111-1',
      amountType: 'ItemPrice',
      description: 'Principal',
      amount: '20.00',
      sku: 'MUG',
    }),
    line(id, {
      type: 'Order',
      order: '111-1',
      amountType: 'ItemFees',
      description: 'Commission',
      amount: '-3.00',
      sku: 'MUG',
    }),
    line(id, {
      type: 'Order',
      order: '111-1',
      amountType: 'ItemFees',
      description: 'FBAPerUnitFulfillmentFee',
      amount: '-4.50',
      sku: 'MUG',
    }),
    line(id, {
      type: 'Refund',
      order: '111-2',
      amountType: 'ItemPrice',
      description: 'Principal',
      amount: '-20.00',
      sku: 'MUG',
    }),
    line(id, {
      type: 'Refund',
      order: '111-2',
      amountType: 'ItemFees',
      description: 'Commission',
      amount: '2.40',
      sku: 'MUG',
    }),
    line(id, {
      type: 'other-transaction',
      order: '',
      amountType: 'FBA Inventory Reimbursement',
      description: 'WAREHOUSE_DAMAGE',
      amount: '8.00',
      sku: 'MUG',
    }),
    line(id, {
      type: 'other-transaction',
      order: '',
      amountType: 'other-transaction',
      description: 'Storage Fee',
      amount: '-1.20',
      sku: '',
    }),
    ...extra,
    '',
  ].join('\n');

type Row = Record<string, number | string | null>;

describeEachBackend('Settlement report import (Amazon flat-file V2)', (backend) => {
  const ctx = useStockwise(backend);

  const profitOf = async (
    api: Awaited<ReturnType<typeof twoNetworkSeller>>['api'],
    sku: string,
    currency = 'USD',
  ) => {
    const res = await api.get('/api/v1/reports/profit?from=2025-06-01&to=2025-07-01');
    expect(res.status).toBe(200);
    // the report names its fee table's currency; each row names its own
    expect(res.body['currency']).toBe('USD');
    return (res.body['rows'] as Row[]).find((r) => r['sku'] === sku && r['currency'] === currency);
  };

  it('books fees, refunds and reimbursements into the SKU’s profit, once per settlement id', async () => {
    const { api } = await twoNetworkSeller(ctx, { skus: ['MUG'] });
    const res = await importTaken(api, 'amazon-settlement', settlement('9000001'));
    expect(res.body['applied']).toMatchObject({
      settlementsBooked: 1,
      settlementsAlreadyBooked: 0,
      amountsBooked: 5,
      linesNotBooked: 2,
    });
    // Amazon's fees as charged (3.00 + 4.50 − 2.40 given back) replace the fee table's estimate
    expect(await profitOf(api, 'MUG')).toMatchObject({
      'referral-fees': 0,
      'fulfillment-fees': 0,
      'settled-fees': 5.1,
      refunds: 20,
      reimbursements: 8,
      profit: -17.1,
    });

    // the same file again is unchanged; another file of the same settlement id books nothing
    expect((await uploadImport(api, 'amazon-settlement', settlement('9000001'))).body['status']).toBe(
      'unchanged',
    );
    const more = commission('9000001', '111-3', '-9.99', 'MUG');
    const again = await uploadImport(api, 'amazon-settlement', settlement('9000001', 'USD', [more]));
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body['applied']).toMatchObject({
      settlementsBooked: 0,
      settlementsAlreadyBooked: 1,
      alreadyBooked: ['9000001'],
    });
    // a EUR settlement is never added to the USD figures: it is the SKU's EUR line
    const eur = await uploadImport(api, 'amazon-settlement', settlement('9000002', 'EUR'));
    expect(eur.body['applied']).toMatchObject({ settlementsBooked: 1 });
    expect(await profitOf(api, 'MUG')).toMatchObject({ 'settled-fees': 5.1, refunds: 20, reimbursements: 8 });
    expect(await profitOf(api, 'MUG', 'EUR')).toMatchObject({
      'settled-fees': 5.1,
      refunds: 20,
      reimbursements: 8,
      'other-currencies': 'USD',
      margin: null,
    });
  });

  it('a bad line is named and refuses the file, which changes nothing; an unknown SKU too', async () => {
    const { api } = await twoNetworkSeller(ctx, { skus: ['MUG'] });
    const bad = commission('9000003', '111-4', 'three', 'MUG');
    const res = await uploadImport(api, 'amazon-settlement', settlement('9000003', 'USD', [bad]));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('"line":10');
    expect(JSON.stringify(res.body)).toContain('amount must be an amount like -2.25, got \\"three\\"');
    const ghost = commission('9000003', '111-5', '-1.00', 'GHOST');
    const unknown = await uploadImport(api, 'amazon-settlement', settlement('9000003', 'USD', [ghost]));
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('unknown SKU GHOST');
    expect(await profitOf(api, 'MUG')).toBeUndefined();

    const header = await uploadImport(api, 'amazon-settlement', 'settlement-id\tamount\n1\t2\n');
    expect(header.status).toBe(400);
    expect(String(header.body['detail'])).toContain('transaction-type');
  });
});
