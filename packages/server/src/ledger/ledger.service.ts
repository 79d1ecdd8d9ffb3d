import { DomainError } from '@stockwise/domain/errors';
import type { LayerTake } from '@stockwise/domain/ledger/fifo';
import { allocateFifo, fifoUnitCost } from '@stockwise/domain/ledger/fifo';
import type { Network } from '@stockwise/domain/ledger/network';
import { carriedDates, networkOf } from '@stockwise/domain/ledger/network';
import type { LedgerLinePlan, MovementRequest } from '@stockwise/domain/ledger/movement-rules';
import { planMovement } from '@stockwise/domain/ledger/movement-rules';
import type { Sql } from '@stockwise/db/database';
import type { ItemKey, LayerFreeLine } from '@stockwise/db/ledger/ledger.repository';
import { itemKey, ledgerRepository } from '@stockwise/db/ledger/ledger.repository';
import { ageLayersRepository } from '@stockwise/db/ledger/age-layers.repository';
import { locationsRepository } from '@stockwise/db/catalog/locations.repository';
import type { ProductRecord } from '@stockwise/db/catalog/products.repository';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import type { Actor } from '../accounts/actor';
import { requirePermission } from '../accounts/actor';
import type { Transactor } from '../platform/transactor';
import { batchInsert, refuseLine, replayedBatch } from './ledger-batch';
import { guardsAvailable, newLayerCost, writableInBulk, writeLockedSet, writeSet } from './ledger-bulk';

/** One movement addressed the way sellers address stock: by SKU and location code. */
export interface LedgerEntry {
  sku: string;
  location: string;
  /** Target location of a transfer. */
  toLocation?: string | undefined;
  request: MovementRequest;
  occurredAt?: Date | undefined;
  referenceType?: string | null | undefined;
  referenceId?: string | null | undefined;
  /** Sale price per unit of a shipment, and its sales channel. */
  unitPrice?: number | null | undefined;
  channel?: string | null | undefined;
}

/** A movement whose SKU and location ids the caller has resolved and whose balance row it has locked. */
export interface LockedEntry extends LedgerEntry {
  item: ItemKey;
  allowBackorder: boolean;
}

export interface PostOptions {
  /** A retried write with the same key is applied once; the first batch is returned. */
  idempotencyKey?: string | null | undefined;
  kind?: string | undefined;
  note?: string | null | undefined;
  /** Field path prefix for errors, e.g. 'lines.3' for the fourth line of an order. */
  fieldPrefix?: string | undefined;
}

export interface PostResult {
  batchId: number;
  replayed: boolean;
}

interface ResolvedLine {
  plan: LedgerLinePlan;
  entry: LedgerEntry;
  product: ProductRecord;
  item: ItemKey;
  /** The network of the line's location, and of the transfer's source for a destination line. */
  network: Network;
  sourceNetwork: Network;
  index: number;
}

/** Layers taken by a transfer's source line, carried to its destination line. */
type Carried = Omit<LayerTake, 'layerId'>[];

/**
 * The only writer of stock: every change is an append-only movement whose deltas are applied to the
 * balance in the same transaction by an atomic, guarded UPDATE, with FIFO age layers kept alongside.
 */
export class LedgerService {
  constructor(private readonly tx: Transactor) {}

  async post(actor: Actor, entries: readonly LedgerEntry[], options: PostOptions = {}): Promise<PostResult> {
    return this.write(actor, entries, { ...options, bulk: false });
  }

  /**
   * post() for many movements at once (a stock count's adjustments): the same plans, guards and FIFO layers,
   * written in a few statements for the whole batch rather than a few per line (ledger-bulk.ts) when every
   * movement stays at its location and touches its own SKU × location; otherwise exactly post().
   */
  async postMany(
    actor: Actor,
    entries: readonly LedgerEntry[],
    options: PostOptions = {},
  ): Promise<PostResult> {
    return this.write(actor, entries, { ...options, bulk: true });
  }

  private async write(
    actor: Actor,
    entries: readonly LedgerEntry[],
    options: PostOptions & { bulk: boolean },
  ): Promise<PostResult> {
    requirePermission(actor, 'inventory:write');
    if (entries.length === 0) throw new DomainError('VALIDATION_FAILED', 'no movements to record');
    return this.tx.run(async (sql) => {
      const batch = batchInsert(actor, entries, options);
      const batchId = await ledgerRepository.insertBatch(sql, batch);
      if (batchId === undefined) return replayedBatch(sql, batch);
      const lines = await this.resolve(sql, actor, entries, options.fieldPrefix);
      await ledgerRepository.lockBalances(
        sql,
        actor.accountId,
        lines.map((l) => l.item),
      );
      if (options.bulk && writableInBulk(lines)) {
        const setLines = lines.map((line) => ({
          ...line,
          guardAvailable: guardsAvailable(line.plan, line.product.allowBackorder),
          layerCost: line.plan.opensLayer === 'new' ? newLayerCost(line) : null,
        }));
        await writeSet(sql, { accountId: actor.accountId, batchId, lines: setLines });
        return { batchId, replayed: false };
      }
      // Carried layers travel from a transfer's source line to its destination line.
      let carried: Carried = [];
      for (const line of lines) {
        carried = await this.applyLine(sql, { actor, batchId, line, carried });
      }
      return { batchId, replayed: false };
    });
  }

  /**
   * The hot path of order intake: layer-free movements (reservations and their release) on balance rows
   * the caller already holds locked, written in one statement (several lines on one balance row are
   * guarded on their sum). Same rules and guards as post(); movements that touch age layers go through post().
   */
  async postLocked(
    actor: Actor,
    entries: readonly LockedEntry[],
    options: PostOptions = {},
  ): Promise<PostResult> {
    requirePermission(actor, 'inventory:write');
    const planned = entries.map((entry) => ({ entry, plans: planMovement(entry.request) }));
    const rows = new Set(entries.map((e) => itemKey(e.item)));
    const layerFree = planned.every(({ plans }) =>
      plans.every((p) => p.at === 'source' && p.consumesLayers === 0 && p.opensLayer === null),
    );
    if (!layerFree || entries.length === 0) return this.post(actor, entries, options);
    return this.tx.run(async (sql) => {
      const lines = planned.flatMap(({ entry, plans }) => plans.map((plan) => lockedLine(entry, plan, null)));
      const batch = batchInsert(actor, entries, options);
      const { batchId, applied } = await ledgerRepository.postLayerFree(sql, batch, lines);
      if (batchId === undefined) return replayedBatch(sql, batch);
      if (applied.length < rows.size) await this.refuseUnapplied(sql, actor, { entries, applied });
      return { batchId, replayed: false };
    });
  }

  /**
   * The set-based path for shipments, which take units out of FIFO age layers at their location and
   * open none: all of them on balance rows the caller already holds locked, in a few statements whatever
   * their number — the batch, then the set-based writer (ledger-bulk.ts writeSet: FIFO decided in memory
   * in the order given, as posting them one by one would; balances guarded on each row's summed deltas).
   * Any other movement is refused (VALIDATION_FAILED naming its `type`): layer-free ones belong to
   * postLocked, the rest to post(), and a caller handing them here has mixed its paths up.
   */
  async postConsuming(
    actor: Actor,
    entries: readonly LockedEntry[],
    options: PostOptions = {},
  ): Promise<PostResult> {
    requirePermission(actor, 'inventory:write');
    if (entries.length === 0) throw new DomainError('VALIDATION_FAILED', 'no movements to record');
    const other = entries.findIndex((e) => e.request.type !== 'shipment');
    if (other >= 0)
      throw new DomainError(
        'VALIDATION_FAILED',
        `only shipments are recorded here (FIFO layers consumed at their location); movement ${other} is a ${entries[other]!.request.type}`,
        { field: entryField(entries, options.fieldPrefix)(other, 'type') },
      );
    const planned = entries.flatMap((entry, index) =>
      planMovement(entry.request).map((plan) => ({ entry, plan, index })),
    );
    return this.tx.run((sql) => writeLockedSet(sql, actor, { entries, planned, options }));
  }

  /** Refuses the first entry whose balance row the guarded set update did not apply. */
  private async refuseUnapplied(
    sql: Sql,
    actor: Actor,
    q: { entries: readonly LockedEntry[]; applied: readonly ItemKey[] },
  ): Promise<never> {
    const done = new Set(q.applied.map(itemKey));
    const index = q.entries.findIndex((e) => !done.has(itemKey(e.item)));
    return refuseLine(sql, actor.accountId, {
      index,
      entry: q.entries[index]!,
      item: q.entries[index]!.item,
    });
  }

  private async applyLine(
    sql: Sql,
    ctx: {
      actor: Actor;
      batchId: number;
      line: ResolvedLine;
      carried: Carried;
    },
  ): Promise<Carried> {
    const { actor, batchId, line } = ctx;
    const { plan, entry, product, item } = line;
    const accountId = actor.accountId;
    const balance = await ledgerRepository.applyDeltas(sql, {
      accountId,
      ...item,
      deltas: plan.deltas,
      guardAvailable: guardsAvailable(plan, product.allowBackorder),
    });
    if (!balance) await refuseLine(sql, accountId, line);
    const occurredAt = entry.occurredAt ?? new Date();
    let unitCost: number | null = null;
    let takes: Carried = [];
    if (plan.consumesLayers > 0) {
      const layers = await ageLayersRepository.lockOpenLayers(sql, accountId, [item]);
      const allocation = allocateFifo(layers.get(itemKey(item)) ?? [], plan.consumesLayers);
      if (allocation.shortfall > 0) {
        throw new Error(
          `ledger invariant broken: layers of product ${product.id} at location ${item.locationId} do not cover on hand`,
        );
      }
      await ageLayersRepository.consumeLayers(
        sql,
        accountId,
        new Map(allocation.takes.map((t) => [t.layerId, t.quantity])),
      );
      unitCost = fifoUnitCost(allocation.takes);
      takes = allocation.takes;
    } else if (plan.opensLayer === 'new') {
      unitCost = newLayerCost(line);
    } else if (plan.opensLayer === 'carried') {
      unitCost = fifoUnitCost(ctx.carried.map((c, i) => ({ ...c, layerId: i })));
    }
    const movementId = await ledgerRepository.insertMovement(sql, {
      accountId,
      batchId,
      ...item,
      type: plan.type,
      reason: plan.reason,
      deltas: plan.deltas,
      unitCost,
      unitPrice: plan.type === 'shipment' ? (entry.unitPrice ?? null) : null,
      channel: entry.channel ?? null,
      referenceType: entry.referenceType ?? null,
      referenceId: entry.referenceId ?? null,
      occurredAt,
    });
    if (plan.opensLayer === 'new') {
      await ageLayersRepository.insertLayer(sql, {
        accountId,
        ...item,
        receivedAt: occurredAt,
        arrivedAt: occurredAt,
        quantity: plan.deltas.onHand,
        unitCost,
        sourceMovementId: movementId,
      });
    } else if (plan.opensLayer === 'carried') {
      // The seller's age survives a transfer; the arrival restarts when it crosses networks (network.ts).
      const move = { from: line.sourceNetwork, to: line.network, at: occurredAt };
      for (const c of ctx.carried) {
        await ageLayersRepository.insertLayer(sql, {
          accountId,
          ...item,
          ...carriedDates(c, move),
          quantity: c.quantity,
          unitCost: c.unitCost,
          sourceMovementId: movementId,
        });
      }
    }
    return takes;
  }

  private async resolve(
    sql: Sql,
    actor: Actor,
    entries: readonly LedgerEntry[],
    fieldPrefix?: string,
  ): Promise<ResolvedLine[]> {
    const skus = [...new Set(entries.map((e) => e.sku))];
    const codes = [
      ...new Set(entries.flatMap((e) => (e.toLocation ? [e.location, e.toLocation] : [e.location]))),
    ];
    const products = new Map(
      (await productsRepository.findManyBySku(sql, actor.accountId, skus)).map((p) => [p.sku, p]),
    );
    const locations = new Map(
      (await locationsRepository.findManyByCode(sql, actor.accountId, codes)).map((l) => [l.code, l]),
    );
    const field = entryField(entries, fieldPrefix);
    const lines: ResolvedLine[] = [];
    entries.forEach((entry, index) => {
      const product = products.get(entry.sku);
      if (!product)
        throw new DomainError('UNKNOWN_SKU', `unknown SKU ${entry.sku}`, { field: field(index, 'sku') });
      const source = locations.get(entry.location);
      if (!source)
        throw new DomainError('UNKNOWN_LOCATION', `unknown location ${entry.location}`, {
          field: field(index, 'location'),
        });
      let plans: LedgerLinePlan[];
      try {
        plans = planMovement(entry.request);
      } catch (error) {
        if (error instanceof DomainError && error.field) {
          throw new DomainError(error.code, error.message, {
            field: field(index, error.field),
            cause: error,
          });
        }
        throw error;
      }
      for (const plan of plans) {
        let location = source;
        if (plan.at === 'destination') {
          const target = entry.toLocation ? locations.get(entry.toLocation) : undefined;
          if (!target)
            throw new DomainError('UNKNOWN_LOCATION', `unknown location ${entry.toLocation ?? '(none)'}`, {
              field: field(index, 'toLocation'),
            });
          if (target.id === source.id)
            throw new DomainError('VALIDATION_FAILED', 'a transfer needs two different locations', {
              field: field(index, 'toLocation'),
            });
          location = target;
        }
        lines.push({
          plan,
          entry,
          product,
          item: { productId: product.id, locationId: location.id },
          network: networkOf(location.type),
          sourceNetwork: networkOf(source.type),
          index,
        });
      }
    });
    return lines;
  }
}

/** The set-based ledger line of one planned movement on a locked balance row (with its FIFO cost, if any). */
function lockedLine(entry: LockedEntry, plan: LedgerLinePlan, unitCost: number | null): LayerFreeLine {
  return {
    ...entry.item,
    type: plan.type,
    reason: plan.reason,
    deltas: plan.deltas,
    guardAvailable: guardsAvailable(plan, entry.allowBackorder),
    unitPrice: plan.type === 'shipment' ? (entry.unitPrice ?? null) : null,
    channel: entry.channel ?? null,
    referenceType: entry.referenceType ?? null,
    referenceId: entry.referenceId ?? null,
    occurredAt: entry.occurredAt ?? new Date(),
    unitCost,
  };
}

/** The error field of an entry's property: `prefix.i.name`, `i.name` among several, else `name`. */
function entryField(entries: readonly unknown[], fieldPrefix: string | undefined) {
  return (i: number, name: string) =>
    fieldPrefix ? `${fieldPrefix}.${i}.${name}` : entries.length > 1 ? `${i}.${name}` : name;
}
