import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { useOwnerApi } from '../support/owner-api';
import { FBA_US, findOrder, receive, seedLocations, skuBalance, WAREHOUSE } from '../support/seed';
import { uploadImport } from '../support/uploads';

const ALL_ORDERS =
  'amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\tsales-channel\tsku\titem-status\tquantity\tcurrency\titem-price\n' +
  '111-0000000-0000077\t2024-05-02T10:00:00+00:00\tUnshipped\tAmazon\tAmazon.com\tMUG\tUnshipped\t2\tUSD\t20.00\n';

/**
 * docs/decisions.md 47 and 53: an AFN order left pending (Amazon's centre was short) is reserved later only
 * at Amazon's locations, never from the seller's warehouse, as its intake would have drawn.
 */
describeEachBackend('Orders: a pending AFN order reserves where Amazon ships from', (backend) => {
  const t = useOwnerApi(backend);
  let id = 0;

  beforeAll(async () => {
    await seedLocations(t.api, WAREHOUSE, FBA_US);
    expect((await t.api.post('/api/v1/products', { sku: 'MUG', title: 'Mug' })).status).toBe(201);
    await receive(t.api, 'MUG', 'WH', 5);
    const res = await uploadImport(t.api, 'amazon-orders', ALL_ORDERS);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const order = await findOrder(t.api, '111-0000000-0000077', 'amazon');
    expect(order?.['status']).toBe('pending');
    id = Number(order?.['id']);
  });

  it('with stock only in the warehouse it stays pending: INSUFFICIENT_STOCK, the warehouse untouched', async () => {
    const res = await t.api.post(`/api/v1/orders/${id}/reserve`);
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.body['code']).toBe('INSUFFICIENT_STOCK');
    expect((await skuBalance(t.api, 'MUG', 'WH')).reserved).toBe(0);
    expect((await findOrder(t.api, '111-0000000-0000077', 'amazon'))?.['status']).toBe('pending');
  });

  it('once Amazon holds the units it reserves them there', async () => {
    await receive(t.api, 'MUG', 'FBA-US', 3);
    const res = await t.api.post(`/api/v1/orders/${id}/reserve`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body['status']).toBe('reserved');
    expect((await skuBalance(t.api, 'MUG', 'FBA-US')).reserved).toBe(2);
    expect((await skuBalance(t.api, 'MUG', 'WH')).reserved).toBe(0);
  });
});
