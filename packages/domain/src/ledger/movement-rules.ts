import { DomainError } from '../errors';

/** Stock buckets of one SKU × location (docs/vocabulary.md). `available` is computed: onHand − reserved. */
export interface StockDeltas {
  onHand: number;
  reserved: number;
  inbound: number;
  unfulfillable: number;
}

export const ADJUSTMENT_REASONS = ['count', 'damaged', 'lost', 'found', 'expired', 'other'] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

/** What a seller (or an importer, order, PO) asks the ledger to record. */
export type MovementRequest =
  | { type: 'receipt'; quantity: number; unitCost?: number | null; fromInbound?: boolean }
  | { type: 'shipment'; quantity: number; fromReserved?: boolean }
  | { type: 'return'; quantity: number; condition: 'sellable' | 'unfulfillable' }
  | { type: 'transfer'; quantity: number }
  | { type: 'adjustment'; quantity: number; reason: AdjustmentReason }
  | { type: 'removal'; quantity: number; from: 'sellable' | 'unfulfillable' }
  | { type: 'inbound'; quantity: number }
  | { type: 'reservation'; quantity: number };

export type LedgerLineType =
  | 'receipt'
  | 'shipment'
  | 'return'
  | 'transfer_out'
  | 'transfer_in'
  | 'adjustment'
  | 'removal'
  | 'inbound'
  | 'reservation';

/** One ledger row to write: its bucket deltas and what it does to the FIFO age layers. */
export interface LedgerLinePlan {
  /** 'source' is the movement's location; 'destination' is a transfer's target. */
  at: 'source' | 'destination';
  type: LedgerLineType;
  reason: string | null;
  deltas: StockDeltas;
  /** Sellable units taken from the oldest layers. */
  consumesLayers: number;
  /** Opens a layer: 'new' dated at the movement; 'carried' keeps the consumed layers' received dates. */
  opensLayer: 'new' | 'carried' | null;
}

const zero: StockDeltas = { onHand: 0, reserved: 0, inbound: 0, unfulfillable: 0 };

function line(
  plan: Partial<LedgerLinePlan> & Pick<LedgerLinePlan, 'type'>,
  deltas: Partial<StockDeltas>,
): LedgerLinePlan {
  return {
    at: 'source',
    reason: null,
    consumesLayers: 0,
    opensLayer: null,
    ...plan,
    deltas: { ...zero, ...deltas },
  };
}

function requirePositiveInteger(quantity: number): void {
  if (!Number.isInteger(quantity) || quantity <= 0) {
    throw new DomainError('VALIDATION_FAILED', 'quantity must be a positive whole number', {
      field: 'quantity',
    });
  }
}

/**
 * Turns a movement request into ledger lines. The single place that knows which bucket each
 * movement type touches; balances are then updated atomically by exactly these deltas.
 */
export function planMovement(request: MovementRequest): LedgerLinePlan[] {
  const q = request.quantity;
  switch (request.type) {
    case 'receipt':
      requirePositiveInteger(q);
      return [
        line({ type: 'receipt', opensLayer: 'new' }, { onHand: q, inbound: request.fromInbound ? -q : 0 }),
      ];
    case 'shipment':
      requirePositiveInteger(q);
      return [
        line(
          { type: 'shipment', consumesLayers: q },
          { onHand: -q, reserved: request.fromReserved ? -q : 0 },
        ),
      ];
    case 'return':
      requirePositiveInteger(q);
      return request.condition === 'sellable'
        ? [line({ type: 'return', reason: 'sellable', opensLayer: 'new' }, { onHand: q })]
        : [line({ type: 'return', reason: 'unfulfillable' }, { unfulfillable: q })];
    case 'transfer':
      requirePositiveInteger(q);
      return [
        line({ type: 'transfer_out', consumesLayers: q }, { onHand: -q }),
        line({ type: 'transfer_in', at: 'destination', opensLayer: 'carried' }, { onHand: q }),
      ];
    case 'adjustment':
      if (!Number.isInteger(q) || q === 0) {
        throw new DomainError('VALIDATION_FAILED', 'an adjustment is a non-zero whole number of units', {
          field: 'quantity',
        });
      }
      if (request.reason === 'damaged' || request.reason === 'expired') {
        // Damaged units leave sellable stock but stay on site as unfulfillable until removed.
        if (q > 0) return [line({ type: 'adjustment', reason: request.reason }, { unfulfillable: q })];
        return [
          line(
            { type: 'adjustment', reason: request.reason, consumesLayers: -q },
            { onHand: q, unfulfillable: -q },
          ),
        ];
      }
      return q > 0
        ? [line({ type: 'adjustment', reason: request.reason, opensLayer: 'new' }, { onHand: q })]
        : [line({ type: 'adjustment', reason: request.reason, consumesLayers: -q }, { onHand: q })];
    case 'removal':
      requirePositiveInteger(q);
      return request.from === 'sellable'
        ? [line({ type: 'removal', reason: 'sellable', consumesLayers: q }, { onHand: -q })]
        : [line({ type: 'removal', reason: 'unfulfillable' }, { unfulfillable: -q })];
    case 'inbound':
      if (!Number.isInteger(q) || q === 0) {
        throw new DomainError('VALIDATION_FAILED', 'inbound change is a non-zero whole number', {
          field: 'quantity',
        });
      }
      return [line({ type: 'inbound' }, { inbound: q })];
    case 'reservation':
      if (!Number.isInteger(q) || q === 0) {
        throw new DomainError('VALIDATION_FAILED', 'reservation change is a non-zero whole number', {
          field: 'quantity',
        });
      }
      return [line({ type: 'reservation' }, { reserved: q })];
  }
}

/** True when the deltas lower what can be sold, so the write must check availability. */
export function reducesAvailable(deltas: StockDeltas): boolean {
  return deltas.onHand - deltas.reserved < 0;
}

/**
 * Whether the ledger refuses these deltas on this balance: a bucket would go below zero, or they lower
 * what can be sold below zero and the SKU does not allow backorders.
 */
export function refusesDeltas(balance: StockDeltas, deltas: StockDeltas, allowBackorder: boolean): boolean {
  const next = addDeltas(balance, deltas);
  const negative = next.onHand < 0 || next.reserved < 0 || next.inbound < 0 || next.unfulfillable < 0;
  return negative || (reducesAvailable(deltas) && !allowBackorder && next.onHand - next.reserved < 0);
}

/** A balance after deltas. */
export function addDeltas(balance: StockDeltas, deltas: StockDeltas): StockDeltas {
  return {
    onHand: balance.onHand + deltas.onHand,
    reserved: balance.reserved + deltas.reserved,
    inbound: balance.inbound + deltas.inbound,
    unfulfillable: balance.unfulfillable + deltas.unfulfillable,
  };
}

/** The reason both movements of a shipment's re-dating carry (docs/decisions.md 53). */
export const REDATED_SHIPMENT = 'redated';

/**
 * A shipment moved to the date its channel reports, without rewriting the ledger (docs/decisions.md 53):
 * a shipment line of +q at the recorded instant, which takes its units back out of that day's sales, and
 * one of −q at the reported instant. The balance and the FIFO layers do not change (the pair sums to
 * zero and carries the original shipment's cost and price); every sum of shipments by day moves the units.
 */
export function planShipmentRedate(units: number): { from: StockDeltas; to: StockDeltas } {
  requirePositiveInteger(units);
  return { from: { ...zero, onHand: units }, to: { ...zero, onHand: -units } };
}
