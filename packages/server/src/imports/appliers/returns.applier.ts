import type { ReturnCondition } from '@stockwise/domain/imports/returns';
import type { OrderChannel } from '@stockwise/domain/sales/order-state';
import { ORDER_CHANNELS } from '@stockwise/domain/sales/order-state';
import { DomainError, isDomainError } from '@stockwise/domain/errors';
import type { StagedRow } from '@stockwise/db/imports/imports.repository';
import { returnsRepository } from '@stockwise/db/imports/returns.repository';
import type { OrderDto } from '../../sales/orders.schema';
import type { ApplyContext, ImportApplier } from './apply-context';
import { attempt, stagedGroups } from './apply-context';
import { fbaLocation } from './fba-location';

/** Orders named in a file that Stockwise does not have, reported at most this many (the count is whole). */
const MAX_NOT_FOUND = 100;

interface Totals {
  returnsBooked: number;
  returnsLinked: number;
  unitsSellable: number;
  unitsUnfulfillable: number;
  alreadyBooked: number;
  ordersNotFound: number;
  notFound: { line: number; orderId: string; message: string }[];
}

/** A generic returns / credit-note file: each line back at its location (or where its order shipped from). */
export const applyReturnsImport: ImportApplier = (ctx) => bookReturns(ctx, ctx.location);

/** Amazon's FBA customer returns report: every return comes back to the Amazon location. */
export const applyAmazonReturnsImport: ImportApplier = async (ctx) => {
  const fba = await fbaLocation(ctx.sql, ctx.actor.accountId, {
    location: ctx.location,
    whenNone: 'no amazon_fba location to book the returns at: create one or pass a location',
  });
  return { ...(await bookReturns(ctx, fba.code)), location: fba.code };
};

/**
 * Books each staged return once (by its return key, see docs/architecture.md "Imports"): linked to its
 * order when Stockwise has it (the order's returned quantity moves through the order rules, which refuse
 * more than shipped), else a return movement naming the file and line, reported as "order not found".
 */
async function bookReturns(
  ctx: ApplyContext,
  defaultLocation: string | undefined,
): Promise<Record<string, unknown>> {
  const totals: Totals = {
    returnsBooked: 0,
    returnsLinked: 0,
    unitsSellable: 0,
    unitsUnfulfillable: 0,
    alreadyBooked: 0,
    ordersNotFound: 0,
    notFound: [],
  };
  for await (const group of ctx.groups ?? stagedGroups(ctx.sql, ctx.importId)) {
    for (const [i, row] of group.entries()) {
      // Identical returns (same order, SKU and date, no license plate) are told apart by their occurrence.
      const key = row.data['unique'] === true ? row.key : `${row.key}\u0001${i + 1}`;
      await attempt(ctx, [row.lineNo], () => bookOne(ctx, { row, key, defaultLocation, totals }));
    }
    ctx.progress(group.length);
  }
  return { ...totals };
}

async function bookOne(
  ctx: ApplyContext,
  a: { row: StagedRow; key: string; defaultLocation: string | undefined; totals: Totals },
): Promise<void> {
  const { row, totals } = a;
  const d = row.data;
  const sku = String(d['sku']);
  const quantity = Number(d['quantity']);
  const condition = String(d['condition']) as ReturnCondition;
  const orderId = typeof d['orderId'] === 'string' ? d['orderId'] : null;
  const location = typeof d['location'] === 'string' ? d['location'] : a.defaultLocation;
  const returnedAt = String(d['returnedAt']);
  const order = orderId === null ? undefined : await findOrder(ctx, orderId, d['channel']);
  const claimed = await returnsRepository.claim(ctx.sql, ctx.actor.accountId, {
    key: a.key,
    importId: ctx.importId,
    lineNo: row.lineNo,
    orderId: order?.id ?? null,
  });
  if (!claimed) {
    totals.alreadyBooked += 1;
    return;
  }
  if (order) {
    try {
      await ctx.services.orders.return(ctx.actor, order.id, {
        lines: [{ sku, quantity, condition, ...(location ? { location } : {}) }],
        returnedAt,
      });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const field = error.field?.endsWith('.sku')
        ? 'sku'
        : error.field?.endsWith('.location')
          ? 'location'
          : 'quantity';
      throw new DomainError(error.code, `order ${orderId}: ${error.message}`, { field, cause: error });
    }
    totals.returnsLinked += 1;
  } else {
    if (!location)
      throw new DomainError('VALIDATION_FAILED', 'say where the return comes back to (location)', {
        field: 'location',
      });
    const source = `returns import ${ctx.importId}, line ${row.lineNo}`;
    await ctx.services.ledger.post(
      ctx.actor,
      [
        {
          sku,
          location,
          request: { type: 'return', quantity, condition },
          occurredAt: new Date(returnedAt),
          referenceType: 'import',
          referenceId: `${ctx.importId}:${row.lineNo}`,
        },
      ],
      { kind: 'import.return', note: orderId === null ? source : `${source}: order ${orderId} not found` },
    );
    if (orderId !== null) {
      totals.ordersNotFound += 1;
      if (totals.notFound.length < MAX_NOT_FOUND)
        totals.notFound.push({
          line: row.lineNo,
          orderId,
          message: `order ${orderId} not found: the return was booked to stock without an order`,
        });
    }
  }
  totals.returnsBooked += 1;
  if (condition === 'sellable') totals.unitsSellable += quantity;
  else totals.unitsUnfulfillable += quantity;
}

/** The order a return names: on its channel when the file says which, else on the one channel that has it. */
async function findOrder(
  ctx: ApplyContext,
  externalId: string,
  channel: unknown,
): Promise<OrderDto | undefined> {
  const channels = typeof channel === 'string' ? [channel as OrderChannel] : ORDER_CHANNELS;
  const found: OrderDto[] = [];
  for (const c of channels) {
    const order = await ctx.services.orders.findByExternal(ctx.actor, c, externalId);
    if (order) found.push(order);
  }
  if (found.length > 1)
    throw new DomainError(
      'CONFLICT',
      `order ${externalId} exists on several channels (${found.map((o) => o.channel).join(', ')}): say which in the channel column`,
      { field: 'channel' },
    );
  return found[0];
}
