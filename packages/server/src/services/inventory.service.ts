import { DomainError } from '@stockwise/domain/errors';
import type { Page } from '@stockwise/db/pagination';
import type { InventoryQuery, InventoryRecord, LayerRecord, MovementQuery, MovementRecord } from '@stockwise/db/repositories/inventory.repository';
import { inventoryRepository } from '@stockwise/db/repositories/inventory.repository';
import type { BalanceDto, MovementDto } from '../schemas/ledger.schema';
import type { Actor } from './actor';
import type { Transactor } from './transactor';

const DAY_MS = 86_400_000;

export function mapBalanceDto(b: InventoryRecord): BalanceDto {
  return {
    sku: b.sku,
    title: b.title,
    location: b.location,
    onHand: b.onHand,
    reserved: b.reserved,
    available: b.available,
    inbound: b.inbound,
    unfulfillable: b.unfulfillable,
    oldestReceivedAt: b.oldestReceivedAt?.toISOString() ?? null,
    updatedAt: b.updatedAt.toISOString(),
  };
}

export function mapMovementDto(m: MovementRecord): MovementDto {
  return {
    id: m.id,
    batchId: m.batchId,
    sku: m.sku,
    location: m.location,
    type: m.type,
    reason: m.reason,
    onHandDelta: m.onHandDelta,
    reservedDelta: m.reservedDelta,
    inboundDelta: m.inboundDelta,
    unfulfillableDelta: m.unfulfillableDelta,
    unitCost: m.unitCost,
    referenceType: m.referenceType,
    referenceId: m.referenceId,
    occurredAt: m.occurredAt.toISOString(),
    createdAt: m.createdAt.toISOString(),
    actorUserId: m.actorUserId,
  };
}

export function mapLayerDto(l: LayerRecord, asOf: Date) {
  return {
    sku: l.sku,
    location: l.location,
    receivedAt: l.receivedAt.toISOString(),
    ageDays: Math.max(0, Math.floor((asOf.getTime() - l.receivedAt.getTime()) / DAY_MS)),
    quantityReceived: l.quantityReceived,
    quantityRemaining: l.quantityRemaining,
    unitCost: l.unitCost,
  };
}

/** Read side of the ledger: balances, movements and age layers, always scoped to the caller's account. */
export class InventoryService {
  constructor(private readonly tx: Transactor) {}

  async listBalances(actor: Actor, q: InventoryQuery): Promise<Page<BalanceDto>> {
    const page = await inventoryRepository.listBalances(this.tx.sql, actor.accountId, q);
    if (!page) throw new DomainError('VALIDATION_FAILED', 'cursor is not valid', { field: 'cursor' });
    return { items: page.items.map(mapBalanceDto), nextCursor: page.nextCursor };
  }

  async listMovements(actor: Actor, q: MovementQuery): Promise<Page<MovementDto>> {
    const page = await inventoryRepository.listMovements(this.tx.sql, actor.accountId, q);
    if (!page) throw new DomainError('VALIDATION_FAILED', 'cursor is not valid', { field: 'cursor' });
    return { items: page.items.map(mapMovementDto), nextCursor: page.nextCursor };
  }

  async listLayers(actor: Actor, filter: { sku?: string; location?: string; asOf?: Date }) {
    const layers = await inventoryRepository.listOpenLayers(this.tx.sql, actor.accountId, filter);
    const asOf = filter.asOf ?? new Date();
    return layers.map((l) => mapLayerDto(l, asOf));
  }

  /** Empty when every balance equals the sum of its movements and its open layers equal on hand. */
  findImbalances(actor: Actor) {
    return inventoryRepository.findImbalances(this.tx.sql, actor.accountId);
  }
}
