import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { useOwnerApi } from '../support/owner-api';
import { FBA_US, receive, seedLocations, skuBalance, WAREHOUSE } from '../support/seed';
import { importTaken, uploadImport } from '../support/uploads';

const HEADER =
  'amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\tsales-channel\tsku\titem-status\tquantity\tcurrency\titem-price';
const row = (id: string, fulfilment: string, site: string, quantity: number) =>
  [
    id,
    '2024-05-02T10:00:00+00:00',
    'Shipped',
    fulfilment,
    site,
    'MUG',
    'Shipped',
    quantity,
    'EUR',
    '10.00',
  ].join('\t');

/** docs/decisions.md 47: the All Orders report's fulfilment and store say where an order's units come from. */
describeEachBackend(
  'Imports: an Amazon All Orders row draws where Amazon says it shipped from',
  (backend) => {
    const t = useOwnerApi(backend);
    const balances = async () => ({
      wh: (await skuBalance(t.api, 'MUG', 'WH')).onHand,
      us: (await skuBalance(t.api, 'MUG', 'FBA-US')).onHand,
      de: (await skuBalance(t.api, 'MUG', 'FBA-DE')).onHand,
    });

    beforeAll(async () => {
      await seedLocations(t.api, WAREHOUSE, FBA_US, {
        code: 'FBA-DE',
        name: 'Amazon DE',
        type: 'amazon_fba',
        marketplace: 'DE',
      });
      expect((await t.api.post('/api/v1/products', { sku: 'MUG', title: 'Mug' })).status).toBe(201);
      await receive(t.api, 'MUG', 'WH', 10);
      await receive(t.api, 'MUG', 'FBA-US', 5);
      await receive(t.api, 'MUG', 'FBA-DE', 3);
    });

    it('an AFN row Amazon’s centre cannot cover is refused naming its line, never shipped from the warehouse', async () => {
      const res = await uploadImport(
        t.api,
        'amazon-orders',
        `${HEADER}\n${row('111-0000000-0000009', 'Amazon', 'Amazon.com', 6)}\n`,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(409);
      expect(res.body['field']).toBe('line 2');
      expect(await balances()).toEqual({ wh: 10, us: 5, de: 3 });
    });

    it('an AFN row ships from the Amazon location of its store, an MFN row from the seller’s warehouse', async () => {
      const file = [
        HEADER,
        row('111-0000000-0000001', 'Amazon', 'Amazon.com', 2),
        row('111-0000000-0000002', 'Merchant', 'Amazon.com', 1),
        row('302-0000000-0000003', 'Amazon', 'Amazon.de', 1),
      ].join('\n');
      const res = await importTaken(t.api, 'amazon-orders', file);
      expect(res.body['applied']).toMatchObject({ ordersCreated: 3, ordersShipped: 3 });
      expect(await balances()).toEqual({ wh: 9, us: 3, de: 2 });
    });
  },
);
