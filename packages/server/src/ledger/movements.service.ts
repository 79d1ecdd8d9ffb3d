import type { MovementRequest } from '@stockwise/domain/ledger/movement-rules';
import { inventoryRepository } from '@stockwise/db/ledger/inventory.repository';
import type { MovementCreate, MovementResult } from './ledger.schema';
import type { Actor } from '../accounts/actor';
import { mapBalanceDto, mapMovementDto } from './inventory.service';
import type { LedgerEntry, LedgerService } from './ledger.service';
import type { Transactor } from '../platform/transactor';

/** API movement → domain movement request (the API speaks sellers' words: condition, from, toLocation). */
export function toMovementRequest(input: MovementCreate): MovementRequest {
  switch (input.type) {
    case 'receipt':
      return {
        type: 'receipt',
        quantity: input.quantity,
        unitCost: input.unitCost ?? null,
        fromInbound: input.fromInbound ?? false,
      };
    case 'shipment':
      return { type: 'shipment', quantity: input.quantity };
    case 'return':
      return { type: 'return', quantity: input.quantity, condition: input.condition };
    case 'transfer':
      return { type: 'transfer', quantity: input.quantity };
    case 'adjustment':
      return { type: 'adjustment', quantity: input.quantity, reason: input.reason };
    case 'removal':
      return { type: 'removal', quantity: input.quantity, from: input.from };
  }
}

export class MovementsService {
  constructor(
    private readonly tx: Transactor,
    private readonly ledger: LedgerService,
  ) {}

  /** Records one movement and answers with the ledger rows written and the balances after it. */
  async record(actor: Actor, input: MovementCreate): Promise<MovementResult> {
    const entry: LedgerEntry = {
      sku: input.sku,
      location: input.location,
      toLocation: input.type === 'transfer' ? input.toLocation : undefined,
      request: toMovementRequest(input),
      occurredAt: input.occurredAt ? new Date(input.occurredAt) : undefined,
      referenceType: input.referenceType ?? null,
      referenceId: input.referenceId ?? null,
    };
    return this.tx.run(async (sql) => {
      const { batchId, replayed } = await this.ledger.post(actor, [entry], {
        kind: input.type,
        note: input.note ?? null,
      });
      const movements = await inventoryRepository.listMovements(sql, actor.accountId, {
        batchId,
        limit: 100,
        order: 'asc',
      });
      const locations = [input.location, ...(input.type === 'transfer' ? [input.toLocation] : [])];
      const balances = [];
      for (const location of locations) {
        const page = await inventoryRepository.listBalances(sql, actor.accountId, {
          sku: input.sku,
          location,
          limit: 1,
        });
        balances.push(...(page?.items ?? []));
      }
      return {
        batchId,
        replayed,
        movements: (movements?.items ?? []).map(mapMovementDto),
        balances: balances.map(mapBalanceDto),
      };
    });
  }
}
