import { describe, expect, it } from 'vitest';
import { capacityBins, fitToCapacity } from './capacity-fit';
import { overflowToHub } from './capacity-overflow';
import type { NetworkPlanInput, SourcedForecast } from './network-plan';
import { planNetwork, resolveSupplyMode } from './network-plan';
import { applyHolds, explainHeldBack } from './plan-holds';
import type { PlanLine, PlanLocation, PlanProduct } from './plan-line';
import { MUG_PRODUCT, acmeSupply, flatForecast, planLocation } from './plan.fixture';
import { planningPosition } from './position';

const flat = flatForecast;
const stored = (perDay: number): SourcedForecast => ({ f: flat(perDay), source: 'stored' });

const product: PlanProduct = MUG_PRODUCT;
const loc = planLocation;
const FBA = loc(10, 'FBA1', 'amazon_fba');
const HUB = loc(20, 'WH1', 'warehouse');
const TPL = loc(30, '3PL1', '3pl');

function input(over: Partial<NetworkPlanInput<PlanProduct, PlanLocation>> = {}) {
  return {
    asOf: '2026-03-02',
    mode: undefined,
    products: [product],
    locations: [FBA, HUB],
    itemsOf: new Map([[1, new Set([10, 20])]]),
    stock: new Map([
      ['1:10', { onHand: 0, reserved: 0, inbound: 0 }],
      ['1:20', { onHand: 50, reserved: 10, inbound: 0 }],
    ]),
    forecasts: new Map([['1:10', stored(3)]]),
    ...acmeSupply(),
    ...over,
  };
}

const at = (lines: readonly PlanLine[], code: string) => lines.find((l) => l.location.code === code)!;

describe('planningPosition', () => {
  const base = {
    productId: 1,
    sku: 'MUG',
    locationId: 10,
    location: 'FBA1',
    locationType: 'amazon_fba',
    asOf: '2026-03-02',
    demandSource: 'stored' as const,
    local: { alert: null, leadTimeDays: 10 },
    coverLowDays: 28,
    coverHighDays: 90,
  };

  it('is the local stock over the local demand', () => {
    const p = planningPosition({
      ...base,
      stock: { onHand: 20, reserved: 5, inbound: 10 },
      forecast: flat(2),
    });
    // available 20 − 5 = 15; days of supply (15 + 10) ÷ 2 = 12.5; out on day 12 → 2026-03-14.
    expect(p).toMatchObject({
      available: 15,
      backorders: 0,
      dailyDemand: 2,
      daysOfSupply: 12.5,
      stockOutDate: '2026-03-14',
      excessUnits: 0, // 20 on hand ≤ 90 × 2
      sells: true,
      leadTimeDays: 10,
    });
  });

  it('counts backorders and is out of stock today when nothing is available', () => {
    const p = planningPosition({ ...base, stock: { onHand: 3, reserved: 5, inbound: 0 }, forecast: flat(1) });
    // available −2 → 2 backordered; supply max(0, −2) + 0 = 0 → 0 days, out today.
    expect(p).toMatchObject({ available: -2, backorders: 2, daysOfSupply: 0, stockOutDate: '2026-03-02' });
  });

  it('without demand: no days of supply, no stock-out date, every unit on hand is excess', () => {
    const p = planningPosition({ ...base, stock: { onHand: 7, reserved: 0, inbound: 4 }, forecast: flat(0) });
    expect(p).toMatchObject({ daysOfSupply: null, stockOutDate: null, excessUnits: 7, sells: false });
  });

  it('measures a hub’s excess against the demand it serves', () => {
    const p = planningPosition({
      ...base,
      stock: { onHand: 500, reserved: 0, inbound: 0 },
      forecast: flat(0),
      downstreamDailyDemand: 2,
    });
    // served 0 + 2 = 2/day: 500 − 90 × 2 = 320 excess; its own days of supply stay null.
    expect(p).toMatchObject({ excessUnits: 320, servedDailyDemand: 2, daysOfSupply: null });
  });
});

describe('network planning by default', () => {
  it('plans via the hub for an account with a warehouse or 3PL and Amazon, direct otherwise', () => {
    expect(resolveSupplyMode(undefined, [FBA, HUB])).toEqual({ mode: 'via_warehouse', hub: HUB });
    expect(resolveSupplyMode(undefined, [FBA, TPL])).toEqual({ mode: 'via_warehouse', hub: TPL });
    expect(resolveSupplyMode(undefined, [FBA]).mode).toBe('direct');
    expect(resolveSupplyMode(undefined, [HUB]).mode).toBe('direct');
    expect(resolveSupplyMode('direct', [FBA, HUB]).mode).toBe('direct');
  });

  it('sends hub stock to the FC first; the hub row shows its own position, the echelon in its reasoning', () => {
    const { mode, lines } = planNetwork(input());
    expect(mode).toBe('via_warehouse');
    const fc = at(lines, 'FBA1');
    const hub = at(lines, 'WH1');
    expect([fc.action, fc.source]).toEqual(['transfer', 'WH1']);
    // FBA1: nothing available, sells 3/day → out of stock; the transfer ships the hub's 40 available today.
    expect(fc.position).toMatchObject({ alert: 'out_of_stock', daysOfSupply: 0, leadTimeDays: 10 });
    expect(fc.rec.recommendedQuantity).toBe(40);
    expect(fc.rec.shipDate).toBe('2026-03-02');
    // WH1 sells nothing itself: no days of supply, no alert — not the echelon's figures.
    expect(hub.position).toMatchObject({ available: 40, dailyDemand: 0, daysOfSupply: null, alert: null });
    expect(hub.position.servedDailyDemand).toBe(3);
    // Echelon: 40 + 0 available over 3/day = 13.3 days.
    expect(hub.echelon).toMatchObject({ available: 40, dailyDemand: 3, daysOfSupply: 13.3 });
    // 13.3 days of echelon supply against a 50-day lead time to the hub: the echelon must reorder now.
    expect(hub.position.echelonAlert).toBe('reorder_now');
    expect(fc.position.echelonAlert).toBeNull();
    expect(hub.rec.recommendedQuantity).toBeGreaterThan(0);
  });
});

describe('held back', () => {
  const noAdvice = { clearanceAt: () => undefined, overrides: new Map() };

  it('holds back a purchase that loses money unless the seller overrides', () => {
    const cheap = { ...product, price: 6 };
    const run = (buyDespiteLoss: boolean) => {
      const { lines } = planNetwork(
        input({ mode: 'direct', products: [cheap], itemsOf: new Map([[1, new Set([10])]]) }),
      );
      applyHolds(lines, {
        clearanceAt: () => undefined,
        overrides: new Map([[1, { buyDespiteClearance: false, buyDespiteLoss }]]),
      });
      explainHeldBack(lines);
      return lines[0]!;
    };
    const held = run(false);
    // $6 − $5 cost − referral and fulfilment fees < 0.
    expect(held.marginPerUnit).toBeLessThan(0);
    expect(held.rec.recommendedQuantity).toBe(0);
    expect(held.unconstrained).toBeGreaterThan(0);
    expect(held.heldBack).toMatchObject({ reason: 'unprofitable', figures: { price: 6 } });
    expect(held.heldBack!.figures['marginPerUnit']).toBe(held.marginPerUnit);
    const bought = run(true);
    expect(bought.rec.recommendedQuantity).toBe(bought.unconstrained);
    expect(bought.heldBack).toBeNull();
  });

  it('the hub’s purchase is held back when its units lose money where they sell (at Amazon)', () => {
    const cheap = { ...product, price: 6 };
    const { lines } = planNetwork(input({ products: [cheap] }));
    applyHolds(lines, noAdvice);
    explainHeldBack(lines);
    expect(at(lines, 'WH1').heldBack?.reason).toBe('unprofitable');
    expect(at(lines, 'FBA1').rec.recommendedQuantity).toBe(40); // owned stock is still sent
  });

  it('holds back where clearance is advised unless the seller overrides', () => {
    const advice = { action: 'markdown', estimatedSavings: 12.5 };
    const run = (buyDespiteClearance: boolean) => {
      const { lines } = planNetwork(input({ mode: 'direct', itemsOf: new Map([[1, new Set([10])]]) }));
      applyHolds(lines, {
        clearanceAt: () => advice,
        overrides: new Map([[1, { buyDespiteClearance, buyDespiteLoss: false }]]),
      });
      return lines[0]!;
    };
    const held = run(false);
    expect(held.rec.recommendedQuantity).toBe(0);
    expect(held.heldBack).toMatchObject({ reason: 'clearance', figures: { estimatedSavings: 12.5 } });
    expect(held.heldBack!.message).toContain('markdown');
    expect(run(true).heldBack).toBeNull();
  });

  it('capacity: a purchase cut at Amazon is bought for the hub instead', () => {
    const tight = loc(10, 'FBA1', 'amazon_fba', { standard: 20 });
    const inp = input({
      mode: 'direct',
      locations: [tight, HUB],
      itemsOf: new Map([[1, new Set([10])]]),
      stock: new Map([['1:10', { onHand: 20, reserved: 0, inbound: 0 }]]),
    });
    const { lines } = planNetwork(inp);
    expect(lines).toHaveLength(1);
    const wanted = lines[0]!.rec.recommendedQuantity;
    // 20 on hand × 0.5 cu ft = 10 used of 20: 10 cu ft free = 20 units.
    fitToCapacity(
      capacityBins({
        lines,
        locations: [tight],
        stock: [{ productId: 1, locationId: 10, onHand: 20, inbound: 0 }],
        catalogue: [product],
      }),
      { solve: undefined },
    );
    const all = overflowToHub(lines, { input: inp, hub: HUB });
    explainHeldBack(all);
    const fc = at(all, 'FBA1');
    const hub = at(all, 'WH1');
    expect(fc.rec.recommendedQuantity).toBe(20);
    expect(fc.heldBack).toMatchObject({
      reason: 'capacity',
      figures: { cutQuantity: wanted - 20, movedToHubQuantity: wanted - 20 },
    });
    // The hub had no line (no stock, no demand): one is added for exactly the cut units.
    expect(hub.rec.recommendedQuantity).toBe(wanted - 20);
    expect(hub.action).toBe('purchase');
  });

  it('capacity: a transfer cut at Amazon waits at the hub', () => {
    const tight = loc(10, 'FBA1', 'amazon_fba', { standard: 10 });
    const { lines } = planNetwork(input({ locations: [tight, HUB] }));
    fitToCapacity(capacityBins({ lines, locations: [tight], stock: [], catalogue: [product] }), {
      solve: undefined,
    });
    explainHeldBack(lines);
    // 10 cu ft ÷ 0.5 = 20 of the 40 sent; the other 20 stay at WH1.
    const fc = at(lines, 'FBA1');
    expect(fc.rec.recommendedQuantity).toBe(20);
    expect(fc.heldBack).toMatchObject({ reason: 'capacity', figures: { cutQuantity: 20 } });
    expect(fc.heldBack!.message).toContain('wait at WH1');
  });

  it('an FC the hub cannot supply, with no supplier to buy from, says so', () => {
    const { lines } = planNetwork(input({ terms: new Map() }));
    explainHeldBack(lines);
    const fc = at(lines, 'FBA1');
    // The hub's 40 available go; the rest of what FBA1 wants cannot be bought.
    expect(fc.rec.recommendedQuantity).toBe(40);
    expect(fc.heldBack).toMatchObject({
      reason: 'no_supplier',
      figures: { plannedQuantity: 40, missingQuantity: fc.unconstrained - 40 },
    });
  });

  it('an act-now row with nothing to order says what covers it', () => {
    const { lines } = planNetwork(
      input({
        mode: 'direct',
        itemsOf: new Map([[1, new Set([10])]]),
        stock: new Map([['1:10', { onHand: 0, reserved: 0, inbound: 500 }]]),
      }),
    );
    explainHeldBack(lines);
    const fc = lines[0]!;
    expect(fc.position.alert).toBe('out_of_stock');
    expect(fc.rec.recommendedQuantity).toBe(0);
    expect(fc.heldBack).toMatchObject({ reason: 'covered_by_transfer', figures: { inbound: 500 } });
  });

  it('a hub out of stock while the network holds plenty says the network covers it', () => {
    const { lines } = planNetwork(
      input({
        forecasts: new Map([
          ['1:10', stored(1)],
          ['1:20', stored(1)],
        ]),
        stock: new Map([
          ['1:10', { onHand: 400, reserved: 0, inbound: 0 }],
          ['1:20', { onHand: 0, reserved: 0, inbound: 0 }],
        ]),
      }),
    );
    explainHeldBack(lines);
    const hub = at(lines, 'WH1');
    expect(hub.position.alert).toBe('out_of_stock');
    expect(hub.rec.recommendedQuantity).toBe(0);
    // Echelon: 400 available over 2/day = 200 days.
    expect(hub.heldBack).toMatchObject({
      reason: 'covered_by_transfer',
      figures: { echelonAvailable: 400, echelonDaysOfSupply: 200 },
    });
  });
});
