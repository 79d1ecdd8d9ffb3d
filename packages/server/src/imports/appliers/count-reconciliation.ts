import { DomainError, isDomainError } from '@stockwise/domain/errors';
import { countedBalancesRepository } from '@stockwise/db/ledger/counted-balances.repository';
import type { LedgerEntry } from '../../ledger/ledger.service';
import { MAX_REPORTED } from '../import-result';
import { yieldToEventLoop } from '../../platform/event-loop';
import type { ApplyContext } from './apply-context';
import { APPLY_PAGE, attempt, inBatchOrOneByOne, stagedGroups } from './apply-context';

/** How one kind of count file becomes ledger adjustments. */
export interface CountSpec {
  /** The ledger batch kind and note of the adjustments. */
  batchKind: string;
  note: string;
  referenceType: string;
  /**
   * When the file counted (default: now): each adjustment is dated then, from the on hand then (the
   * movements after it stay where they are; docs/decisions.md 59).
   */
  at?: Date | undefined;
  /** Where a SKU's last staged row counts it, and how many. */
  count: (data: Record<string, unknown>) => { location: string; counted: number };
  /** After each batch: the staged data of the rows that were applied. */
  afterBatch?: ((rows: Record<string, unknown>[]) => Promise<void>) | undefined;
}

interface CountRow {
  sku: string;
  location: string;
  counted: number;
  line: number;
  data: Record<string, unknown>;
}

interface Adjustment extends CountRow {
  current: number;
  delta: number;
}

export interface CountTotals {
  adjusted: number;
  unitsAdded: number;
  unitsRemoved: number;
  differences: { sku: string; location: string; ledger: number; counted: number; adjustment: number }[];
}

/**
 * One 'count' adjustment per SKU × location whose on hand differs from the file, posted a page at a
 * time through the ledger (so its rules hold); a page the ledger refuses is retried row by row.
 */
export async function reconcileCounts(ctx: ApplyContext, spec: CountSpec): Promise<CountTotals> {
  const totals: CountTotals = { adjusted: 0, unitsAdded: 0, unitsRemoved: 0, differences: [] };
  let batch: CountRow[] = [];
  const post = async () => {
    if (batch.length === 0) return;
    // Read under the rows' lock, held to the end of the chunk's transaction: a concurrent count waits.
    const onHand = await countedBalancesRepository.lockOnHand(ctx.sql, ctx.actor.accountId, batch, spec.at);
    const pending = batch
      .map((b) => ({ ...b, current: onHand.get(`${b.sku}\u0001${b.location}`) ?? 0 }))
      .map((b) => ({ ...b, delta: b.counted - b.current }))
      .filter((b) => b.delta !== 0);
    const failed = await postAdjustments(ctx, spec, pending);
    tally(totals, pending, failed);
    await spec.afterBatch?.(batch.filter((b) => !failed.has(b.line)).map((b) => b.data));
    ctx.progress(batch.length);
    batch = [];
    // The embedded database resolves in microtasks: let queued requests (/api/health) run between pages.
    await yieldToEventLoop();
  };
  for await (const group of ctx.groups ?? stagedGroups(ctx.sql, ctx.importId)) {
    const last = group[group.length - 1];
    if (!last) continue;
    batch.push({
      sku: String(last.data['sku']),
      ...spec.count(last.data),
      line: last.lineNo,
      data: last.data,
    });
    if (batch.length >= APPLY_PAGE) await post();
  }
  await post();
  return totals;
}

/** Posts the adjustments in one ledger batch, or one by one when it fails; returns the lines not applied. */
async function postAdjustments(
  ctx: ApplyContext,
  spec: CountSpec,
  pending: readonly Adjustment[],
): Promise<Set<number>> {
  const failed = new Set<number>();
  if (pending.length === 0) return failed;
  // Set-based: a page of adjustments (one per SKU × location) is a few statements, not a few per line.
  const post = (adjustments: readonly Adjustment[]) =>
    ctx.services.ledger.postMany(
      ctx.actor,
      adjustments.map((b): LedgerEntry => ({
        sku: b.sku,
        location: b.location,
        request: { type: 'adjustment', quantity: b.delta, reason: 'count' },
        referenceType: spec.referenceType,
        referenceId: String(ctx.importId),
        occurredAt: spec.at,
      })),
      { kind: spec.batchKind, note: spec.note },
    );
  await inBatchOrOneByOne(
    ctx,
    async () => {
      await post(pending);
    },
    async () => {
      for (const b of pending) {
        const applied = await attempt(ctx, [b.line], async () => {
          try {
            await post([b]);
          } catch (error) {
            throw countFailure(error, b);
          }
        });
        if (!applied) failed.add(b.line);
      }
    },
  );
  return failed;
}

function tally(totals: CountTotals, pending: readonly Adjustment[], failed: ReadonlySet<number>): void {
  for (const b of pending) {
    if (failed.has(b.line)) continue;
    totals.adjusted += 1;
    if (b.delta > 0) totals.unitsAdded += b.delta;
    else totals.unitsRemoved -= b.delta;
    if (totals.differences.length < MAX_REPORTED)
      totals.differences.push({
        sku: b.sku,
        location: b.location,
        ledger: b.current,
        counted: b.counted,
        adjustment: b.delta,
      });
  }
}

/** A count below what open orders hold reserved cannot be applied: say so in the seller's terms. */
function countFailure(error: unknown, row: { sku: string; location: string; counted: number }): unknown {
  if (!isDomainError(error) || error.code !== 'INSUFFICIENT_STOCK') return error;
  const onHand = Number(error.details?.['onHand'] ?? 0);
  const reserved = onHand - Number(error.details?.['available'] ?? onHand);
  return new DomainError('INSUFFICIENT_STOCK', belowReserved(row, reserved), {
    field: 'quantity',
    details: error.details,
    cause: error,
  });
}

/** Why a count cannot be applied: it is below what open orders hold reserved. */
export function belowReserved(row: { sku: string; location: string; counted: number }, reserved: number) {
  return `${row.sku} at ${row.location}: counted ${row.counted}, but ${reserved} units are reserved by open orders`;
}
