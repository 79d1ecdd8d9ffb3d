import { beforeAll, expect, it } from 'vitest';
import { reimbursementRow, reportRows } from '@stockwise/domain/channels/amazon/reports';
import { amazonReportsRepository } from '@stockwise/db/channels/amazon-reports.repository';
import { describeEachBackend } from '../support/backends';
import { receive, seedLocations } from '../support/seed';
import { useOwnerApi } from '../support/owner-api';

const FBA_DE = { code: 'FBA-DE', name: 'Amazon DE', type: 'amazon_fba', marketplace: 'DE' } as const;
const FBA_FR = { code: 'FBA-FR', name: 'Amazon FR', type: 'amazon_fba', marketplace: 'FR' } as const;
const SKU = 'MUG-BLUE-12OZ';

/** GET_FBA_REIMBURSEMENTS_DATA: a customer-return reimbursement naming an order shipped from France, and a warehouse loss naming none. */
const REIMBURSEMENTS = [
  'approval-date\treimbursement-id\tcase-id\tamazon-order-id\treason\tsku\tfnsku\tasin\tproduct-name\tcondition\tcurrency-unit\tamount-per-unit\tamount-total\tquantity-reimbursed-cash\tquantity-reimbursed-inventory\tquantity-reimbursed-total\toriginal-reimbursement-id\toriginal-reimbursement-type',
  `2024-05-02T07:00:00+00:00\t3100000001\t\t402-1111111-2222222\tCustomerReturn\t${SKU}\tX00MUGFNSK\tB00T9QONN6\tBlue mug\tNew\tEUR\t11.00\t22.00\t2\t0\t2\t\t`,
  `2024-05-03T07:00:00+00:00\t3100000002\t\t\tLost_Warehouse\t${SKU}\tX00MUGFNSK\tB00T9QONN6\tBlue mug\tNew\tEUR\t11.00\t11.00\t1\t0\t1\t\t`,
].join('\n');

describeEachBackend('Amazon reimbursements of two EUR marketplaces', (backend) => {
  const t = useOwnerApi(backend);

  beforeAll(async () => {
    await seedLocations(t.api, FBA_DE, FBA_FR);
    expect(
      (await t.api.post('/api/v1/products', { sku: SKU, title: 'Blue mug', unitCost: 6.5 })).status,
    ).toBe(201);
    // stock only in France: the order is allocated there
    await receive(t.api, SKU, 'FBA-FR', 5);
    const order = await t.api.post('/api/v1/orders', {
      channel: 'amazon',
      externalId: '402-1111111-2222222',
      lines: [{ sku: SKU, quantity: 2, unitPrice: 19 }],
    });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    const rows = reportRows(REIMBURSEMENTS).map(reimbursementRow);
    await amazonReportsRepository.addReimbursements(t.sw.db, t.owner.actor.accountId, 'doc-eu', rows);
  });

  it('a reimbursement naming an order goes to the location that shipped it; one naming none to the first EUR location', async () => {
    const res = await t.api.get('/api/v1/channels/amazon/reconciliation');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const items = res.body['items'] as Record<string, unknown>[];
    const at = (location: string) => items.find((l) => l['location'] === location && l['sku'] === SKU);
    expect(at('FBA-FR')).toMatchObject({ currency: 'EUR', reimbursedUnits: 2, reimbursedAmount: 22 });
    expect(at('FBA-DE')).toMatchObject({ currency: 'EUR', reimbursedUnits: 1, reimbursedAmount: 11 });
    expect(res.body['unplaced']).toEqual({ eventUnits: 0, reimbursedUnits: 0 });
  });
});
