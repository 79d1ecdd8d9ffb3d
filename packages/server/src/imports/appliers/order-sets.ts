import type { StagedRow } from '@stockwise/db/imports/imports.repository';
import { ordersRepository } from '@stockwise/db/sales/orders.repository';
import type { HistoryOrder } from '../../sales/history-intake';
import { intakeHistory } from '../../sales/history-intake';
import type { RejectedRow } from '../import-result';
import type { ApplyContext } from './apply-context';
import { inBatchOrOneByOne, rowFailure, stagedGroups } from './apply-context';
import type { FileOrder } from './order-replay';
import { replayOrders, takeGroup } from './order-replay';

type Totals = Record<'ordersCreated' | 'ordersExisting' | 'ordersShipped' | 'ordersCancelled', number>;

/**
 * Order history files, a chunk at a time and set-based: the chunk's new orders are decided together on
 * the locked stock and written in a few statements (intakeHistory), with the same result as replayOrders
 * taking them one by one. Orders that exist already go one by one (their lines are checked against the
 * file's); if the set fails on a row's data (stock that a backordered SKU does not have, an order created
 * meanwhile, a refusal without skipInvalid) it is undone and the chunk's new orders go one by one too,
 * so the line at fault is named exactly as before.
 */
export async function replayOrdersInSets(
  ctx: ApplyContext,
  orderOf: (first: Record<string, unknown>) => FileOrder,
): Promise<Record<string, unknown>> {
  const groups: StagedRow[][] = [];
  for await (const group of ctx.groups ?? stagedGroups(ctx.sql, ctx.importId)) groups.push(group);
  const who = groups.map((g) => orderOf(g[0]?.data ?? {}).intake);
  const known = await ordersRepository.existingExternal(ctx.sql, ctx.actor.accountId, who);
  const seen = new Set<string>();
  const fresh: StagedRow[][] = [];
  const existing: StagedRow[][] = [];
  groups.forEach((g, i) => {
    const key = `${who[i]!.channel}\u0000${who[i]!.externalId}`;
    (known.has(key) || seen.has(key) ? existing : fresh).push(g);
    seen.add(key);
  });
  let totals: Totals = { ordersCreated: 0, ordersExisting: 0, ordersShipped: 0, ordersCancelled: 0 };
  let deferred: RejectedRow[] = [];
  await inBatchOrOneByOne(
    ctx,
    async () => {
      const set = await applyNewOrders(ctx, fresh, orderOf);
      totals = set.totals;
      deferred = set.rejects;
    },
    async () => {
      deferred = [];
      totals = (await replayOrders({ ...ctx, groups: iterate(fresh) }, orderOf)) as Totals;
    },
  );
  for (const r of deferred) ctx.reject(r);
  const rest = (await replayOrders({ ...ctx, groups: iterate(existing) }, orderOf)) as Totals;
  return {
    ordersCreated: totals.ordersCreated + rest.ordersCreated,
    ordersExisting: totals.ordersExisting + rest.ordersExisting,
    ordersShipped: totals.ordersShipped + rest.ordersShipped,
    ordersCancelled: totals.ordersCancelled + rest.ordersCancelled,
  };
}

/** The chunk's new orders in one set; rejects are returned (reported once the set has held), not reported. */
async function applyNewOrders(
  ctx: ApplyContext,
  groups: readonly StagedRow[][],
  orderOf: (first: Record<string, unknown>) => FileOrder,
): Promise<{ totals: Totals; rejects: RejectedRow[] }> {
  const rejects: RejectedRow[] = [];
  const orders: (HistoryOrder & { lines: number[] })[] = [];
  for (const group of groups) {
    const taken = takeGroup({ reject: (r) => rejects.push(r) }, group, orderOf);
    if (!taken || taken.intake.lines.length === 0) continue;
    orders.push({
      intake: taken.intake,
      disposition: taken.order.disposition,
      shippedAt: taken.order.shippedAt,
      lines: group.map((r) => r.lineNo),
    });
  }
  const totals: Totals = { ordersCreated: 0, ordersExisting: 0, ordersShipped: 0, ordersCancelled: 0 };
  if (orders.length === 0) return { totals, rejects };
  const outcomes = await intakeHistory(ctx.sql, ctx.services.ledger, ctx.actor, orders);
  outcomes.forEach((outcome, i) => {
    const order = orders[i]!;
    if (outcome.kind === 'refused') {
      // Without skipInvalid a refusal refuses the file: thrown, so the chunk goes one by one and names it.
      const failure = rowFailure(outcome.error);
      if (!ctx.skipInvalid || !failure) throw outcome.error;
      for (const line of order.lines) rejects.push({ line, field: failure.field, message: failure.message });
      return;
    }
    totals.ordersCreated += 1;
    if (order.disposition === 'ship') totals.ordersShipped += 1;
    if (order.disposition === 'cancel') totals.ordersCancelled += 1;
  });
  return { totals, rejects };
}

/** The groups as the appliers take them (an async iterable). */
export function iterate(groups: readonly StagedRow[][]): AsyncIterable<StagedRow[]> {
  return {
    [Symbol.asyncIterator]: () => {
      let i = 0;
      return {
        next: () =>
          Promise.resolve(
            i < groups.length ? { done: false, value: groups[i++]! } : { done: true, value: undefined },
          ),
      };
    },
  };
}
