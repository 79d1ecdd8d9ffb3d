import { expect } from 'vitest';
import type { Api } from './owner-api';
import { FBA_US, receiveAt, seedLocations, WAREHOUSE } from './seed';

/** A Manage FBA Inventory report (tab-separated, as Seller Central writes it) counting MUG at `fulfillable`. */
export const mugInventory = (fulfillable: number) =>
  'sku\tfnsku\tasin\tproduct-name\tcondition\tyour-price\tafn-fulfillable-quantity\tafn-unsellable-quantity\tafn-reserved-quantity\n' +
  `MUG\tX001ABCDEF\tB07XYZ1234\tMug 12 oz\tNew\t11.00\t${String(fulfillable)}\t0\t0\n`;

/**
 * A warehouse and FBA-US, MUG at unit cost 4, and 10 MUG received at FBA-US at 5 on 2024-05-01: before the
 * reads of Amazon's figures the FBA tests import (a read counts the location at its instant, decision 59).
 */
export async function seedMugAtFba(api: Api): Promise<void> {
  await seedLocations(api, WAREHOUSE, FBA_US);
  expect((await api.post('/api/v1/products', { sku: 'MUG', title: 'Mug', unitCost: 4 })).status).toBe(201);
  await receiveAt(api, {
    sku: 'MUG',
    location: 'FBA-US',
    quantity: 10,
    unitCost: 5,
    occurredAt: '2024-05-01T00:00:00Z',
  });
}
