import { DomainError } from '../errors';
import type { LayerTake, OpenLayer } from './fifo';
import { allocateFifo, fifoUnitCost } from './fifo';
import type { LedgerLineType, MovementRequest, StockDeltas } from './movement-rules';
import { addDeltas, planMovement, refusesDeltas } from './movement-rules';
import type { Network } from './network';
import { carriedDates, fifoOrder } from './network';

/** A movement for an in-memory replay, with ids already resolved. */
export interface ReplayEntry {
  productId: number;
  locationId: number;
  toLocationId?: number;
  request: MovementRequest;
  occurredAt: Date;
  /** Fallback cost for layers opened without one (the catalogue's unit cost). */
  defaultUnitCost: number | null;
  allowBackorder?: boolean;
  unitPrice?: number | null;
  channel?: string | null;
  referenceType?: string | null;
  referenceId?: string | null;
}

export interface ReplayMovement {
  productId: number;
  locationId: number;
  type: LedgerLineType;
  reason: string | null;
  deltas: StockDeltas;
  unitCost: number | null;
  unitPrice: number | null;
  channel: string | null;
  referenceType: string | null;
  referenceId: string | null;
  occurredAt: Date;
}

export interface ReplayLayer {
  productId: number;
  locationId: number;
  receivedAt: Date;
  /** Arrival at the layer's network (network.ts carriedDates). */
  arrivedAt: Date;
  quantityReceived: number;
  quantityRemaining: number;
  unitCost: number | null;
  /** Index into `movements` of the movement that opened it. */
  movementIndex: number;
}

export interface ReplayBalance extends StockDeltas {
  productId: number;
  locationId: number;
}

interface ItemState {
  balance: ReplayBalance;
  layers: (ReplayLayer & OpenLayer)[];
}

/**
 * Applies movements in order with exactly the rules of the online ledger (planMovement, FIFO),
 * producing the rows to bulk-insert: movements, age layers and final balances. Used for bulk loads
 * (demo seller, large imports) where one transaction per movement would be too slow.
 * `networkOf` tells each location's network (Amazon's or the seller's), which dates carried layers.
 * Throws INSUFFICIENT_STOCK naming the entry index when a movement would drive stock negative.
 */
export function replayLedger(
  entries: readonly ReplayEntry[],
  networkOf: (locationId: number) => Network,
): {
  movements: ReplayMovement[];
  layers: ReplayLayer[];
  balances: ReplayBalance[];
} {
  const items = new Map<string, ItemState>();
  const movements: ReplayMovement[] = [];
  const layers: (ReplayLayer & OpenLayer)[] = [];
  const item = (productId: number, locationId: number): ItemState => {
    const key = `${productId}:${locationId}`;
    let state = items.get(key);
    if (!state) {
      state = {
        balance: { productId, locationId, onHand: 0, reserved: 0, inbound: 0, unfulfillable: 0 },
        layers: [],
      };
      items.set(key, state);
    }
    return state;
  };

  entries.forEach((entry, index) => {
    let carried: LayerTake[] = [];
    for (const plan of planMovement(entry.request)) {
      const locationId = plan.at === 'destination' ? entry.toLocationId : entry.locationId;
      if (locationId === undefined)
        throw new DomainError('VALIDATION_FAILED', `entry ${index}: a transfer needs a target location`, {
          field: `${index}.toLocation`,
        });
      const state = item(entry.productId, locationId);
      const b = state.balance;
      const d = plan.deltas;
      const next = addDeltas(b, d);
      if (refusesDeltas(b, d, entry.allowBackorder ?? false)) {
        throw new DomainError(
          'INSUFFICIENT_STOCK',
          `entry ${index}: not enough stock for this ${entry.request.type}`,
          { field: `${index}` },
        );
      }
      Object.assign(b, next);
      let unitCost: number | null = null;
      let takes: LayerTake[] = [];
      if (plan.consumesLayers > 0) {
        const allocation = allocateFifo(state.layers, plan.consumesLayers);
        for (const take of allocation.takes) {
          const layer = state.layers.find((l) => l.id === take.layerId)!;
          layer.quantityRemaining -= take.quantity;
        }
        state.layers = state.layers.filter((l) => l.quantityRemaining > 0);
        takes = allocation.takes;
        unitCost = fifoUnitCost(takes);
      } else if (plan.opensLayer === 'new') {
        unitCost =
          entry.request.type === 'receipt'
            ? (entry.request.unitCost ?? entry.defaultUnitCost)
            : entry.defaultUnitCost;
      } else if (plan.opensLayer === 'carried') {
        unitCost = fifoUnitCost(carried);
      }
      movements.push({
        productId: entry.productId,
        locationId,
        type: plan.type,
        reason: plan.reason,
        deltas: d,
        unitCost,
        unitPrice: plan.type === 'shipment' ? (entry.unitPrice ?? null) : null,
        channel: entry.channel ?? null,
        referenceType: entry.referenceType ?? null,
        referenceId: entry.referenceId ?? null,
        occurredAt: entry.occurredAt,
      });
      const open = (dates: { receivedAt: Date; arrivedAt: Date }, quantity: number, cost: number | null) => {
        const layer = {
          id: layers.length,
          productId: entry.productId,
          locationId,
          ...dates,
          quantityReceived: quantity,
          quantityRemaining: quantity,
          unitCost: cost,
          movementIndex: movements.length - 1,
        };
        layers.push(layer);
        // Keep FIFO order (arrival, then receipt) when carried layers are older.
        const at = state.layers.findIndex((l) => fifoOrder(l, dates) > 0);
        if (at === -1) state.layers.push(layer);
        else state.layers.splice(at, 0, layer);
      };
      if (plan.opensLayer === 'new')
        open({ receivedAt: entry.occurredAt, arrivedAt: entry.occurredAt }, d.onHand, unitCost);
      if (plan.opensLayer === 'carried') {
        const move = { from: networkOf(entry.locationId), to: networkOf(locationId), at: entry.occurredAt };
        for (const c of carried) open(carriedDates(c, move), c.quantity, c.unitCost);
      }
      carried = takes;
    }
  });

  return {
    movements,
    layers: layers.map(({ id: _id, ...layer }) => layer),
    balances: [...items.values()].map((s) => s.balance),
  };
}
