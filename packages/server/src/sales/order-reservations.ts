import type { Allocation } from '@stockwise/domain/sales/allocation';
import type { OrderChannel } from '@stockwise/domain/sales/order-state';
import type { OrderIntakeRows } from '@stockwise/db/sales/order-intake.repository';
import type { Actor } from '../accounts/actor';
import type { LedgerService, LockedEntry } from '../ledger/ledger.service';
import type { ReserveLine } from './intake-plan';

/**
 * One ledger batch for the reservations of these orders, on the balance rows the caller locked
 * (postLocked); a backordered rest may land where no balance row exists yet, and the general path
 * creates and locks it.
 */
export async function postReservations(
  ledger: LedgerService,
  actor: Actor,
  orders: readonly {
    orderId: number;
    channel: OrderChannel;
    lines: readonly Pick<ReserveLine, 'productId' | 'sku' | 'allowBackorder'>[];
    allocations: readonly Allocation[];
  }[],
  locked: Pick<OrderIntakeRows, 'locations' | 'stock'>,
): Promise<void> {
  const codeOf = new Map(locked.locations.map((l) => [l.id, l.code]));
  const entries: LockedEntry[] = orders.flatMap((o) =>
    o.allocations.map((a) => {
      const line = o.lines.find((l) => l.productId === a.productId)!;
      return {
        sku: line.sku,
        location: codeOf.get(a.locationId)!,
        item: { productId: a.productId, locationId: a.locationId },
        allowBackorder: line.allowBackorder,
        request: { type: 'reservation', quantity: a.quantity },
        referenceType: 'order',
        referenceId: String(o.orderId),
        channel: o.channel,
      };
    }),
  );
  if (entries.length === 0) return;
  const lockedRows = new Set(locked.stock.map((s) => `${s.productId}:${s.locationId}`));
  const allLocked = entries.every((e) => lockedRows.has(`${e.item.productId}:${e.item.locationId}`));
  await (allLocked
    ? ledger.postLocked(actor, entries, { kind: 'order.reserve', fieldPrefix: 'lines' })
    : ledger.post(actor, entries, { kind: 'order.reserve', fieldPrefix: 'lines' }));
}
