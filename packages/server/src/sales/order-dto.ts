import type { OrderIntake } from '@stockwise/domain/sales/intake';
import type { OrderWithLines } from '@stockwise/db/sales/orders.repository';
import type { IntakePlan } from './intake-plan';
import type { OrderDto } from './orders.schema';
import { recordTimes } from '../platform/record-times';

export type CreateResult = OrderDto & { replayed: boolean };

export function mapOrderDto(o: OrderWithLines): OrderDto {
  return {
    id: o.id,
    channel: o.channel,
    externalId: o.externalId,
    status: o.status,
    backordered: o.backordered,
    orderedAt: o.orderedAt.toISOString(),
    currency: o.currency,
    lines: o.lines.map((l) => ({
      lineNo: l.lineNo,
      sku: l.sku,
      externalLineId: l.externalLineId,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      quantityShipped: l.quantityShipped,
      quantityCancelled: l.quantityCancelled,
      quantityReturned: l.quantityReturned,
      allocations: l.allocations.map((a) => ({
        location: a.location,
        reserved: a.reserved,
        shipped: a.shipped,
      })),
    })),
    unmapped: o.unmapped,
    ...recordTimes(o),
  };
}

/** A new order's answer, built from what was just written: no read-back on the hot path. */
export function acceptedOrderDto(
  p: Extract<IntakePlan, { kind: 'accepted' }>,
  intake: OrderIntake,
): CreateResult {
  const at = p.createdAt.toISOString();
  return {
    id: p.orderId,
    channel: intake.channel,
    externalId: intake.externalId,
    status: p.status,
    backordered: p.reservation?.backordered ?? false,
    orderedAt: (intake.orderedAt ?? p.createdAt).toISOString(),
    currency: intake.currency,
    lines: p.lines.map((l) => ({
      lineNo: l.lineNo,
      sku: l.sku,
      externalLineId: l.externalLineId,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      quantityShipped: 0,
      quantityCancelled: l.cancelled ? l.quantity : 0,
      quantityReturned: 0,
      allocations: p.reservation?.byLine.get(l.lineNo) ?? [],
    })),
    unmapped: p.unmapped,
    createdAt: at,
    updatedAt: at,
    replayed: false,
  };
}
