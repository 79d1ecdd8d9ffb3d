import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import { DomainError } from '@stockwise/domain/errors';
import type { Sql } from '@stockwise/db/database';
import type { Actor } from '../accounts/actor';
import { auditTrail } from '../accounts/actor';
import type {
  PurchaseOrderLineRecord,
  PurchaseOrderRecord,
  ReceiptRecord,
} from '@stockwise/db/replenishment/purchase-orders.repository';
import { purchaseOrdersRepository } from '@stockwise/db/replenishment/purchase-orders.repository';
import { purchaseOrderReceiptsRepository } from '@stockwise/db/replenishment/purchase-order-receipts.repository';
import type { SupplierRecord } from '@stockwise/db/replenishment/suppliers.repository';
import { suppliersRepository } from '@stockwise/db/replenishment/suppliers.repository';
import type { PurchaseOrderDto } from './purchase-orders.schema';
import { recordTimes } from '../platform/record-times';

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A purchase order as the API shows it: lines with what is open, totals, receipts and the bill's due date. */
export function mapPurchaseOrderDto(
  po: PurchaseOrderRecord,
  lines: readonly PurchaseOrderLineRecord[],
  receipts: readonly ReceiptRecord[],
): PurchaseOrderDto {
  const goods = round2(lines.reduce((s, l) => s + l.quantity * l.unitCost, 0));
  const basis = po.firstReceivedAt ?? po.sentAt;
  return {
    number: po.number,
    supplier: { code: po.supplierCode, name: po.supplierName },
    location: po.locationCode,
    status: po.status,
    source: po.source,
    currency: po.currency,
    paymentTermsDays: po.paymentTermsDays,
    freightCost: po.freightCost,
    expectedOn: po.expectedOn,
    sentAt: po.sentAt?.toISOString() ?? null,
    firstReceivedAt: po.firstReceivedAt?.toISOString() ?? null,
    receivedAt: po.receivedAt?.toISOString() ?? null,
    paidAt: po.paidAt?.toISOString() ?? null,
    dueOn:
      basis && po.status !== 'cancelled'
        ? isoDate(parseIsoDate(basis.toISOString().slice(0, 10)) + po.paymentTermsDays)
        : null,
    notes: po.notes,
    lines: lines.map((l) => ({
      lineNo: l.lineNo,
      sku: l.sku,
      title: l.title,
      barcode: l.barcode,
      quantity: l.quantity,
      unitCost: l.unitCost,
      receivedQuantity: l.receivedQuantity,
      openQuantity: l.quantity - l.receivedQuantity,
      lineTotal: round2(l.quantity * l.unitCost),
    })),
    totals: {
      units: lines.reduce((s, l) => s + l.quantity, 0),
      receivedUnits: lines.reduce((s, l) => s + l.receivedQuantity, 0),
      goods,
      freight: po.freightCost,
      total: round2(goods + po.freightCost),
    },
    receipts: receipts.map((r) => ({
      sku: r.sku,
      quantity: r.quantity,
      landedUnitCost: r.landedUnitCost,
      scanKey: r.scanKey,
      code: r.code,
      receivedAt: r.receivedAt.toISOString(),
    })),
    ...recordTimes(po),
  };
}

/** The lines of one order. */
export async function orderLines(
  sql: Sql,
  accountId: number,
  poId: number,
): Promise<PurchaseOrderLineRecord[]> {
  return (await purchaseOrdersRepository.lines(sql, accountId, [poId])).get(poId) ?? [];
}

/** The order with its lines and receipts, as the API shows it. */
export async function loadPurchaseOrderDto(
  sql: Sql,
  accountId: number,
  po: PurchaseOrderRecord,
): Promise<PurchaseOrderDto> {
  return mapPurchaseOrderDto(
    po,
    await orderLines(sql, accountId, po.id),
    await purchaseOrderReceiptsRepository.receipts(sql, accountId, po.id),
  );
}

export async function requirePurchaseOrder(
  sql: Sql,
  accountId: number,
  number: string,
  options: { lock?: boolean } = {},
): Promise<PurchaseOrderRecord> {
  const po = await purchaseOrdersRepository.findByNumber(sql, accountId, number, options);
  if (!po) throw new DomainError('NOT_FOUND', `unknown purchase order ${number}`, { field: 'id' });
  return po;
}

export async function findPurchaseOrderDto(
  sql: Sql,
  accountId: number,
  number: string,
): Promise<PurchaseOrderDto> {
  return loadPurchaseOrderDto(sql, accountId, await requirePurchaseOrder(sql, accountId, number));
}

export async function requireSupplier(sql: Sql, accountId: number, code: string): Promise<SupplierRecord> {
  const s = await suppliersRepository.findByCode(sql, accountId, code);
  if (!s) throw new DomainError('NOT_FOUND', `unknown supplier ${code}`, { field: 'supplier' });
  return s;
}

/** Records a change of a purchase order in the audit log. */
export async function auditOrder(
  sql: Sql,
  actor: Actor,
  e: { action: string; number: string; before: unknown; after: unknown },
): Promise<void> {
  await auditTrail(sql, actor).record(e.action, ['purchase_order', e.number], e.before, e.after);
}
