import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import type { DemoSeller } from '@stockwise/domain/demo/types';
import type { Sql } from '@stockwise/db/database';
import { bulkInsertPurchaseOrders } from '@stockwise/db/replenishment/purchase-orders.repository';
import { suppliersRepository } from '@stockwise/db/replenishment/suppliers.repository';
import { demoMoment } from './demo-moment';

const at = demoMoment;

/**
 * The demo seller's suppliers, their terms per SKU and its purchase-order history. The stock side
 * (receipts, inbound of open orders) is already in the ledger from the demo replay; this adds the
 * commercial records, so lead times are learned from real history and scorecards have data.
 */
export async function loadDemoPurchasing(
  sql: Sql,
  ctx: {
    accountId: number;
    seller: DemoSeller;
    productIds: Map<string, number>;
    locationIds: Map<string, number>;
  },
): Promise<{ suppliers: number; purchaseOrders: number }> {
  const { accountId, seller } = ctx;
  const supplierIds = new Map<string, number>();
  for (const s of seller.suppliers) {
    const created = await suppliersRepository.create(sql, accountId, {
      code: s.code,
      name: s.name,
      contactName: null,
      email: s.email,
      phone: null,
      address: null,
      currency: s.currency,
      paymentTermsDays: s.paymentTermsDays,
      productionDays: s.leadTime.productionDays,
      transitDays: s.leadTime.transitDays,
      groundDays: s.leadTime.groundDays,
      checkInDays: s.leadTime.checkInDays,
      notes: s.notes ?? null,
      active: true,
    });
    if (created) supplierIds.set(s.code, created.id);
  }
  await suppliersRepository.bulkInsertProducts(
    sql,
    accountId,
    seller.products.flatMap((p) => {
      const supplierId = supplierIds.get(p.supplierCode);
      const productId = ctx.productIds.get(p.sku);
      return supplierId && productId
        ? [
            {
              supplierId,
              productId,
              supplierSku: null,
              unitCost: p.unitCost,
              priceBreaks: [],
              moq: p.moq,
              casePack: p.casePack,
              preferred: true,
            },
          ]
        : [];
    }),
  );
  const terms = new Map(seller.suppliers.map((s) => [s.code, s.paymentTermsDays]));
  const asOfDay = parseIsoDate(seller.asOf);
  await bulkInsertPurchaseOrders(
    sql,
    accountId,
    seller.purchaseOrders.map((po) => {
      const termsDays = terms.get(po.supplierCode) ?? 30;
      const due = po.receivedOn ? parseIsoDate(po.receivedOn) + termsDays : null;
      return {
        number: po.number,
        supplierId: supplierIds.get(po.supplierCode)!,
        locationId: ctx.locationIds.get(po.location)!,
        status: po.receivedOn ? 'received' : 'sent',
        source: 'import',
        currency: 'USD',
        paymentTermsDays: termsDays,
        freightCost: 0,
        expectedOn: po.expectedOn,
        notes: null,
        sentAt: at(po.orderedOn),
        firstReceivedAt: po.receivedOn ? at(po.receivedOn) : null,
        receivedAt: po.receivedOn ? at(po.receivedOn) : null,
        // Bills that fell due before today were paid on their due date.
        paidAt: due !== null && due < asOfDay ? at(isoDate(due)) : null,
        lines: po.lines.map((l) => ({
          productId: ctx.productIds.get(l.sku)!,
          quantity: l.quantity,
          unitCost: l.unitCost,
          receivedQuantity: po.receivedOn ? l.receivedQuantity : 0,
        })),
      };
    }),
  );
  return { suppliers: supplierIds.size, purchaseOrders: seller.purchaseOrders.length };
}
