import { planShipmentRedate, REDATED_SHIPMENT } from '@stockwise/domain/ledger/movement-rules';
import type { Sql } from '@stockwise/db/database';
import { ledgerRepository } from '@stockwise/db/ledger/ledger.repository';
import type { Actor } from '../accounts/actor';
import { requirePermission } from '../accounts/actor';

/** Units of one recorded shipment (order, SKU, location, instant, cost, price, channel) to move to another instant. */
export interface ShipmentRedate {
  orderId: number;
  productId: number;
  locationId: number;
  from: Date;
  to: Date;
  units: number;
  unitCost: number | null;
  unitPrice: number | null;
  channel: string | null;
}

/**
 * Re-dates recorded shipments without rewriting the append-only ledger (docs/decisions.md 53): one batch
 * with, per move, the correcting pair of planShipmentRedate. Neither a balance nor a FIFO layer changes,
 * so no row is locked; the units, revenue and cost of goods of each day follow the new date.
 */
export async function redateShipments(
  sql: Sql,
  actor: Actor,
  moves: readonly ShipmentRedate[],
  note: string,
): Promise<number | null> {
  requirePermission(actor, 'inventory:write');
  if (moves.length === 0) return null;
  const batchId = await ledgerRepository.insertBatch(sql, {
    accountId: actor.accountId,
    idempotencyKey: null,
    kind: 'order.redate',
    actorUserId: actor.userId,
    actorTokenId: actor.tokenId,
    note,
  });
  if (batchId === undefined) throw new Error('a batch without an idempotency key was not written');
  const rows = moves.flatMap((m) => {
    const pair = planShipmentRedate(m.units);
    const common = {
      productId: m.productId,
      locationId: m.locationId,
      type: 'shipment' as const,
      reason: REDATED_SHIPMENT,
      unitCost: m.unitCost,
      unitPrice: m.unitPrice,
      channel: m.channel,
      referenceType: 'order',
      referenceId: String(m.orderId),
    };
    return [
      { ...common, deltas: pair.from, occurredAt: m.from },
      { ...common, deltas: pair.to, occurredAt: m.to },
    ];
  });
  await ledgerRepository.bulkInsertMovements(sql, actor.accountId, batchId, rows);
  return batchId;
}
