/** Set-ups the restock suites share: a supplier preferred for a SKU, row ids, and purchase orders received long ago. */
import type { PurchaseOrderInsert, LineInsert } from '@stockwise/db/replenishment/purchase-orders.repository';
import { expect } from 'vitest';
import { dayAt } from './days';
import type { OwnerApi } from './owner-api';

export interface StatedLeadTime {
  productionDays: number;
  transitDays: number;
  groundDays: number;
  checkInDays: number;
}

/** 10 days of production and 10 in transit: the 20 days the lead-time suites state. */
export const STATED_20_DAYS: StatedLeadTime = {
  productionDays: 10,
  transitDays: 10,
  groundDays: 0,
  checkInDays: 0,
};

/** A new supplier stating `leadTime`, preferred for `sku` at $4 a unit in cases of 1 with no MOQ. */
export async function preferredSupplier(
  t: OwnerApi,
  supplier: { code: string; name?: string; leadTime: StatedLeadTime },
  sku: string,
): Promise<void> {
  const created = await t.api.post('/api/v1/suppliers', { name: supplier.code, ...supplier });
  expect(created.status).toBe(201);
  await t.api.call('PUT', `/api/v1/suppliers/${supplier.code}/products/${sku}`, {
    body: { unitCost: 4, casePack: 1, moq: 0, preferred: true },
  });
}

/** The id of the owner's row in `table` whose `column` is `code`. */
export async function idOf(t: OwnerApi, table: string, code: string, column = 'code'): Promise<number> {
  const rows = await t.sw.db.query<{ id: number }>(
    `SELECT id FROM ${table} WHERE account_id = $1 AND ${column} = $2`,
    [t.owner.actor.accountId, code],
  );
  return rows[0]!.id;
}

/** A manual order of 10 units of `productId` at $4, sent `sentOffset` days from today and received in full `days` later. */
export function receivedOrder(
  ids: { supplierId: number; locationId: number; productId: number },
  number: string,
  sent: { sentOffset: number; days: number },
): PurchaseOrderInsert & { number: string; lines: readonly LineInsert[] } {
  const receivedAt = dayAt(sent.sentOffset + sent.days);
  return {
    number,
    supplierId: ids.supplierId,
    locationId: ids.locationId,
    source: 'manual',
    currency: 'USD',
    paymentTermsDays: 0,
    freightCost: 0,
    expectedOn: null,
    notes: null,
    status: 'received',
    sentAt: dayAt(sent.sentOffset),
    firstReceivedAt: receivedAt,
    receivedAt,
    lines: [{ productId: ids.productId, quantity: 10, unitCost: 4, receivedQuantity: 10 }],
  };
}
