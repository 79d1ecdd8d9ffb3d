import type { LayerTake } from '@stockwise/domain/ledger/fifo';
import { allocateFifoInOrder, fifoUnitCost } from '@stockwise/domain/ledger/fifo';
import type { LedgerLinePlan } from '@stockwise/domain/ledger/movement-rules';
import { reducesAvailable } from '@stockwise/domain/ledger/movement-rules';
import type { Sql } from '@stockwise/db/database';
import type { ItemKey } from '@stockwise/db/ledger/ledger.repository';
import { itemKey, ledgerRepository } from '@stockwise/db/ledger/ledger.repository';
import { ageLayersRepository } from '@stockwise/db/ledger/age-layers.repository';
import type { ProductRecord } from '@stockwise/db/catalog/products.repository';
import type { Actor } from '../accounts/actor';
import { batchInsert, refuseLine, replayedBatch } from './ledger-batch';
import type { LedgerEntry, LockedEntry, PostOptions, PostResult } from './ledger.service';

/** One planned ledger line on a resolved balance row, as the set-based writer takes it. */
export interface SetLine {
  plan: LedgerLinePlan;
  entry: LedgerEntry;
  item: ItemKey;
  /** The entry's position in the caller's list (the refused line's error field). */
  index: number;
  /** Refuse the line if it would leave available below zero (guardsAvailable). */
  guardAvailable: boolean;
  /** The unit cost of the layer the line opens afresh (plan.opensLayer 'new'; newLayerCost), else null. */
  layerCost: number | null;
}

/** Whether the balance guard must check availability for this line (the SKU may not be backordered). */
export const guardsAvailable = (plan: LedgerLinePlan, allowBackorder: boolean) =>
  reducesAvailable(plan.deltas) && !allowBackorder;

/** The unit cost of a layer a line opens afresh: a receipt's own cost, else the product's. */
export function newLayerCost(line: { entry: LedgerEntry; product: Pick<ProductRecord, 'unitCost'> }) {
  const request = line.entry.request;
  return request.type === 'receipt' ? (request.unitCost ?? line.product.unitCost) : line.product.unitCost;
}

/**
 * Lines postMany writes set-based: each at its own location (no transfer carrying layers to another line)
 * and each on its own balance row, so no line's outcome depends on another's. (postConsuming's lines may
 * share a row, guarded on their sum as postLocked's are.)
 */
export function writableInBulk(lines: readonly Pick<SetLine, 'plan' | 'item'>[]): boolean {
  const rows = new Set(lines.map((l) => itemKey(l.item)));
  return (
    rows.size === lines.length &&
    lines.every((l) => l.plan.at === 'source' && l.plan.opensLayer !== 'carried')
  );
}

/**
 * The one set-based writer of the ledger (LedgerService.postMany and postConsuming): lines that
 * writableInBulk accepts, on balance rows the caller has locked, in batch `batchId`, with the same effects as
 * posting them one by one — FIFO layers consumed oldest first in the order given (allocateFifoInOrder),
 * guarded balance updates, a movement per line with its cost, a layer per line that opens one — in a few
 * statements for the whole batch. Throws INSUFFICIENT_STOCK naming the first line refused (the caller's
 * transaction rolls back).
 */
export async function writeSet(
  sql: Sql,
  q: { accountId: number; batchId: number; lines: readonly SetLine[] },
): Promise<void> {
  const { accountId, lines } = q;
  const keys = lines.map((l) => itemKey(l.item));
  const consuming = new Map(
    lines.filter((l) => l.plan.consumesLayers > 0).map((l) => [itemKey(l.item), l.item]),
  );
  const { allocations, taken } = allocateFifoInOrder(
    await ageLayersRepository.lockOpenLayers(sql, accountId, [...consuming.values()]),
    lines.map((l, i) => ({ key: keys[i]!, quantity: l.plan.consumesLayers })),
  );
  const applied = await ledgerRepository.applyDeltasMany(
    sql,
    accountId,
    lines.map((l) => ({ ...l.item, deltas: l.plan.deltas, guardAvailable: l.guardAvailable })),
  );
  const refused = refusedLine(lines, keys, { allocations, applied: new Set(applied.map(itemKey)) });
  if (refused) await refuseLine(sql, accountId, refused);
  const short = allocations.findIndex((a) => a.shortfall > 0);
  if (short >= 0) {
    const { item } = lines[short]!;
    throw new Error(
      `ledger invariant broken: layers of product ${item.productId} at location ${item.locationId} do not cover on hand`,
    );
  }
  await ageLayersRepository.consumeLayers(sql, accountId, taken);
  const now = new Date();
  const movements = lines.map((line, i) => ({
    ...line.item,
    type: line.plan.type,
    reason: line.plan.reason,
    deltas: line.plan.deltas,
    unitCost: line.plan.consumesLayers > 0 ? fifoUnitCost(allocations[i]!.takes) : line.layerCost,
    unitPrice: line.plan.type === 'shipment' ? (line.entry.unitPrice ?? null) : null,
    channel: line.entry.channel ?? null,
    referenceType: line.entry.referenceType ?? null,
    referenceId: line.entry.referenceId ?? null,
    occurredAt: line.entry.occurredAt ?? now,
  }));
  const ids = await ledgerRepository.bulkInsertMovements(sql, accountId, q.batchId, movements);
  await ageLayersRepository.bulkInsertLayers(
    sql,
    accountId,
    movements.flatMap((m, i) =>
      lines[i]?.plan.opensLayer === 'new'
        ? [
            {
              productId: m.productId,
              locationId: m.locationId,
              receivedAt: m.occurredAt,
              arrivedAt: m.occurredAt,
              quantityReceived: m.deltas.onHand,
              quantityRemaining: m.deltas.onHand,
              unitCost: m.unitCost,
              sourceMovementId: ids[i]!,
            },
          ]
        : [],
    ),
  );
}

/**
 * The line to refuse when the guarded update left balance rows out, as posting one by one would refuse
 * it: on each row left out, its first line the layers ran short of (else its first line); the earliest of
 * those.
 */
function refusedLine(
  lines: readonly SetLine[],
  keys: readonly string[],
  q: { allocations: readonly { takes: LayerTake[]; shortfall: number }[]; applied: ReadonlySet<string> },
): SetLine | undefined {
  const pick = new Map<string, number>();
  const short = new Set<string>();
  keys.forEach((key, i) => {
    if (q.applied.has(key) || short.has(key)) return;
    if (q.allocations[i]!.shortfall > 0) {
      pick.set(key, i);
      short.add(key);
    } else if (!pick.has(key)) pick.set(key, i);
  });
  return pick.size > 0 ? lines[Math.min(...pick.values())] : undefined;
}

/**
 * LedgerService.postConsuming's write, in the caller's transaction: the batch (or the earlier one of its
 * idempotency key), then the planned lines through writeSet on the rows the caller holds locked.
 */
export async function writeLockedSet(
  sql: Sql,
  actor: Actor,
  q: {
    entries: readonly LockedEntry[];
    planned: readonly { entry: LockedEntry; plan: LedgerLinePlan; index: number }[];
    options: PostOptions;
  },
): Promise<PostResult> {
  const batch = batchInsert(actor, q.entries, q.options);
  const batchId = await ledgerRepository.insertBatch(sql, batch);
  if (batchId === undefined) return replayedBatch(sql, batch);
  const lines = q.planned.map(({ entry, plan, index }) => ({
    plan,
    entry,
    item: entry.item,
    index,
    guardAvailable: guardsAvailable(plan, entry.allowBackorder),
    layerCost: null,
  }));
  await writeSet(sql, { accountId: actor.accountId, batchId, lines });
  return { batchId, replayed: false };
}
