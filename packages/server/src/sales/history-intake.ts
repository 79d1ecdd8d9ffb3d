import { DomainError } from '@stockwise/domain/errors';
import type { OrderIntake } from '@stockwise/domain/sales/intake';
import type { OrderStatus } from '@stockwise/domain/sales/order-state';
import { deriveStatus } from '@stockwise/domain/sales/order-state';
import { orderSources, shippedBeforeStockKnown } from '@stockwise/domain/sales/order-sources';
import type { Sql } from '@stockwise/db/database';
import { auditRepository } from '@stockwise/db/accounts/audit.repository';
import type { OrderIntakeRows } from '@stockwise/db/sales/order-intake.repository';
import { orderIntakeRepository } from '@stockwise/db/sales/order-intake.repository';
import { salesHistoryRepository } from '@stockwise/db/sales/sales-history.repository';
import type { Actor } from '../accounts/actor';
import { auditActor } from '../accounts/actor';
import type { LedgerService, LockedEntry } from '../ledger/ledger.service';
import type { IntakeOptions, IntakePlan } from './intake-plan';
import { noSourceLocation, planIntake } from './intake-plan';
import { shippedWhole, writeIntake } from './intake-write';

/** An order of a history file that is not in Stockwise yet, and what happened to it on its channel. */
export interface HistoryOrder {
  intake: OrderIntake;
  disposition: 'reserve' | 'ship' | 'cancel';
  /** When a shipped order left: its shipment movements carry this date. */
  shippedAt: Date;
}

export type HistoryOutcome = { kind: 'created' } | { kind: 'refused'; error: DomainError };

/** How each disposition is taken in: as a channel's own order (reserve, ship) or recorded cancelled. */
const OPTIONS: Record<HistoryOrder['disposition'], IntakeOptions> = {
  reserve: { unknownSkus: 'unmap', shortStock: 'pending' },
  ship: { unknownSkus: 'unmap', shortStock: 'pending' },
  cancel: { reserveNothing: true },
};

/** A channel's order that shipped there while the stock here cannot cover it: refused, naming its SKUs. */
export function shippedButShort(
  intake: Pick<OrderIntake, 'channel' | 'externalId'>,
  skus: readonly string[],
) {
  return new DomainError(
    'INSUFFICIENT_STOCK',
    `${intake.channel} order ${intake.externalId} was shipped there, but the stock here cannot cover it (${skus.join(', ')}): receive or count the stock first`,
    { field: 'lines', details: { skus: [...skus] } },
  );
}

/**
 * The set-based intake of a history file's new orders (one committed chunk of them): inserted together,
 * each decided in file order on one view of the locked stock by the rules of channel intake (planIntake:
 * a short order stays pending, a shipped one that stock cannot cover is refused), written with one
 * ledger batch of reservations for the orders left open, then the shipped ones shipped from available
 * stock at their dates with one batch of shipments (FIFO per movement in file order): a shipped order
 * reserves nothing only to release it. The same balances, shipments and layers as reserving and then
 * shipping each order, in a few statements; the per-order path takes a new order through here alone.
 * An order that exists already throws CONFLICT: the caller takes those one by one.
 */
export async function intakeHistory(
  sql: Sql,
  ledger: LedgerService,
  actor: Actor,
  orders: readonly HistoryOrder[],
): Promise<HistoryOutcome[]> {
  const intakes = orders.map((o) => o.intake);
  // A shipped order is inserted as shipping its lines whole leaves it (writeIntake corrects one refused
  // or ending otherwise): no second write of its status.
  const inserted: OrderStatus[] = orders.map((o) =>
    o.disposition === 'cancel'
      ? 'cancelled'
      : o.disposition === 'ship'
        ? deriveStatus(o.intake.lines.map(shippedWhole))
        : 'reserved',
  );
  const now = new Date();
  const rows = await orderIntakeRepository.insertAndLockStock(
    sql,
    actor.accountId,
    intakes.map((i, n) => ({
      channel: i.channel,
      externalId: i.externalId,
      status: inserted[n]!,
      orderedAt: i.orderedAt ?? now,
      currency: i.currency,
      unmapped: i.unmapped,
      fulfilment: i.fulfilment ?? null,
      marketplace: i.marketplace ?? null,
    })),
    [...new Set(intakes.flatMap((i) => i.lines.map((l) => l.sku)))],
  );
  if (rows.orders.some((o) => o === undefined))
    throw new DomainError('CONFLICT', 'an order of this chunk was created meanwhile: taken one by one');
  const { plans, demandAt } = planEach(orders, rows);
  const shipped = plans.flatMap((p, i) =>
    p.kind === 'accepted' && orders[i]!.disposition === 'ship' && p.reservation ? [{ p, i }] : [],
  );
  // The shipped orders' lines and allocations are written shipped at once (shipAll posts the shipments):
  // updating every line and allocation again was a sixth of a chunk's time (docs/architecture.md "Imports").
  const shipNow = new Set(shipped.map(({ p }) => p.orderId));
  await writeIntake(sql, ledger, actor, { intakes, plans, rows, inserted, shipNow });
  // Shipped before Amazon's figures here were read: demand on the ship day, no movement (decision 47).
  await salesHistoryRepository.addOrderDemand(
    sql,
    actor.accountId,
    shipped.flatMap(({ p, i }) =>
      demandAt.has(i)
        ? p.lines.map((l) => ({
            orderId: p.orderId,
            channel: p.channel,
            productId: l.productId,
            locationId: demandAt.get(i)!,
            shippedAt: orders[i]!.shippedAt,
            units: l.quantity,
            unitPrice: l.unitPrice,
          }))
        : [],
    ),
  );
  await shipAll(sql, ledger, actor, {
    shipped: shipped.filter(({ i }) => !demandAt.has(i)),
    orders,
    rows,
  });
  return plans.map((p): HistoryOutcome => {
    if (p.kind === 'refused') return { kind: 'refused', error: p.error };
    return { kind: 'created' };
  });
}

/** How an order of a history chunk is decided: recorded cancelled, demand only, or through the ledger. */
type PlanGroup = 'cancel' | 'demand' | 'ledger';

/** Stock no history order runs short of: an order that moves no stock is planned at its location whole. */
const UNBOUNDED = 1_000_000_000;

/**
 * planIntake per group (a cancelled order reserves nothing, an order Amazon shipped before its stock here
 * was known moves none: deciding them apart changes no other order's stock), back in file order; a
 * shipped order left pending is refused, and one with no location it may draw from is refused by name.
 * `demandAt[i]` is the location a demand-only order is recorded at (docs/decisions.md 47).
 */
function planEach(
  orders: readonly HistoryOrder[],
  rows: OrderIntakeRows,
): { plans: IntakePlan[]; demandAt: Map<number, number> } {
  const plans: IntakePlan[] = new Array<IntakePlan>(orders.length);
  const demandAt = new Map<number, number>();
  const groupOf = orders.map((o, i): PlanGroup => {
    if (o.disposition === 'cancel') return 'cancel';
    if (o.disposition !== 'ship') return 'ledger';
    const at = shippedBeforeStockKnown({ ...o.intake, shippedAt: o.shippedAt }, rows.locations);
    if (at === null) return 'ledger';
    demandAt.set(i, at);
    return 'demand';
  });
  const demandStock = [...new Set(demandAt.values())].flatMap((locationId) =>
    rows.products.map((p) => ({ productId: p.id, locationId, available: UNBOUNDED })),
  );
  for (const group of ['cancel', 'demand', 'ledger'] as const) {
    const index = orders.flatMap((_, i) => (groupOf[i] === group ? [i] : []));
    if (index.length === 0) continue;
    const decided = planIntake({
      intakes: index.map((i) => orders[i]!.intake),
      rows: {
        ...rows,
        orders: index.map((i) => rows.orders[i]),
        ...(group === 'demand' ? { stock: demandStock } : {}),
      },
      options: group === 'cancel' ? OPTIONS.cancel : OPTIONS.reserve,
    });
    decided.forEach((p, n) => {
      const i = index[n]!;
      const o = orders[i]!;
      const short = p.kind === 'accepted' && o.disposition === 'ship' && p.status === 'pending';
      plans[i] =
        short && p.lines.length > 0
          ? {
              kind: 'refused',
              orderId: p.orderId,
              error:
                orderSources(o.intake, rows.locations).length === 0 && rows.locations.length > 0
                  ? noSourceLocation(o.intake)
                  : shippedButShort(o.intake, [...new Set(p.lines.map((l) => l.sku))]),
            }
          : p;
    });
  }
  return { plans, demandAt };
}

/**
 * Ships every planned unit of these new orders from the available stock where it was planned, at each
 * order's shipping date: the ledger's shipments (no reservation was made for them, so none is released)
 * and the orders' audit (their status, lines and allocations were written shipped by writeIntake).
 */
async function shipAll(
  sql: Sql,
  ledger: LedgerService,
  actor: Actor,
  q: {
    shipped: { p: Extract<IntakePlan, { kind: 'accepted' }>; i: number }[];
    orders: readonly HistoryOrder[];
    rows: OrderIntakeRows;
  },
): Promise<void> {
  const codeOf = new Map(q.rows.locations.map((l) => [l.id, l.code]));
  const entries: LockedEntry[] = [];
  for (const { p, i } of q.shipped) {
    for (const line of p.lines) {
      for (const part of p.reservation?.parts.filter((x) => x.lineNo === line.lineNo) ?? []) {
        entries.push({
          sku: line.sku,
          location: codeOf.get(part.locationId)!,
          item: { productId: line.productId, locationId: part.locationId },
          allowBackorder: line.allowBackorder,
          request: { type: 'shipment', quantity: part.reserved },
          unitPrice: line.unitPrice,
          channel: p.channel,
          referenceType: 'order',
          referenceId: String(p.orderId),
          occurredAt: q.orders[i]!.shippedAt,
        });
      }
    }
  }
  if (entries.length === 0) return;
  await ledger.postConsuming(actor, entries, { kind: 'order.ship', fieldPrefix: 'lines' });
  const after = q.shipped.map(({ p }) => ({ p, lines: p.lines.map(shippedWhole) }));
  await auditRepository.recordMany(
    sql,
    after.map(({ p, lines }) => ({
      ...auditActor(actor),
      action: 'order.ship',
      entityType: 'order',
      entityId: String(p.orderId),
      before: { status: p.status },
      after: {
        status: deriveStatus(lines),
        lines: lines.map((l) => ({ sku: l.sku, shipped: l.quantityShipped, cancelled: 0, returned: 0 })),
      },
    })),
  );
}
