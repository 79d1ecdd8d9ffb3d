import { DomainError } from '@stockwise/domain/errors';
import { takeFromLines } from '@stockwise/domain/sales/order-state';
import type { Sql } from '@stockwise/db/database';
import type { OrderWithLines } from '@stockwise/db/sales/orders.repository';
import { ordersRepository } from '@stockwise/db/sales/orders.repository';
import type { LedgerEntry } from '../ledger/ledger.service';
import type { OrderReturn } from './orders.schema';

type OrderLine = OrderWithLines['lines'][number];

/**
 * Takes `units` off a line's reservations, in allocation order or (lastFirst) from the last one, and
 * writes each change; returns the units taken per location and what no reservation covered.
 */
async function takeFromAllocations(
  sql: Sql,
  line: OrderLine,
  units: number,
  q: { lastFirst: boolean; shipped: boolean },
): Promise<{ taken: { location: string; quantity: number }[]; rest: number }> {
  let rest = units;
  const taken: { location: string; quantity: number }[] = [];
  for (const a of q.lastFirst ? [...line.allocations].reverse() : line.allocations) {
    const n = Math.min(rest, a.reserved);
    if (n === 0) continue;
    rest -= n;
    await ordersRepository.addAllocation(sql, a.id, { reserved: -n, shipped: q.shipped ? n : 0 });
    taken.push({ location: a.location, quantity: n });
  }
  return { taken, rest };
}

/** Ships the units `take` names per line from where they are reserved; returns the shipment movements. */
export async function shipLines(
  sql: Sql,
  order: OrderWithLines,
  q: { take: ReadonlyMap<number, number>; occurredAt: Date },
): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  for (const line of order.lines) {
    const units = q.take.get(line.lineNo) ?? 0;
    if (units === 0) continue;
    await ordersRepository.addLineProgress(sql, line.id, { shipped: units });
    const { taken, rest } = await takeFromAllocations(sql, line, units, { lastFirst: false, shipped: true });
    for (const t of taken)
      entries.push({
        sku: line.sku,
        location: t.location,
        request: { type: 'shipment', quantity: t.quantity, fromReserved: true },
        unitPrice: line.unitPrice,
        channel: order.channel,
        referenceType: 'order',
        referenceId: String(order.id),
        occurredAt: q.occurredAt,
      });
    if (rest > 0) throw new Error(`order ${order.id} line ${line.lineNo}: open units without a reservation`);
  }
  return entries;
}

/** Cancels the units `take` names per line and releases their reservations; returns the release movements. */
export async function cancelLines(
  sql: Sql,
  order: OrderWithLines,
  take: ReadonlyMap<number, number>,
): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  for (const line of order.lines) {
    const units = take.get(line.lineNo) ?? 0;
    if (units === 0) continue;
    await ordersRepository.addLineProgress(sql, line.id, { cancelled: units });
    // Release the last allocations first, so the preferred location keeps its reservation longest.
    const { taken } = await takeFromAllocations(sql, line, units, { lastFirst: true, shipped: false });
    for (const t of taken)
      entries.push({
        sku: line.sku,
        location: t.location,
        request: { type: 'reservation', quantity: -t.quantity },
        channel: order.channel,
        referenceType: 'order',
        referenceId: String(order.id),
      });
  }
  return entries;
}

/** Takes shipped units back per returned SKU; returns the return movements. */
export async function returnLines(
  sql: Sql,
  order: OrderWithLines,
  input: OrderReturn,
): Promise<LedgerEntry[]> {
  const returnable = order.lines.map((l) => ({
    lineNo: l.lineNo,
    sku: l.sku,
    open: l.quantityShipped - l.quantityReturned,
  }));
  const entries: LedgerEntry[] = [];
  const occurredAt = input.returnedAt ? new Date(input.returnedAt) : new Date();
  for (const [i, r] of input.lines.entries()) {
    let take: Map<number, number>;
    try {
      take = takeFromLines(returnable, [{ sku: r.sku, quantity: r.quantity }], 'return');
    } catch (error) {
      if (error instanceof DomainError)
        throw new DomainError(error.code, error.message, {
          field: `lines.${i}.${error.field?.split('.').pop() ?? 'quantity'}`,
        });
      throw error;
    }
    for (const [lineNo, n] of take) {
      const line = order.lines.find((l) => l.lineNo === lineNo);
      const left = returnable.find((l) => l.lineNo === lineNo);
      if (!line || !left) throw new Error(`order ${order.id} has no line ${lineNo}`);
      left.open -= n;
      await ordersRepository.addLineProgress(sql, line.id, { returned: n });
      const location =
        r.location ?? line.allocations.find((a) => a.shipped > 0)?.location ?? line.allocations[0]?.location;
      if (!location)
        throw new DomainError('VALIDATION_FAILED', 'say where the return comes back to', {
          field: `lines.${i}.location`,
        });
      entries.push({
        sku: line.sku,
        location,
        request: { type: 'return', quantity: n, condition: r.condition },
        channel: order.channel,
        referenceType: 'order',
        referenceId: String(order.id),
        occurredAt,
      });
    }
  }
  return entries;
}
