import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import { DomainError } from '@stockwise/domain/errors';
import type { PlanningPosition } from '@stockwise/domain/replenishment/position';
import { AGED_FROM_DAYS, AGE_BUCKETS, ageBucketFor, ageBucketOf } from '@stockwise/domain/health/age';
import { networkOf } from '@stockwise/domain/ledger/network';
import type { Page } from '@stockwise/db/pagination';
import type {
  InventoryQuery,
  InventoryRecord,
  LayerRecord,
  MovementQuery,
  MovementRecord,
} from '@stockwise/db/ledger/inventory.repository';
import { inventoryRepository } from '@stockwise/db/ledger/inventory.repository';
import { inventorySummaryRepository } from '@stockwise/db/ledger/inventory-summary.repository';
import type { BalanceDto, InventorySummaryDto, MovementDto, StockOutsDto } from './ledger.schema';
import type { Actor } from '../accounts/actor';
import type { Transactor } from '../platform/transactor';
import type { PlanningService } from '../replenishment/planning.service';

const DAY_MS = 86_400_000;
/** Stocked-out SKUs named in the summary; the rest are counted. */
const STOCK_OUT_SAMPLE = 50;

/** A location's storage limit: its total, else the sum of its per-storage-type limits, else none. */
export function capacityOf(capacity: Record<string, number>): number | null {
  if (typeof capacity['total'] === 'number') return capacity['total'];
  const parts = Object.values(capacity).filter((v) => typeof v === 'number' && Number.isFinite(v));
  return parts.length ? parts.reduce((a, b) => a + b, 0) : null;
}

/** Whole days from `receivedAt` to `asOf`, never negative. */
const ageDaysOn = (receivedAt: Date, asOf: Date) =>
  Math.max(0, Math.floor((asOf.getTime() - receivedAt.getTime()) / DAY_MS));

export function mapBalanceDto(b: InventoryRecord): BalanceDto {
  return {
    sku: b.sku,
    title: b.title,
    barcode: b.barcode,
    asin: b.asin,
    fnsku: b.fnsku,
    category: b.category,
    brand: b.brand,
    replenishable: b.replenishable,
    cubicFeet: b.cubicFeet,
    location: b.location,
    onHand: b.onHand,
    reserved: b.reserved,
    available: b.available,
    inbound: b.inbound,
    unfulfillable: b.unfulfillable,
    oldestReceivedAt: b.oldestReceivedAt?.toISOString() ?? null,
    oldestArrivedAt: b.oldestArrivedAt?.toISOString() ?? null,
    aged: agedAt(b),
    updatedAt: b.updatedAt.toISOString(),
  };
}

export function mapMovementDto(m: MovementRecord): MovementDto {
  return {
    id: m.id,
    batchId: m.batchId,
    sku: m.sku,
    location: m.location,
    type: m.type,
    reason: m.reason,
    onHandDelta: m.onHandDelta,
    reservedDelta: m.reservedDelta,
    inboundDelta: m.inboundDelta,
    unfulfillableDelta: m.unfulfillableDelta,
    unitCost: m.unitCost,
    referenceType: m.referenceType,
    referenceId: m.referenceId,
    occurredAt: m.occurredAt.toISOString(),
    createdAt: m.createdAt.toISOString(),
    actorUserId: m.actorUserId,
  };
}

/** Whether the oldest units are aged, by the location's network's age: Amazon's from arrival there, else the seller's. */
function agedAt(b: { locationType: string; oldestReceivedAt: Date | null; oldestArrivedAt: Date | null }) {
  const since = networkOf(b.locationType) === 'amazon' ? b.oldestArrivedAt : b.oldestReceivedAt;
  return since !== null && ageDaysOn(since, new Date()) >= AGED_FROM_DAYS;
}

export function mapLayerDto(l: LayerRecord, asOf: Date) {
  const ageDays = ageDaysOn(l.receivedAt, asOf);
  const amazonAgeDays = networkOf(l.locationType) === 'amazon' ? ageDaysOn(l.arrivedAt, asOf) : null;
  const bucket = ageBucketFor(ageDays);
  return {
    sku: l.sku,
    location: l.location,
    receivedAt: l.receivedAt.toISOString(),
    arrivedAt: l.arrivedAt.toISOString(),
    ageDays,
    amazonAgeDays,
    ageBucket: { minDays: bucket.minDays, maxDays: bucket.maxDays },
    aged: (amazonAgeDays ?? ageDays) >= AGED_FROM_DAYS,
    quantityReceived: l.quantityReceived,
    quantityRemaining: l.quantityRemaining,
    unitCost: l.unitCost,
  };
}

/** Byte order, like the SQL's COLLATE "C" elsewhere in the summary. */
const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The planning positions' stock-outs (alert `out_of_stock`, docs/formulas.md): per location and in all. */
export function stockOutsOf(
  positions: readonly Pick<PlanningPosition, 'sku' | 'location' | 'alert'>[],
  sampleSize: number,
) {
  const byLocation = new Map<string, number>();
  const skus = new Set<string>();
  for (const p of positions) {
    if (p.alert !== 'out_of_stock') continue;
    byLocation.set(p.location, (byLocation.get(p.location) ?? 0) + 1);
    skus.add(p.sku);
  }
  const sample = [...skus].sort(byteOrder).slice(0, sampleSize);
  let count = 0;
  for (const n of byLocation.values()) count += n;
  return { count, skuCount: skus.size, skus: sample, byLocation };
}

/** Read side of the ledger: balances, movements and age layers, always scoped to the caller's account. */
export class InventoryService {
  constructor(
    private readonly tx: Transactor,
    /** Stock-out counts are the planning position's (one truth with restock and alerts). */
    private readonly planning: Pick<PlanningService, 'position'>,
  ) {}

  async listBalances(actor: Actor, q: InventoryQuery): Promise<Page<BalanceDto>> {
    const page = await inventoryRepository.listBalances(this.tx.sql, actor.accountId, q);
    if (!page) throw new DomainError('VALIDATION_FAILED', 'cursor is not valid', { field: 'cursor' });
    return { items: page.items.map(mapBalanceDto), nextCursor: page.nextCursor };
  }

  async listMovements(actor: Actor, q: MovementQuery): Promise<Page<MovementDto>> {
    const page = await inventoryRepository.listMovements(this.tx.sql, actor.accountId, q);
    if (!page) throw new DomainError('VALIDATION_FAILED', 'cursor is not valid', { field: 'cursor' });
    return { items: page.items.map(mapMovementDto), nextCursor: page.nextCursor };
  }

  async listLayers(actor: Actor, filter: { sku?: string; location?: string; asOf?: Date }) {
    const layers = await inventoryRepository.listOpenLayers(this.tx.sql, actor.accountId, filter);
    const asOf = filter.asOf ?? new Date();
    return layers.map((l) => mapLayerDto(l, asOf));
  }

  /**
   * Overview totals, computed set-based in SQL (grouped per location, per SKU and per layer age),
   * so the cost does not grow with what the browser downloads: three small result sets at 100k SKUs.
   * Stock-outs are counted from the planning position on the same day (docs/formulas.md).
   */
  async summary(actor: Actor, options: { asOf?: string | undefined } = {}): Promise<InventorySummaryDto> {
    const asOfDay = options.asOf ? parseIsoDate(options.asOf) : Math.floor(Date.now() / DAY_MS);
    const sql = this.tx.sql;
    const [locations, counts, ages, position] = await Promise.all([
      inventorySummaryRepository.locationTotals(sql, actor.accountId),
      inventorySummaryRepository.skuCounts(sql, actor.accountId),
      inventorySummaryRepository.layerAges(sql, actor.accountId, asOfDay),
      this.planning.position(actor, { asOf: isoDate(asOfDay) }),
    ]);
    const stockOuts = stockOutsOf(position.positions, STOCK_OUT_SAMPLE);
    const totals = { onHand: 0, reserved: 0, available: 0, inbound: 0, unfulfillable: 0, cubicFeet: 0 };
    for (const l of locations) {
      totals.onHand += l.onHand;
      totals.reserved += l.reserved;
      totals.available += l.available;
      totals.inbound += l.inbound;
      totals.unfulfillable += l.unfulfillable;
      totals.cubicFeet += l.cubicFeet;
    }
    const buckets = new Map(
      AGE_BUCKETS.map((b) => [
        b.key,
        { key: b.key, minDays: b.minDays, maxDays: b.maxDays, units: 0, cubicFeet: 0 },
      ]),
    );
    const value = new Map<string, number>();
    let agedUnits = 0;
    for (const a of ages) {
      const bucket = buckets.get(ageBucketOf(a.ageDays));
      if (bucket) {
        bucket.units += a.units;
        bucket.cubicFeet += a.cubicFeet;
      }
      // subject to Amazon's surcharge: units at Amazon by Amazon's age (docs/formulas.md#amazons-scope)
      if (a.amazonAgeDays !== null && a.amazonAgeDays >= AGED_FROM_DAYS) agedUnits += a.units;
      value.set(a.currency, (value.get(a.currency) ?? 0) + a.value);
    }
    const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
    return {
      asOf: isoDate(asOfDay),
      skus: counts.skus,
      replenishableSkus: counts.replenishableSkus,
      ...totals,
      cubicFeet: round(totals.cubicFeet, 3),
      stockOuts: { count: stockOuts.count, skuCount: stockOuts.skuCount, skus: stockOuts.skus },
      agedUnits,
      value: [...value]
        .filter(([, amount]) => amount > 0)
        .map(([currency, amount]) => ({ currency, amount: round(amount, 2) }))
        .sort((a, b) => b.amount - a.amount),
      locations: locations.map((l) => ({
        code: l.code,
        name: l.name,
        type: l.type,
        skus: l.skus,
        onHand: l.onHand,
        reserved: l.reserved,
        available: l.available,
        inbound: l.inbound,
        unfulfillable: l.unfulfillable,
        stockOuts: stockOuts.byLocation.get(l.code) ?? 0,
        cubicFeet: round(l.cubicFeet, 3),
        capacityCubicFeet: capacityOf(l.capacityCubicFeet),
      })),
      ageBuckets: [...buckets.values()].map((b) => ({ ...b, cubicFeet: round(b.cubicFeet, 3) })),
    };
  }

  /** Every SKU × location out of stock in the planning position (the inventory grid's stock-out filter). */
  async stockOuts(actor: Actor, options: { asOf?: string | undefined } = {}): Promise<StockOutsDto> {
    const { asOf, positions } = await this.planning.position(
      actor,
      options.asOf ? { asOf: options.asOf } : {},
    );
    const items = positions
      .filter((p) => p.alert === 'out_of_stock')
      .map((p) => ({
        sku: p.sku,
        location: p.location,
        available: p.available,
        inbound: p.inbound,
        dailyDemand: p.dailyDemand,
        stockOutDate: p.stockOutDate,
      }))
      .sort((a, b) => byteOrder(a.location, b.location) || byteOrder(a.sku, b.sku));
    return { asOf, items };
  }

  /** Empty when every balance equals the sum of its movements and its open layers equal on hand. */
  findImbalances(actor: Actor) {
    return inventoryRepository.findImbalances(this.tx.sql, actor.accountId);
  }
}
