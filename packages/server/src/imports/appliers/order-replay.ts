import type { AmazonDisposition } from '@stockwise/domain/channels/amazon/amazon-payloads';
import type { IntakeLine, OrderIntake } from '@stockwise/domain/sales/intake';
import { DomainError } from '@stockwise/domain/errors';
import type { StagedRow } from '@stockwise/db/imports/imports.repository';
import type { ApplyContext } from './apply-context';
import { attempt, stagedGroups } from './apply-context';

/** One order as a file states it: who it is, and what happened to it on the channel. */
export interface FileOrder {
  /** Who fulfils it and where it was sold, when the file says: where its units may come from. */
  intake: Pick<OrderIntake, 'channel' | 'externalId' | 'orderedAt' | 'fulfilment' | 'marketplace'>;
  disposition: AmazonDisposition;
  /** When a shipped order left (default: when it was ordered); its shipment movements carry this date. */
  shippedAt?: Date | undefined;
}

interface Outcome {
  created: number;
  existing: number;
  shipped: number;
  cancelled: number;
}

/**
 * Order history files: one order per key, reserved, then shipped or cancelled as the file says, through
 * the same path as a channel's own orders (idempotent per channel and external id); a new shipped order
 * ships from available stock without a reservation (ChannelsService.ingest, OrdersService.createShipped).
 */
export async function replayOrders(
  ctx: ApplyContext,
  orderOf: (first: Record<string, unknown>) => FileOrder,
): Promise<Record<string, unknown>> {
  const totals: Outcome = { created: 0, existing: 0, shipped: 0, cancelled: 0 };
  for await (const group of ctx.groups ?? stagedGroups(ctx.sql, ctx.importId)) {
    const taken = takeGroup(ctx, group, orderOf);
    if (!taken) {
      ctx.progress(group.length);
      continue;
    }
    const { who, disposition, shippedAt } = taken.order;
    const lines = intakeLines(await newLinesRefused(ctx, who, taken.stocked));
    const intake: OrderIntake = { ...taken.intake, lines };
    if (lines.length === 0) {
      ctx.progress(group.length);
      continue;
    }
    let outcome: Outcome = { created: 0, existing: 0, shipped: 0, cancelled: 0 };
    await attempt(
      ctx,
      group.map((r) => r.lineNo),
      async () => {
        outcome = await replayOne(ctx, intake, { disposition, shippedAt });
      },
    );
    totals.created += outcome.created;
    totals.existing += outcome.existing;
    totals.shipped += outcome.shipped;
    totals.cancelled += outcome.cancelled;
    ctx.progress(group.length);
  }
  return {
    ordersCreated: totals.created,
    ordersExisting: totals.existing,
    ordersShipped: totals.shipped,
    ordersCancelled: totals.cancelled,
  };
}

/** A staged group as the order the file states, with its stocked rows; undefined when nothing of it is taken in. */
export interface TakenGroup {
  order: { who: FileOrder['intake']; disposition: Exclude<AmazonDisposition, 'skip'>; shippedAt: Date };
  stocked: StagedRow[];
  /** The order as intake takes it, before its lines are checked against an existing order. */
  intake: OrderIntake;
}

/**
 * What every path does first with a group: a row with no units, or every stocked row of an order the
 * channel has not confirmed, is named with its line (the import's rejects), never counted as imported.
 */
export function takeGroup(
  ctx: Pick<ApplyContext, 'reject'>,
  group: readonly StagedRow[],
  orderOf: (first: Record<string, unknown>) => FileOrder,
): TakenGroup | undefined {
  const first = group[0]?.data ?? {};
  const { intake: who, disposition, shippedAt } = orderOf(first);
  const stocked = group.filter(hasUnits);
  for (const r of group.filter((row) => !hasUnits(row)))
    ctx.reject({
      line: r.lineNo,
      field: 'quantity',
      message:
        disposition === 'cancel'
          ? `order ${who.externalId} was cancelled with no units: recorded as nothing`
          : 'no SKU or no units: nothing to import',
    });
  if (disposition === 'skip') {
    for (const r of stocked)
      ctx.reject({
        line: r.lineNo,
        field: 'status',
        message: `order ${who.externalId} is not confirmed on the channel yet (pending): import it once it is`,
      });
    return undefined;
  }
  return {
    order: { who, disposition, shippedAt: shippedAt ?? who.orderedAt ?? new Date() },
    stocked,
    intake: {
      ...who,
      currency: typeof first['currency'] === 'string' ? first['currency'] : null,
      lines: intakeLines(stocked),
      unmapped: [],
    },
  };
}

async function replayOne(
  ctx: ApplyContext,
  intake: OrderIntake,
  how: { disposition: Exclude<AmazonDisposition, 'skip'>; shippedAt: Date },
): Promise<Outcome> {
  const { disposition } = how;
  const { orders, channels } = ctx.services;
  const outcome: Outcome = { created: 0, existing: 0, shipped: 0, cancelled: 0 };
  if (disposition === 'cancel') {
    // A cancelled order in a history file: recorded, reserving nothing.
    const known = await orders.findByExternal(ctx.actor, intake.channel, intake.externalId);
    if (known) {
      await orders.cancel(ctx.actor, known.id);
      outcome.existing = 1;
    } else {
      const order = await orders.create(ctx.actor, intake, { reserveNothing: true });
      outcome.created = order.replayed ? 0 : 1;
    }
    outcome.cancelled = 1;
  } else {
    // Through the channel path, as a sync takes a channel's order (ChannelsService.ingest): a new shipped
    // order ships from available stock at the file's date, reserving nothing (imported history is dated
    // when it happened, so forecasting sees it: docs/forecasting.md "History and censoring"); an open one
    // reserves; one that exists already ships from its reservation at the file's date.
    const result = await channels.ingest(ctx.actor, { intake, disposition, shippedAt: how.shippedAt });
    if (result.created) outcome.created = 1;
    else outcome.existing = 1;
    if (disposition === 'ship' && result.order) outcome.shipped = 1;
  }
  return outcome;
}

const hasUnits = (r: StagedRow) => Boolean(r.data['sku']) && Number(r.data['quantity']) > 0;

/**
 * An order that already exists keeps its lines: the file's rows it already has (by SKU and quantity)
 * go on, each row it does not have is refused by line (a whole-file refusal by default; with
 * skipInvalid it is named in the rejects). An invoice split over two files is never "imported" silently.
 */
async function newLinesRefused(
  ctx: ApplyContext,
  who: FileOrder['intake'],
  rows: readonly StagedRow[],
): Promise<StagedRow[]> {
  const known = await ctx.services.orders.findByExternal(ctx.actor, who.channel, who.externalId);
  if (!known) return [...rows];
  const left = new Map<string, number>();
  for (const l of known.lines) left.set(l.sku, (left.get(l.sku) ?? 0) + l.quantity);
  const kept: StagedRow[] = [];
  for (const r of rows) {
    const sku = String(r.data['sku']);
    const quantity = Number(r.data['quantity']);
    const has = left.get(sku) ?? 0;
    if (has >= quantity) {
      left.set(sku, has - quantity);
      kept.push(r);
      continue;
    }
    await attempt(ctx, [r.lineNo], () =>
      Promise.reject(
        new DomainError(
          'CONFLICT',
          `order ${who.externalId} already exists without this line (${sku} × ${quantity}): an existing order's lines are not changed, so this line was not imported`,
          { field: 'sku' },
        ),
      ),
    );
  }
  return kept;
}

/** The order's stocked lines: rows with a SKU and a positive quantity. */
export function intakeLines(group: readonly StagedRow[]): IntakeLine[] {
  return group.filter(hasUnits).map((r) => ({
    sku: String(r.data['sku']),
    quantity: Number(r.data['quantity']),
    unitPrice:
      r.data['unitPrice'] === null || r.data['unitPrice'] === undefined ? null : Number(r.data['unitPrice']),
    externalLineId: null,
  }));
}
