import type { OrderIntake } from '@stockwise/domain/sales/intake';
import type { OrderStatus } from '@stockwise/domain/sales/order-state';
import { deriveStatus } from '@stockwise/domain/sales/order-state';
import type { Sql } from '@stockwise/db/database';
import { auditRepository } from '@stockwise/db/accounts/audit.repository';
import type { OrderIntakeRows } from '@stockwise/db/sales/order-intake.repository';
import { orderIntakeRepository } from '@stockwise/db/sales/order-intake.repository';
import { ordersRepository } from '@stockwise/db/sales/orders.repository';
import type { Actor } from '../accounts/actor';
import { auditActor } from '../accounts/actor';
import type { LedgerService } from '../ledger/ledger.service';
import type { IntakePlan } from './intake-plan';
import type { CreateResult } from './order-dto';
import { acceptedOrderDto } from './order-dto';
import { postReservations } from './order-reservations';

/** A line as shipping all of it leaves it. */
export const shippedWhole = <L extends { quantity: number }>(l: L) => ({
  ...l,
  quantityShipped: l.quantity,
  quantityCancelled: 0,
});

/**
 * Writes what planIntake decided for orders that insertAndLockStock inserted (`inserted[i]` is the status
 * order i was inserted with): one ledger batch for every reservation, the lines and their allocations in
 * one statement, the outcome of orders that ended otherwise, refused orders removed, and one audit entry
 * per created order. Returns the created orders' answers by index. The orders of `shipNow` (a history
 * file's shipped orders, whose planned units the caller ships from available stock in this transaction)
 * post no reservation, and get their lines, allocations and status written as shipped (`inserted` says
 * `shipped` for them): the rows a ship would leave, without a reservation released at once nor a second
 * write of each row.
 */
export async function writeIntake(
  sql: Sql,
  ledger: LedgerService,
  actor: Actor,
  q: {
    intakes: readonly OrderIntake[];
    plans: readonly IntakePlan[];
    rows: OrderIntakeRows;
    inserted: readonly OrderStatus[];
    shipNow?: ReadonlySet<number> | undefined;
  },
): Promise<Map<number, CreateResult>> {
  const { intakes, plans, rows } = q;
  const accepted = plans.flatMap((p) => (p.kind === 'accepted' ? [p] : []));
  const shipped = (p: (typeof accepted)[number]) => q.shipNow?.has(p.orderId) ?? false;
  // An order shipped now reserves nothing: its shipments leave available stock directly.
  await postReservations(
    ledger,
    actor,
    accepted
      .filter((p) => !shipped(p))
      .map((p) => ({
        orderId: p.orderId,
        channel: p.channel,
        lines: p.lines,
        allocations: p.reservation?.allocations ?? [],
      })),
    rows,
  );
  if (accepted.length > 0) {
    const parts = (p: (typeof accepted)[number]) => p.reservation?.parts ?? [];
    await orderIntakeRepository.insertLinesWithAllocations(
      sql,
      actor.accountId,
      accepted.flatMap((p) =>
        p.lines.map((l) => ({
          ...l,
          quantityShipped: shipped(p)
            ? parts(p).reduce((sum, x) => sum + (x.lineNo === l.lineNo ? x.reserved : 0), 0)
            : 0,
        })),
      ),
      accepted.flatMap((p) => parts(p).map((part) => ({ orderId: p.orderId, ...part, shipped: shipped(p) }))),
    );
  }
  const created = new Map<number, CreateResult>();
  for (const [i, p] of plans.entries()) {
    if (p.kind !== 'accepted') continue;
    // An order shipped now ends as its lines shipped whole make it (the caller inserts it so).
    const status = shipped(p) ? deriveStatus(p.lines.map(shippedWhole)) : p.status;
    if (status !== q.inserted[i] || p.unmapped.length !== intakes[i]!.unmapped.length)
      await orderIntakeRepository.setIntakeOutcome(sql, actor.accountId, p.orderId, {
        status,
        unmapped: p.unmapped,
      });
    if (p.reservation?.backordered)
      await ordersRepository.setBackordered(sql, actor.accountId, p.orderId, true);
    created.set(i, acceptedOrderDto(p, intakes[i]!));
  }
  await orderIntakeRepository.deleteRefused(
    sql,
    actor.accountId,
    plans.flatMap((p) => (p.kind === 'refused' ? [p.orderId] : [])),
  );
  if (created.size > 0) {
    await auditRepository.recordMany(
      sql,
      [...created.values()].map((dto) => ({
        ...auditActor(actor),
        action: 'order.create',
        entityType: 'order',
        entityId: String(dto.id),
        before: null,
        after: {
          channel: dto.channel,
          externalId: dto.externalId,
          status: dto.status,
          lines: dto.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice })),
        },
      })),
    );
  }
  return created;
}
