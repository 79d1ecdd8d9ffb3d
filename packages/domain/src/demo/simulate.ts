/**
 * Day-by-day stock simulation over all SKUs. Each day runs in a fixed order — receipts, FBA
 * top-ups (Tuesdays), sales, returns, adjustments, then supplier reviews — and events are appended in
 * that order, so the event list comes out sorted without a sort and replays exactly like the state
 * evolved here. Sales are capped by on-hand: unmet demand is lost, which is what a stock-out is.
 */
import type { Calendar } from './calendar';
import { DIRECT_PO_FILL, poolOf, TOP_UP_FILL, unitsThatFit, usedVolume, type PoolVolumes } from './capacity';
import { FBA, WAREHOUSE } from './network';
import type { SkuPlan } from './plans';
import { reorderQuantity, transferQuantity } from './policy';
import { Purchasing } from './purchasing';
import type { Rng } from './prng';
import type { DemoEvent, DemoPurchaseOrder, DemoSupplier } from './types';

export interface FinalStock {
  sku: string;
  location: string;
  onHand: number;
}

export interface SimulationResult {
  events: DemoEvent[];
  purchaseOrders: DemoPurchaseOrder[];
  finalStock: FinalStock[];
}

const TUESDAY = 2;
/** Return slots per day: FBA sellable, FBA unsellable, WH1 sellable, WH1 unsellable. */
const SLOTS = 4;
const ADJUST_CHANCE = 1 / 150;
const FBA_REASONS = ['lost', 'lost', 'found', 'found', 'damaged', 'damaged', 'count'] as const;
const WH_REASONS = ['count', 'count', 'count', 'damaged', 'found'] as const;

const round2 = (x: number): number => Math.round(x * 100) / 100;

interface SimulationContext {
  calendar: Calendar;
  days: number;
  rng: Rng;
  suppliers: readonly DemoSupplier[];
  fbaCapacity: PoolVolumes;
}

class Simulation {
  readonly events: DemoEvent[] = [];
  private readonly fba: number[];
  private readonly wh: number[];
  private readonly returns: (Int32Array | null)[];
  private readonly purchasing: Purchasing;
  private readonly bySupplier: SkuPlan[][];

  constructor(
    private readonly plans: readonly SkuPlan[],
    private readonly ctx: SimulationContext,
  ) {
    this.fba = plans.map(() => 0);
    this.wh = plans.map(() => 0);
    this.returns = plans.map(() => null);
    this.purchasing = new Purchasing(ctx, plans.length);
    this.bySupplier = ctx.suppliers.map((_, s) => plans.filter((p) => p.supplierIndex === s));
  }

  run(): SimulationResult {
    this.purchasing.placeOpening(this.plans);
    for (let day = 0; day < this.ctx.days; day++) {
      const date = this.ctx.calendar.iso[day]!;
      this.receive(day, date);
      if (this.ctx.calendar.weekday[day] === TUESDAY) this.transfer(day, date);
      for (const plan of this.plans) this.sell(plan, { day, date });
      for (const plan of this.plans) this.bookReturns(plan, { day, date });
      for (const plan of this.plans) this.adjust(plan, date);
      this.reviewSuppliers(day);
    }
    const finalStock = this.plans.flatMap((p) => [
      { sku: p.product.sku, location: FBA, onHand: this.fba[p.index]! },
      { sku: p.product.sku, location: WAREHOUSE, onHand: this.wh[p.index]! },
    ]);
    return { events: this.events, purchaseOrders: this.purchasing.orders, finalStock };
  }

  private stockAt(location: string): number[] {
    return location === FBA ? this.fba : this.wh;
  }

  private receive(day: number, date: string): void {
    for (const scheduled of this.purchasing.arrivingOn(day)) {
      const { po } = scheduled;
      const stock = this.stockAt(po.location);
      po.lines.forEach((line, k) => {
        const index = scheduled.skuIndexes[k]!;
        stock[index] = stock[index]! + line.receivedQuantity;
        this.events.push({
          kind: 'receipt',
          date,
          sku: line.sku,
          location: po.location,
          quantity: line.receivedQuantity,
          unitCost: line.unitCost,
          poNumber: po.number,
        });
      });
      this.purchasing.received(scheduled);
    }
  }

  /** Weekly FBA top-up, most urgent (fewest days of FBA cover) first, within capacity. */
  private transfer(day: number, date: string): void {
    const used = usedVolume(this.plans, this.fba);
    const cover = (plan: SkuPlan): number => {
      const daily = plan.demand.baseline[day]! * plan.demand.amazonShare;
      return daily > 0 ? this.fba[plan.index]! / daily : Infinity;
    };
    const queue = this.plans
      .map((plan) => ({ plan, cover: cover(plan) }))
      .sort((a, b) => a.cover - b.cover || a.plan.index - b.plan.index);
    for (const { plan } of queue) {
      const i = plan.index;
      const wanted = transferQuantity(plan, { day, fba: this.fba[i]!, wh: this.wh[i]! });
      if (wanted <= 0) continue;
      const quantity = Math.min(
        wanted,
        unitsThatFit(plan, { used, limit: this.ctx.fbaCapacity, fill: TOP_UP_FILL }),
      );
      if (quantity <= 0) continue;
      used[poolOf(plan)] += quantity * plan.unitCubicFeet;
      this.wh[i] = this.wh[i]! - quantity;
      this.fba[i] = this.fba[i]! + quantity;
      this.events.push({ kind: 'transfer', date, sku: plan.product.sku, from: WAREHOUSE, to: FBA, quantity });
    }
  }

  private sell(plan: SkuPlan, at: { day: number; date: string }): void {
    const { demand, product, rng } = plan;
    const i = plan.index;
    const base = demand.baseline[at.day]!;
    if (base <= 0) return;
    if (at.day < plan.amazonStopDay) {
      const wanted = rng.negBinomial(
        base * demand.amazonShare * demand.promoUplift[at.day]!,
        demand.dispersion,
      );
      const sold = Math.min(wanted, this.fba[i]!);
      if (sold > 0) {
        this.fba[i] = this.fba[i]! - sold;
        const unitPrice = round2(product.price * (1 - demand.promoDiscount[at.day]!));
        this.events.push({
          kind: 'sale',
          date: at.date,
          sku: product.sku,
          location: FBA,
          quantity: sold,
          unitPrice,
          channel: 'amazon',
          ...soldOut(sold, wanted),
        });
        this.scheduleReturns(plan, { day: at.day, sold, slot: 0 });
      }
    }
    if (demand.amazonShare < 1) {
      const wanted = rng.negBinomial(base * (1 - demand.amazonShare), demand.dispersion);
      const sold = Math.min(wanted, this.wh[i]!);
      if (sold > 0) {
        this.wh[i] = this.wh[i]! - sold;
        this.events.push({
          kind: 'sale',
          date: at.date,
          sku: product.sku,
          location: WAREHOUSE,
          quantity: sold,
          unitPrice: product.price,
          channel: 'shopify',
          ...soldOut(sold, wanted),
        });
        this.scheduleReturns(plan, { day: at.day, sold, slot: 2 });
      }
    }
  }

  /** Returns come back 3–30 days later to where they shipped from; about a quarter are unsellable. */
  private scheduleReturns(plan: SkuPlan, args: { day: number; sold: number; slot: number }): void {
    const returned = plan.rng.binomial(args.sold, plan.returnRate);
    if (returned === 0) return;
    const due = args.day + plan.rng.int(3, 30);
    if (due >= this.ctx.days) return;
    const unsellable = plan.rng.binomial(returned, 0.25);
    const buffer = (this.returns[plan.index] ??= new Int32Array(this.ctx.days * SLOTS));
    buffer[due * SLOTS + args.slot] = buffer[due * SLOTS + args.slot]! + returned - unsellable;
    buffer[due * SLOTS + args.slot + 1] = buffer[due * SLOTS + args.slot + 1]! + unsellable;
  }

  private bookReturns(plan: SkuPlan, at: { day: number; date: string }): void {
    const buffer = this.returns[plan.index];
    if (!buffer) return;
    for (let slot = 0; slot < SLOTS; slot++) {
      const quantity = buffer[at.day * SLOTS + slot]!;
      if (quantity === 0) continue;
      const location = slot < 2 ? FBA : WAREHOUSE;
      const sellable = slot % 2 === 0;
      // Unsellable units go to unfulfillable and never rejoin sellable on-hand.
      if (sellable) {
        const stock = this.stockAt(location);
        stock[plan.index] = stock[plan.index]! + quantity;
      }
      this.events.push({
        kind: 'return',
        date: at.date,
        sku: plan.product.sku,
        location,
        quantity,
        sellable,
      });
    }
  }

  /** Rare inventory corrections; negative ones never exceed what is on hand. */
  private adjust(plan: SkuPlan, date: string): void {
    const { rng } = plan;
    for (const location of [FBA, WAREHOUSE]) {
      const stock = this.stockAt(location);
      const onHand = stock[plan.index]!;
      if (onHand <= 0 || !rng.chance(ADJUST_CHANCE)) continue;
      const reason = rng.pick(location === FBA ? FBA_REASONS : WH_REASONS);
      const size = rng.int(1, 3);
      const sign = reason === 'found' || (reason === 'count' && rng.chance(0.4)) ? 1 : -1;
      const quantity = sign > 0 ? size : -Math.min(size, onHand);
      stock[plan.index] = onHand + quantity;
      this.events.push({ kind: 'adjustment', date, sku: plan.product.sku, location, quantity, reason });
    }
  }

  private reviewSuppliers(day: number): void {
    let used: PoolVolumes | null = null;
    this.bySupplier.forEach((mine, s) => {
      const cadence = mine[0]?.reviewDays ?? 7;
      // Stagger suppliers so POs do not all land on the same weekday.
      if ((day + s) % cadence !== 0) return;
      used ??= usedVolume(this.plans, this.fba);
      const volumes: PoolVolumes = used;
      const lines = mine
        .map((plan) => {
          const i = plan.index;
          const position = this.fba[i]! + this.wh[i]! + this.purchasing.onOrder[i]!;
          const quantity = reorderQuantity(plan, { day, position });
          // Ship direct only while FBA has room for a whole PO line.
          const fits =
            unitsThatFit(plan, { used: volumes, limit: this.ctx.fbaCapacity, fill: DIRECT_PO_FILL }) >=
            quantity;
          return { plan, quantity, location: plan.directToFba && fits ? FBA : WAREHOUSE };
        })
        .filter((l) => l.quantity > 0);
      this.purchasing.review({ supplierIndex: s, day, lines });
    });
  }
}

export function simulate(args: SimulationContext & { plans: readonly SkuPlan[] }): SimulationResult {
  return new Simulation(args.plans, args).run();
}

/** When demand outran the shelf, the share of the day at which the last unit went (see `soldOutAt`). */
function soldOut(sold: number, wanted: number): { soldOutAt?: number } {
  return sold < wanted ? { soldOutAt: sold / wanted } : {};
}
