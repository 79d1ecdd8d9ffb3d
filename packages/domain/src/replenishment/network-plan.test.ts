import { describe, expect, it } from 'vitest';
import { binOverflows, capacityBins, fitToCapacity } from './capacity-fit';
import type { NetworkPlanInput, SourcedForecast } from './network-plan';
import {
  planNetwork,
  rebaseForecast,
  resolveSupplyMode,
  sumForecasts,
  supplierLeadTime,
} from './network-plan';
import type { PlanLocation, PlanProduct } from './plan-line';
import { ACME_SUPPLIER, MUG_PRODUCT, acmeSupply, flatForecast, planLocation } from './plan.fixture';
import { compareByUrgency, planTotals } from './plan-summary';
import { draftOrdersFromPlan } from './purchase-order-drafts';
import { routeLeadTime } from './route-lead-time';

const flat = flatForecast;

const product: PlanProduct = MUG_PRODUCT;
const loc = planLocation;
const FBA = loc(10, 'FBA1', 'amazon_fba');
const FBA2 = loc(11, 'FBA2', 'amazon_fba');
const HUB = loc(20, 'WH1', 'warehouse');
const supplier = ACME_SUPPLIER;

function input(over: Partial<NetworkPlanInput<PlanProduct, PlanLocation>> = {}) {
  const stored = (perDay: number): SourcedForecast => ({ f: flat(perDay), source: 'stored' });
  return {
    asOf: '2026-03-02',
    mode: undefined,
    products: [product],
    locations: [FBA, FBA2, HUB],
    itemsOf: new Map([[1, new Set([10, 11])]]),
    stock: new Map([
      ['1:10', { onHand: 20, reserved: 0, inbound: 0 }],
      ['1:11', { onHand: 0, reserved: 0, inbound: 0 }],
      ['1:20', { onHand: 50, reserved: 10, inbound: 0 }],
    ]),
    forecasts: new Map([
      ['1:10', stored(3)],
      ['1:11', stored(1)],
    ]),
    ...acmeSupply(),
    ...over,
  };
}

describe('planNetwork', () => {
  it("reviews each supplier at the period its ordering cost against its lines' holding cost gives", () => {
    // Holding: 5 × 0.25/365 + 0.5 cu ft × $0.78/month over Mar–May ≈ 0.003425 + 0.012717 = 0.016141 per
    // unit-day; Σ dh = (3 + 1) × 0.016141 = 0.0646; K = $20 + 2 × $0.25 = $20.5 → T* = √(41/0.0646) ≈ 25.2:
    // 28 days costs 0.732 + 0.904 = 1.636/day, 21 days 0.976 + 0.678 = 1.654.
    const review = (over: Partial<NetworkPlanInput<PlanProduct, PlanLocation>>) =>
      planNetwork(input({ mode: 'direct', ...over })).lines.map((l) => l.rec.reasoning.reviewDays);
    expect(review({})).toEqual([28, 28]);
    // Free orders: every day; the account's own $2 order cost: K = 2.5 → √(5/0.0646) ≈ 8.8 → 7.
    expect(
      review({ suppliers: new Map([[5, { ...supplier, costs: { orderCost: 0, lineCost: 0 } }]]) }),
    ).toEqual([1, 1]);
    expect(review({ costDefaults: { orderCost: 2 } })).toEqual([7, 7]);
    // A seller's review period for the SKU wins.
    const settings = new Map([
      [1, { serviceLevel: null, reviewDays: 3, minCoverDays: null, maxCoverDays: null, allowExcess: false }],
    ]);
    expect(review({ settings })).toEqual([3, 3]);
  });

  it("learns a supplier's lead time once per route: every SKU's line reads the same one", () => {
    // Ten receipts to FBA1 (40–58 days, mean 49): the route's lead time and distribution, made once and
    // read by both SKUs' lines, so 30,000 SKUs of one supplier never copy its receipts 30,000 times.
    const receipts = [40, 42, 44, 46, 48, 50, 52, 54, 56, 58];
    const mug2 = { ...product, id: 2, sku: 'MUG-2' };
    const over = {
      mode: 'direct' as const,
      products: [product, mug2],
      itemsOf: new Map([
        [1, new Set([10])],
        [2, new Set([10])],
      ]),
      terms: new Map(
        [1, 2].map((id) => [id, { supplierId: 5, unitCost: 5, priceBreaks: [], moq: 0, casePack: 1 }]),
      ),
      observedLeadDays: new Map([[5, receipts]]),
      observedRouteLeadDays: new Map([['5:10', receipts]]),
    };
    const [a, b] = planNetwork(input(over)).lines;
    expect(a!.lead.basis).toBe('route');
    expect(a!.lead.observations).toBe(10);
    expect(b!.lead).toBe(a!.lead);
    expect(b!.lead.receiptDays).toBe(a!.lead.receiptDays);
    expect(b!.lead).toEqual(
      routeLeadTime(supplierLeadTime(supplier, receipts), { hasSupplier: true, routeObservedDays: receipts }),
    );
  });

  it('plans direct without a hub, whatever mode is asked', () => {
    expect(resolveSupplyMode('via_warehouse', [FBA]).mode).toBe('direct');
    expect(resolveSupplyMode('via_warehouse', [FBA, HUB])).toEqual({ mode: 'via_warehouse', hub: HUB });
    const { mode, lines } = planNetwork(input({ mode: 'via_warehouse', locations: [FBA, FBA2] }));
    expect(mode).toBe('direct');
    expect(lines.map((l) => [l.location.code, l.action, l.source])).toEqual([
      ['FBA1', 'purchase', 'ACME'],
      ['FBA2', 'purchase', 'ACME'],
    ]);
    expect(lines[0]!.rec.leadTimeDays).toBe(55);
  });

  it('via a hub: FCs get transfers sharing the hub stock by demand, the hub buys for the echelon', () => {
    const { lines } = planNetwork(input({ mode: 'via_warehouse' }));
    expect(lines.map((l) => [l.location.code, l.action, l.source])).toEqual([
      ['FBA1', 'transfer', 'WH1'],
      ['FBA2', 'transfer', 'WH1'],
      ['WH1', 'purchase', 'ACME'],
    ]);
    const [fc1, fc2, hub] = lines;
    // 40 available at the hub, less than the FCs want: shared 3 : 1.
    expect(fc1!.unconstrained + fc2!.unconstrained).toBeGreaterThan(40);
    expect(fc1!.rec.recommendedQuantity + fc2!.rec.recommendedQuantity).toBe(40);
    expect(fc1!.rec.recommendedQuantity).toBeGreaterThan(fc2!.rec.recommendedQuantity);
    expect(fc1!.rec.reasoning.summary).toMatch(/Only 40 available at WH1 for \d+ wanted by the FCs/);
    expect(fc1!.rec.estimatedCost).toBeNull();
    expect(fc1!.rec.leadTimeDays).toBe(10); // ground + check-in
    // The hub's lead time stops at its door (check-in days left out), its stock is the echelon's.
    expect(hub!.rec.leadTimeDays).toBe(50);
    expect(hub!.stock).toEqual({ onHand: 70, reserved: 10, inbound: 0 });
    expect(hub!.rec.dailyDemand).toBe(4);
    // The hub has no forecast of its own (a zero one is computed), so the echelon's is not all stored.
    expect(hub!.forecastSource).toBe('computed');
  });

  it('plans at the first FBA location a product stocked nowhere, with a zero forecast', () => {
    const { lines } = planNetwork(input({ mode: 'direct', itemsOf: new Map(), forecasts: new Map() }));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.location.code).toBe('FBA1');
    expect(lines[0]!.forecastSource).toBe('computed');
    expect(lines[0]!.rec.recommendedQuantity).toBe(0);
  });

  it('assumes 30 days without a supplier', () => {
    expect(supplierLeadTime(undefined, []).meanDays).toBe(30);
    expect(supplierLeadTime(supplier, []).statedDays).toBe(55);
  });
});

describe('forecasts for the plan', () => {
  it('re-bases a stored forecast, refusing one too old or too short', () => {
    const stored = {
      asOf: '2026-03-01',
      model: 'ets',
      params: {},
      demandClass: 'smooth',
      degenerate: null,
      mean: Array.from({ length: 40 }, (_, t) => t),
      dispersion: 1.5,
      levelVariance: 0.01,
    };
    expect(Array.from(rebaseForecast(stored, { asOf: '2026-03-03' })!.mean.slice(0, 2))).toEqual([2, 3]);
    expect(rebaseForecast(stored, { asOf: '2026-02-28' })).toBeUndefined();
    expect(rebaseForecast(stored, { asOf: '2026-03-16' })).toBeUndefined(); // 15 days old
    expect(
      rebaseForecast({ ...stored, mean: stored.mean.slice(0, 30) }, { asOf: '2026-03-04' }),
    ).toBeUndefined();
  });

  it('sums echelon demand with mean-weighted dispersion', () => {
    const a = { ...flat(3, 2), dispersion: 2, levelVariance: 0.04 };
    const b = { ...flat(1, 3), dispersion: 1, levelVariance: 0 };
    const s = sumForecasts([a, b]);
    expect(Array.from(s.mean)).toEqual([4, 4, 4]);
    expect(s.dispersion).toBeCloseTo((2 * 6 + 1 * 3) / 9, 12);
    expect(s.levelVariance).toBeCloseTo(((0.2 * 6) / 9) ** 2, 12);
  });
});

describe('capacity fit', () => {
  it('cuts lines to the free space and summarises the bin', () => {
    const tight = loc(10, 'FBA1', 'amazon_fba', { standard: 20 });
    const { lines } = planNetwork(input({ locations: [tight], itemsOf: new Map([[1, new Set([10])]]) }));
    const wanted = lines[0]!.rec.recommendedQuantity;
    const bins = capacityBins({
      lines,
      locations: [tight],
      stock: [{ productId: 1, locationId: 10, onHand: 20, inbound: 0 }],
      catalogue: [product],
    });
    expect(bins.map((b) => [b.storageType, b.used, b.free])).toEqual([['standard', 10, 10]]);
    expect(binOverflows(bins[0]!)).toBe(wanted * 0.5 > 10);
    const [summary] = fitToCapacity(bins, { solve: undefined });
    expect(summary).toMatchObject({ location: 'FBA1', binding: true, method: 'greedy' });
    expect(lines[0]!.rec.recommendedQuantity).toBe(20);
    expect(lines[0]!.capacity).toMatchObject({ unconstrainedQuantity: wanted, cutQuantity: wanted - 20 });
  });
});

describe('reading and drafting a plan', () => {
  const item = (sku: string, alert: 'out_of_stock' | 'reorder_soon' | null, orderByDate: string | null) => ({
    sku,
    location: 'FBA1',
    alert,
    orderByDate,
    recommendedQuantity: 2,
    estimatedCost: 1.005,
  });

  it('orders by urgency, then order-by date, then SKU', () => {
    const items = [
      item('C', null, '2026-01-01'),
      item('B', 'reorder_soon', null),
      item('A', 'reorder_soon', '2026-05-01'),
    ];
    items.push(item('D', 'out_of_stock', null));
    expect(items.sort(compareByUrgency).map((i) => i.sku)).toEqual(['D', 'A', 'B', 'C']);
    expect(planTotals(items)).toEqual({
      lines: 4,
      units: 8,
      estimatedCost: 4.02,
      alerts: { reorder_soon: 2, out_of_stock: 1 },
    });
  });

  it('drafts one order per supplier × location, expected at the latest arrival', () => {
    const p = (sku: string, supplier: string | null, location: string, arrivalDate: string) => ({
      action: 'purchase' as const,
      sku,
      location,
      supplier,
      recommendedQuantity: 5,
      unitCost: null,
      arrivalDate,
    });
    const drafts = draftOrdersFromPlan([
      p('A', 'ACME', 'FBA1', '2026-04-01'),
      p('B', 'ACME', 'FBA1', '2026-04-09'),
      p('C', 'ACME', 'WH1', '2026-04-02'),
      p('D', null, 'FBA1', '2026-04-02'),
      { ...p('E', 'ACME', 'FBA1', '2026-05-01'), action: 'transfer' },
    ]);
    expect(drafts.map((d) => [d.supplier, d.location, d.lines.map((l) => l.sku).join(), d.arrival])).toEqual([
      ['ACME', 'FBA1', 'A,B', '2026-04-09'],
      ['ACME', 'WH1', 'C', '2026-04-02'],
    ]);
    expect(() => draftOrdersFromPlan([p('A', 'ACME', 'FBA1', '2026-04-01')], { skus: ['Z'] })).toThrow(
      /no recommendation has a quantity/,
    );
  });
});
