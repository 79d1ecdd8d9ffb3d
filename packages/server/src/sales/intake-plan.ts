import { DomainError } from '@stockwise/domain/errors';
import type { Allocation } from '@stockwise/domain/sales/allocation';
import { allocateOrder, splitOverLines, sumDemands } from '@stockwise/domain/sales/allocation';
import type { OrderIntake } from '@stockwise/domain/sales/intake';
import type { OrderChannel, OrderStatus } from '@stockwise/domain/sales/order-state';
import type {
  AllocationLocation,
  LineInsert,
  LockedStock,
  OrderIntakeRows,
} from '@stockwise/db/sales/order-intake.repository';
import type { OrderDto } from './orders.schema';

export interface IntakeOptions {
  /** 'reject' (API): an unknown SKU refuses the order; 'unmap' (channel intake): such lines are kept aside. */
  unknownSkus?: 'reject' | 'unmap';
  /** Records an order that was cancelled before it reached Stockwise (history imports): lines, no reservation. */
  reserveNothing?: boolean;
  /**
   * 'reject' (API): short stock refuses the order with INSUFFICIENT_STOCK. 'pending' (channel intake: the
   * customer has already bought it there): the order is kept as pending, nothing reserved, until it is
   * reserved later or cancelled.
   */
  shortStock?: 'reject' | 'pending';
}

/** A line to reserve: its SKU, number and open units. */
export interface ReserveLine {
  sku: string;
  lineNo: number;
  productId: number;
  quantity: number;
  allowBackorder: boolean;
}

/** Where each line's units were reserved (one part per line and location) and the ledger's view of it. */
export interface Reservation {
  allocations: Allocation[];
  parts: { lineNo: number; locationId: number; reserved: number }[];
  backordered: boolean;
  byLine: Map<number, OrderDto['lines'][number]['allocations']>;
}

export type IntakePlan =
  | { kind: 'replay' }
  | { kind: 'refused'; orderId: number; error: DomainError }
  | {
      kind: 'accepted';
      orderId: number;
      channel: OrderChannel;
      createdAt: Date;
      status: OrderStatus;
      lines: (LineInsert & { sku: string; allowBackorder: boolean })[];
      reservation: Reservation | null;
      unmapped: unknown[];
    };

/** Location types an order of this channel draws from first, before the rest. */
const TYPE_PREFERENCE: Record<OrderChannel, readonly AllocationLocation['type'][]> = {
  amazon: ['amazon_fba', 'warehouse', '3pl'],
  shopify: ['warehouse', '3pl', 'amazon_fba'],
  manual: ['warehouse', '3pl', 'amazon_fba'],
  other: ['warehouse', '3pl', 'amazon_fba'],
};

/**
 * Allocates one order's lines over the stock it can see: the channel's configured locations first,
 * then by location type for the channel. Short stock throws INSUFFICIENT_STOCK naming every short SKU.
 */
export function planReservation(input: {
  channel: OrderChannel;
  lines: readonly ReserveLine[];
  locations: OrderIntakeRows['locations'];
  stock: readonly LockedStock[];
}): Reservation {
  const { channel, lines, locations } = input;
  const demands = sumDemands(lines);
  const types = TYPE_PREFERENCE[channel];
  const configured = (l: OrderIntakeRows['locations'][number]) => Number(l.channels.includes(channel));
  const preferred = [...locations]
    .sort(
      (a, b) => configured(b) - configured(a) || types.indexOf(a.type) - types.indexOf(b.type) || a.id - b.id,
    )
    .map((l) => l.id);
  const plan = allocateOrder({
    demands,
    stock: input.stock,
    preferred,
    fallbackLocationId: locations[0]?.id ?? null,
  });
  if (plan.short.length > 0) {
    throw new DomainError(
      'INSUFFICIENT_STOCK',
      `not enough stock for ${plan.short.map((s) => `${s.sku} (${s.requested} ordered, ${s.available} available)`).join(', ')}`,
      {
        field: 'lines',
        details: { skus: plan.short.map((s) => s.sku), shortages: plan.short },
      },
    );
  }
  const codeOf = new Map(locations.map((l) => [l.id, l.code]));
  const parts = splitOverLines(lines, plan.allocations)
    .flat()
    .map((p) => ({ lineNo: p.line.lineNo, locationId: p.locationId, reserved: p.quantity }));
  const byLine = new Map<number, { location: string; reserved: number; shipped: number }[]>();
  for (const p of parts) {
    const list = byLine.get(p.lineNo) ?? [];
    const code = codeOf.get(p.locationId)!;
    const same = list.find((a) => a.location === code);
    if (same) same.reserved += p.reserved;
    else list.push({ location: code, reserved: p.reserved, shipped: 0 });
    byLine.set(p.lineNo, list);
  }
  return { allocations: plan.allocations, parts, backordered: plan.backordered > 0, byLine };
}

/**
 * Decides, order by order, what intake does with each order of a batch: a replay of an order that
 * exists, a refusal (unknown SKU, short stock), or an acceptance with its lines and reservation. The
 * orders draw on one shared view of the locked stock, in the order they arrived, so two orders in one
 * batch never sell the same unit.
 */
export function planIntake(input: {
  intakes: readonly OrderIntake[];
  rows: OrderIntakeRows;
  options: IntakeOptions;
}): IntakePlan[] {
  const { intakes, rows, options } = input;
  const products = new Map(rows.products.map((p) => [p.sku, p]));
  const stock = new Map(rows.stock.map((s) => [`${s.productId}:${s.locationId}`, { ...s }]));
  return intakes.map((intake, index): IntakePlan => {
    const inserted = rows.orders[index];
    if (!inserted) return { kind: 'replay' };
    const orderId = inserted.id;
    const unmapped = [...intake.unmapped];
    const known: typeof intake.lines = [];
    for (const [i, line] of intake.lines.entries()) {
      if (products.has(line.sku)) known.push(line);
      else if (options.unknownSkus === 'unmap') unmapped.push({ reason: 'unknown SKU', ...line });
      else {
        const missing = [...new Set(intake.lines.map((l) => l.sku))].filter((s) => !products.has(s));
        return {
          kind: 'refused',
          orderId,
          error: new DomainError('UNKNOWN_SKU', `unknown SKU ${line.sku}`, {
            field: `lines.${i}.sku`,
            details: { skus: missing },
          }),
        };
      }
    }
    const lines = known.map((l, i) => {
      const product = products.get(l.sku)!;
      return {
        orderId,
        lineNo: i + 1,
        sku: l.sku,
        productId: product.id,
        allowBackorder: product.allowBackorder,
        externalLineId: l.externalLineId,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        cancelled: options.reserveNothing === true,
      };
    });
    const accepted = {
      kind: 'accepted' as const,
      orderId,
      channel: intake.channel,
      createdAt: inserted.createdAt,
      lines,
      unmapped,
    };
    if (options.reserveNothing) return { ...accepted, status: 'cancelled', reservation: null };
    if (lines.length === 0) return { ...accepted, status: 'pending', reservation: null };
    let reservation: Reservation;
    try {
      reservation = planReservation({
        channel: intake.channel,
        lines,
        locations: rows.locations,
        stock: [...stock.values()],
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (options.shortStock === 'pending') return { ...accepted, status: 'pending', reservation: null };
      return { kind: 'refused', orderId, error };
    }
    for (const a of reservation.allocations) {
      const held = stock.get(`${a.productId}:${a.locationId}`);
      if (held) held.available -= a.quantity;
    }
    return { ...accepted, status: 'reserved', reservation };
  });
}
