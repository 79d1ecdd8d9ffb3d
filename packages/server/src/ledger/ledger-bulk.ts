import type { LayerTake, OpenLayer } from '@stockwise/domain/ledger/fifo';
import { allocateFifo, fifoUnitCost } from '@stockwise/domain/ledger/fifo';
import type { LedgerLinePlan } from '@stockwise/domain/ledger/movement-rules';
import { reducesAvailable } from '@stockwise/domain/ledger/movement-rules';
import type { Sql } from '@stockwise/db/database';
import type { ItemKey } from '@stockwise/db/ledger/ledger.repository';
import { ledgerRepository } from '@stockwise/db/ledger/ledger.repository';
import { ledgerBulkRepository } from '@stockwise/db/ledger/ledger-bulk.repository';
import { ageLayersRepository } from '@stockwise/db/ledger/age-layers.repository';
import type { ProductRecord } from '@stockwise/db/catalog/products.repository';
import type { LedgerEntry } from './ledger.service';

/** A resolved ledger line (LedgerService's), as the set-based writer needs it. */
export interface BulkLine {
  plan: LedgerLinePlan;
  entry: LedgerEntry;
  product: Pick<ProductRecord, 'id' | 'unitCost' | 'allowBackorder'>;
  item: ItemKey;
  index: number;
}

const itemKey = (i: ItemKey) => `${i.productId}:${i.locationId}`;

/** Whether the balance guard must check availability for this line (the SKU may not be backordered). */
export const guardsAvailable = (line: BulkLine) =>
  reducesAvailable(line.plan.deltas) && !line.product.allowBackorder;

/** The unit cost of a layer a line opens afresh: a receipt's own cost, else the product's. */
export function newLayerCost(line: BulkLine): number | null {
  const request = line.entry.request;
  return request.type === 'receipt' ? (request.unitCost ?? line.product.unitCost) : line.product.unitCost;
}

/**
 * Lines the set-based writer takes: each at its own location (no transfer carrying layers to another line)
 * and each on its own balance row, so no line's outcome depends on another's.
 */
export function writableInBulk(lines: readonly BulkLine[]): boolean {
  const rows = new Set(lines.map((l) => itemKey(l.item)));
  return (
    rows.size === lines.length &&
    lines.every((l) => l.plan.at === 'source' && l.plan.opensLayer !== 'carried')
  );
}

/**
 * Writes lines that writableInBulk accepts, on balance rows the caller has locked, with the same effects as
 * LedgerService writing them one by one — guarded balance updates, FIFO layers consumed oldest first
 * (allocateFifo), a movement per line with its cost, a layer per line that opens one — in a few statements
 * for the whole batch. Returns the first line the guards refused (the caller rolls back), else undefined.
 */
export async function writeInBulk(
  sql: Sql,
  q: { accountId: number; batchId: number; lines: readonly BulkLine[] },
): Promise<BulkLine | undefined> {
  const { accountId, lines } = q;
  const applied = await ledgerBulkRepository.applyDeltas(
    sql,
    accountId,
    lines.map((l) => ({ ...l.item, deltas: l.plan.deltas, guardAvailable: guardsAvailable(l) })),
  );
  if (applied.length < lines.length) {
    const done = new Set(applied.map(itemKey));
    return lines.find((l) => !done.has(itemKey(l.item)));
  }
  const consuming = lines.filter((l) => l.plan.consumesLayers > 0);
  const layers = new Map<string, OpenLayer[]>();
  for (const layer of await ledgerBulkRepository.lockOpenLayers(
    sql,
    accountId,
    consuming.map((l) => l.item),
  )) {
    const key = itemKey(layer);
    const row = layers.get(key);
    if (row) row.push(layer);
    else layers.set(key, [layer]);
  }
  const takes: LayerTake[] = [];
  const costs = lines.map((line) => {
    if (line.plan.consumesLayers > 0) {
      const allocation = allocateFifo(layers.get(itemKey(line.item)) ?? [], line.plan.consumesLayers);
      if (allocation.shortfall > 0)
        throw new Error(
          `ledger invariant broken: layers of product ${line.product.id} at location ${line.item.locationId} do not cover on hand`,
        );
      takes.push(...allocation.takes);
      return fifoUnitCost(allocation.takes);
    }
    return line.plan.opensLayer === 'new' ? newLayerCost(line) : null;
  });
  await ledgerBulkRepository.consumeLayers(sql, accountId, takes);
  const now = new Date();
  const movements = lines.map((line, i) => ({
    ...line.item,
    type: line.plan.type,
    reason: line.plan.reason,
    deltas: line.plan.deltas,
    unitCost: costs[i] ?? null,
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
  return undefined;
}
