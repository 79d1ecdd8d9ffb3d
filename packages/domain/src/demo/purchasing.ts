/**
 * Purchase orders: the opening stock order, periodic supplier reviews that consolidate every SKU of
 * a supplier into one PO per destination, and the arrival schedule. Arrivals slip behind the planned
 * date now and then (port congestion), and a few lines ship short, as they do in real life.
 */
import type { Calendar } from './calendar';
import { isoDate } from '../dates/dates';
import { FBA, WAREHOUSE } from './network';
import type { SkuPlan } from './plans';
import type { Rng } from './prng';
import type { DemoPurchaseOrder, DemoSupplier } from './types';

export interface ScheduledPo {
  po: DemoPurchaseOrder;
  /** SKU index per line, in line order. */
  skuIndexes: number[];
}

export interface NewLine {
  plan: SkuPlan;
  quantity: number;
  location: string;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

export class Purchasing {
  readonly orders: DemoPurchaseOrder[] = [];
  /** Units ordered and not yet received, per SKU index (the "inbound" of docs/vocabulary.md). */
  readonly onOrder: number[];
  private readonly arrivals = new Map<number, ScheduledPo[]>();
  private nextNumber = 1;

  constructor(
    private readonly ctx: { calendar: Calendar; days: number; rng: Rng; suppliers: readonly DemoSupplier[] },
    skuCount: number,
  ) {
    this.onOrder = new Array<number>(skuCount).fill(0);
  }

  arrivingOn(day: number): readonly ScheduledPo[] {
    return this.arrivals.get(day) ?? [];
  }

  /** Called once the PO's receipts are booked: the ordered quantity leaves the pipeline. */
  received(scheduled: ScheduledPo): void {
    scheduled.po.lines.forEach((line, k) => {
      const index = scheduled.skuIndexes[k]!;
      this.onOrder[index] = this.onOrder[index]! - line.quantity;
    });
  }

  /** Opening stock: one PO per supplier and destination, received on the first simulated day. */
  placeOpening(plans: readonly SkuPlan[]): void {
    this.ctx.suppliers.forEach((supplier, s) => {
      const mine = plans.filter((p) => p.supplierIndex === s);
      for (const location of [WAREHOUSE, FBA]) {
        const lines = mine
          .map((plan) => ({
            plan,
            location,
            quantity: location === FBA ? plan.opening.fba : plan.opening.wh,
          }))
          .filter((l) => l.quantity > 0);
        const lead = mine[0]?.leadTime ?? 30;
        this.place({
          supplier,
          location,
          orderedDay: -lead - 7,
          plannedDay: 0,
          arrivalDay: 0,
          lines,
          exact: true,
        });
      }
    });
  }

  /** End-of-day review of one supplier: one PO per destination for the SKUs below their reorder point. */
  review(args: { supplierIndex: number; day: number; lines: readonly NewLine[] }): void {
    const supplier = this.ctx.suppliers[args.supplierIndex]!;
    const lead = args.lines[0]?.plan.leadTime ?? 0;
    const plannedDay = args.day + lead;
    const domestic = lead <= 14;
    const r = this.ctx.rng.uniform();
    const slip =
      r < 0.65 ? this.ctx.rng.int(0, 2) : r < 0.93 ? this.ctx.rng.int(3, 8) : this.ctx.rng.int(12, 25);
    const arrivalDay = plannedDay + (domestic ? Math.min(slip, 4) : slip);
    for (const location of [WAREHOUSE, FBA]) {
      const lines = args.lines.filter((l) => l.location === location);
      this.place({ supplier, location, orderedDay: args.day, plannedDay, arrivalDay, lines, exact: false });
    }
  }

  private place(args: {
    supplier: DemoSupplier;
    location: string;
    orderedDay: number;
    plannedDay: number;
    arrivalDay: number;
    lines: readonly NewLine[];
    exact: boolean;
  }): void {
    if (args.lines.length === 0) return;
    const { rng, days } = this.ctx;
    const open = args.arrivalDay >= days;
    const iso = (day: number): string => this.ctx.calendar.iso[day] ?? isoDate(this.ctx.calendar.start + day);
    const po: DemoPurchaseOrder = {
      number: `PO-${String(this.nextNumber++).padStart(5, '0')}`,
      supplierCode: args.supplier.code,
      orderedOn: iso(args.orderedDay),
      // An open PO carries the supplier's latest ETA, which is after asOf by construction.
      expectedOn: iso(open ? Math.max(args.arrivalDay, args.plannedDay) : args.plannedDay),
      receivedOn: open ? null : iso(args.arrivalDay),
      location: args.location,
      lines: args.lines.map(({ plan, quantity }) => {
        // Small cost drift between orders gives FIFO layers different unit costs.
        const unitCost = args.exact
          ? plan.product.unitCost
          : round2(plan.product.unitCost * rng.float(0.97, 1.04));
        const short =
          !args.exact && quantity >= 20 && rng.chance(0.04)
            ? Math.max(1, Math.floor(quantity * rng.float(0.01, 0.05)))
            : 0;
        return { sku: plan.product.sku, quantity, unitCost, receivedQuantity: open ? 0 : quantity - short };
      }),
    };
    const scheduled: ScheduledPo = { po, skuIndexes: args.lines.map((l) => l.plan.index) };
    for (const line of args.lines)
      this.onOrder[line.plan.index] = this.onOrder[line.plan.index]! + line.quantity;
    this.orders.push(po);
    if (!open) {
      const list = this.arrivals.get(args.arrivalDay) ?? [];
      list.push(scheduled);
      this.arrivals.set(args.arrivalDay, list);
    }
  }
}
