import { beforeAll, describe, expect, it } from 'vitest';
import { simulateDemoSeller, type DemoSimulation } from './generate';
import { replayStock, stockKey } from './replay';
import { ageBuckets, unitsSold } from './test-helpers';
import type { DemoEvent, DemoSeller } from './types';

const AS_OF = '2025-06-30';
let sim: DemoSimulation;
let seller: DemoSeller;
let finalOnHand: Map<string, number>;

beforeAll(() => {
  sim = simulateDemoSeller({ asOf: AS_OF });
  seller = sim.seller;
  finalOnHand = replayStock(seller.events).onHand;
});

const KIND_ORDER: Record<DemoEvent['kind'], number> = {
  receipt: 0,
  transfer: 1,
  sale: 2,
  return: 3,
  adjustment: 4,
};
const fbaOnHand = (sku: string): number => finalOnHand.get(stockKey(sku, 'FBA-US')) ?? 0;

function checkLedger(s: DemoSimulation): void {
  const replay = replayStock(s.seller.events);
  expect(replay.firstNegative).toBeNull();
  for (const f of s.finalStock)
    expect(replay.onHand.get(stockKey(f.sku, f.location)) ?? 0, stockKey(f.sku, f.location)).toBe(f.onHand);
  const events = s.seller.events;
  const unordered = events.findIndex((b, i) => {
    const a = events[i - 1];
    return (
      a !== undefined && (a.date > b.date || (a.date === b.date && KIND_ORDER[a.kind] > KIND_ORDER[b.kind]))
    );
  });
  expect(unordered).toBe(-1);
}

describe('ledger consistency', () => {
  it('dates a sale that emptied the shelf by the share of the day gone (sold / wanted), and no other sale', () => {
    const stock = new Map<string, number>();
    let soldOut = 0;
    for (const event of seller.events) {
      if (event.kind === 'transfer') {
        stock.set(
          stockKey(event.sku, event.from),
          (stock.get(stockKey(event.sku, event.from)) ?? 0) - event.quantity,
        );
        stock.set(
          stockKey(event.sku, event.to),
          (stock.get(stockKey(event.sku, event.to)) ?? 0) + event.quantity,
        );
        continue;
      }
      const key = stockKey(event.sku, event.location);
      const delta =
        event.kind === 'sale'
          ? -event.quantity
          : event.kind === 'return'
            ? event.sellable
              ? event.quantity
              : 0
            : event.quantity;
      stock.set(key, (stock.get(key) ?? 0) + delta);
      if (event.kind !== 'sale' || event.soldOutAt === undefined) continue;
      soldOut++;
      expect(stock.get(key)).toBe(0);
      expect(event.soldOutAt).toBeGreaterThan(0);
      expect(event.soldOutAt).toBeLessThan(1);
    }
    // A simulated seller runs out now and then, and each such sale says when.
    expect(soldOut).toBeGreaterThan(10);
  });

  it('replays without negative stock to exactly the simulated stock, in date then kind order', () => {
    checkLedger(sim);
  });

  it('holds for other seeds, small catalogues, short windows and a Q4 as-of date', () => {
    for (const options of [
      { seed: 1, asOf: '2024-12-15', skuCount: 50, days: 400 },
      { seed: 2, asOf: '2025-03-01', skuCount: 7, days: 120 },
      { seed: 3, asOf: '2025-11-28', skuCount: 120 },
    ]) {
      checkLedger(simulateDemoSeller(options));
    }
  });

  it('matches every received PO line to exactly one receipt, and nothing else is received', () => {
    const receipts = seller.events.filter((e) => e.kind === 'receipt');
    const byKey = new Map(receipts.map((r) => [`${r.poNumber}|${r.sku}`, r]));
    expect(byKey.size).toBe(receipts.length);
    const received = seller.purchaseOrders.filter((po) => po.receivedOn !== null);
    let lines = 0;
    for (const po of received) {
      for (const line of po.lines) {
        const r = byKey.get(`${po.number}|${line.sku}`);
        expect(r, `${po.number} ${line.sku}`).toMatchObject({
          date: po.receivedOn,
          location: po.location,
          quantity: line.receivedQuantity,
          unitCost: line.unitCost,
        });
        expect(line.receivedQuantity).toBeGreaterThan(0);
        expect(line.receivedQuantity).toBeLessThanOrEqual(line.quantity);
        lines++;
      }
      expect(po.orderedOn < po.receivedOn!).toBe(true);
    }
    expect(lines).toBe(receipts.length);
    // Opening stock is a receipt on the first day.
    expect(receipts[0]?.date).toBe(seller.events[0]?.date);
  });

  it('leaves a few POs open (inbound) with a future ETA and nothing received', () => {
    const open = seller.purchaseOrders.filter((po) => po.receivedOn === null);
    expect(open.length).toBeGreaterThanOrEqual(3);
    for (const po of open) {
      expect(po.expectedOn > AS_OF && po.orderedOn <= AS_OF).toBe(true);
      expect(po.lines.every((l) => l.receivedQuantity === 0 && l.quantity > 0)).toBe(true);
    }
    const numbers = seller.purchaseOrders.map((po) => po.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('aggregates sales to one event per SKU × location × day × channel × price', () => {
    const sales = seller.events.filter((e) => e.kind === 'sale');
    const keys = new Set(sales.map((e) => `${e.date}|${e.sku}|${e.location}|${e.channel}|${e.unitPrice}`));
    expect(keys.size).toBe(sales.length);
    expect(sales.filter((e) => e.location !== (e.channel === 'amazon' ? 'FBA-US' : 'WH1'))).toEqual([]);
  });
});

describe('the stories a dashboard needs', () => {
  const active = (): DemoSeller['products'] =>
    seller.products.filter((p) => p.listingStatus === 'active' && p.replenishable);

  it('has SKUs out of stock at FBA today, and stock-outs in history', () => {
    expect(
      active().filter((p) => p.demandPattern !== 'intermittent' && fbaOnHand(p.sku) === 0).length,
    ).toBeGreaterThanOrEqual(3);
    // A stock-out in history: a sale that emptied FBA (demand met or exceeded the stock left).
    const stock = new Map<string, number>();
    const emptiedBy = new Set<string>();
    for (const e of seller.events) {
      const move = (location: string, quantity: number): number => {
        const key = stockKey(e.sku, location);
        const next = (stock.get(key) ?? 0) + quantity;
        stock.set(key, next);
        return next;
      };
      if (e.kind === 'receipt' || (e.kind === 'return' && e.sellable) || e.kind === 'adjustment')
        move(e.location, e.quantity);
      else if (e.kind === 'transfer') {
        move(e.to, e.quantity);
        move(e.from, -e.quantity);
      } else if (e.kind === 'sale' && move(e.location, -e.quantity) === 0 && e.location === 'FBA-US')
        emptiedBy.add(e.sku);
    }
    expect(emptiedBy.size).toBeGreaterThanOrEqual(seller.products.length * 0.1);
  });

  it('has intermittent long-tail SKUs that sell on few days', () => {
    const intermittent = seller.products.filter((p) => p.demandPattern === 'intermittent');
    expect(intermittent.length).toBeGreaterThanOrEqual(seller.products.length * 0.1);
    const saleDays = new Map<string, Set<string>>();
    for (const e of seller.events)
      if (e.kind === 'sale') (saleDays.get(e.sku) ?? saleDays.set(e.sku, new Set()).get(e.sku)!).add(e.date);
    const shares = intermittent.map((p) => (saleDays.get(p.sku)?.size ?? 0) / 730).sort((a, b) => a - b);
    expect(shares[Math.floor(shares.length / 2)]).toBeLessThan(0.3);
  });

  it('has overstocked SKUs (over 90 days of supply at FBA, over 180 overall)', () => {
    const sold = unitsSold(seller.events, { from: '2025-04-02', to: AS_OF });
    const replay = replayStock(seller.events);
    const days = (sku: string, locations: string[]): number => {
      const onHand = locations.reduce((s, l) => s + (replay.onHand.get(stockKey(sku, l)) ?? 0), 0);
      return onHand / Math.max((sold.get(sku) ?? 0) / 90, 1e-9);
    };
    const selling = active().filter((p) => (sold.get(p.sku) ?? 0) > 0);
    expect(selling.filter((p) => days(p.sku, ['FBA-US']) > 90).length).toBeGreaterThanOrEqual(5);
    expect(selling.filter((p) => days(p.sku, ['FBA-US', 'WH1']) > 180).length).toBeGreaterThanOrEqual(5);
  });

  it('has aged stock over 180 and over 365 days at FBA, but not most of it', () => {
    const fba = ageBuckets(seller.events, AS_OF).get('FBA-US')!;
    const total = fba.reduce((s, x) => s + x, 0);
    expect(fba[4]).toBeGreaterThan(0);
    expect(fba[2] + fba[3]).toBeGreaterThan(0);
    expect(fba[0] / total).toBeGreaterThan(0.5);
  });

  it('has stranded SKUs: inactive or listing-error products still holding FBA stock', () => {
    const stranded = seller.products.filter((p) => p.listingStatus !== 'active' && fbaOnHand(p.sku) > 0);
    expect(stranded.length).toBeGreaterThanOrEqual(3);
    expect(stranded.some((p) => p.listingStatus === 'error')).toBe(true);
    expect(seller.products.filter((p) => p.listingStatus === 'inactive').every((p) => !p.replenishable)).toBe(
      true,
    );
  });

  it('launches new SKUs within the last 60 days', () => {
    const fresh = seller.products.filter((p) => p.demandPattern === 'new');
    expect(fresh.length).toBeGreaterThanOrEqual(3);
    const firstSale = new Map<string, string>();
    for (const e of seller.events)
      if (e.kind === 'sale' && !firstSale.has(e.sku)) firstSale.set(e.sku, e.date);
    for (const p of fresh) expect(firstSale.get(p.sku)! >= '2025-05-01').toBe(true);
  });

  it('returns 2–5 % of units, some unsellable, and sells mostly on Amazon with promotions', () => {
    const sum = (f: (e: DemoEvent) => number): number => seller.events.reduce((s, e) => s + f(e), 0);
    const sold = sum((e) => (e.kind === 'sale' ? e.quantity : 0));
    const returned = sum((e) => (e.kind === 'return' ? e.quantity : 0));
    expect(returned / sold).toBeGreaterThan(0.02);
    expect(returned / sold).toBeLessThan(0.05);
    expect(sum((e) => (e.kind === 'return' && !e.sellable ? 1 : 0))).toBeGreaterThan(0);
    expect(sum((e) => (e.kind === 'sale' && e.channel === 'amazon' ? e.quantity : 0)) / sold).toBeGreaterThan(
      0.75,
    );
    const price = new Map(seller.products.map((p) => [p.sku, p.price]));
    const sales = seller.events.filter((e) => e.kind === 'sale');
    expect(sales.some((e) => e.unitPrice < price.get(e.sku)!)).toBe(true);
    expect(
      sales.every(
        (e) =>
          e.unitPrice <= price.get(e.sku)! && (e.channel === 'amazon' || e.unitPrice === price.get(e.sku)),
      ),
    ).toBe(true);
  });

  it('peaks in Q4 and on Prime Day', () => {
    const perDay = (from: string, to: string): number => {
      const units = [...unitsSold(seller.events, { from, to }).values()].reduce((s, x) => s + x, 0);
      return units / ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1);
    };
    expect(perDay('2024-11-15', '2024-12-20')).toBeGreaterThan(1.25 * perDay('2024-03-01', '2024-03-31'));
    // Prime Day 2024 in this calendar: the second Tuesday of July and the day after.
    expect(perDay('2024-07-09', '2024-07-10')).toBeGreaterThan(1.4 * perDay('2024-06-17', '2024-06-30'));
  });

  it('books occasional count adjustments in both directions', () => {
    const adjustments = seller.events.filter((e) => e.kind === 'adjustment');
    expect(adjustments.some((e) => e.quantity > 0) && adjustments.some((e) => e.quantity < 0)).toBe(true);
    expect(adjustments.length).toBeLessThan(seller.events.length * 0.05);
  });
});
