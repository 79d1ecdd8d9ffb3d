import { DomainError } from '@stockwise/domain/errors';
import type { Allocation } from '@stockwise/domain/sales/allocation';
import { allocateOrder, splitOverLines, sumDemands } from '@stockwise/domain/sales/allocation';
import type { OrderIntake } from '@stockwise/domain/sales/intake';
import type { OrderChannel, OrderStatus } from '@stockwise/domain/sales/order-state';
import type { Fulfilment } from '@stockwise/domain/sales/order-sources';
import { orderSources } from '@stockwise/domain/sales/order-sources';
import type { LineInsert, LockedStock, OrderIntakeRows } from '@stockwise/db/sales/order-intake.repository';
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

/**
 * Allocates one order's lines over the stock it can see, only at the locations it may draw from, best
 * first (orderSources: by who fulfils it and its marketplace, the channel's configured locations, the
 * channel's type preference). Short stock throws INSUFFICIENT_STOCK naming every short SKU.
 */
export function planReservation(input: {
  channel: OrderChannel;
  fulfilment?: Fulfilment | null | undefined;
  marketplace?: string | null | undefined;
  lines: readonly ReserveLine[];
  locations: OrderIntakeRows['locations'];
  stock: readonly LockedStock[];
}): Reservation {
  const { lines, locations } = input;
  const demands = sumDemands(lines);
  const preferred = orderSources(input, locations);
  if (preferred.length === 0 && locations.length > 0) throw noSourceLocation(input);
  const allowed = new Set(preferred);
  const plan = allocateOrder({
    demands,
    stock: input.stock.filter((s) => allowed.has(s.locationId)),
    preferred,
    fallbackLocationId: preferred[0] ?? null,
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
 * An order with no location it may draw from (Amazon fulfils it, and no active Amazon location is of its
 * marketplace): a later sync cannot cure that, so it is refused by name rather than waited for.
 */
export function noSourceLocation(order: {
  channel: OrderChannel;
  marketplace?: string | null | undefined;
}): DomainError {
  const where = order.marketplace ? ` of marketplace ${order.marketplace}` : '';
  return new DomainError(
    'UNKNOWN_LOCATION',
    `a ${order.channel} order fulfilled by Amazon draws only from an active amazon_fba location${where}, and there is none: add one (its marketplace set)`,
    { field: 'location' },
  );
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
        fulfilment: intake.fulfilment,
        marketplace: intake.marketplace,
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
