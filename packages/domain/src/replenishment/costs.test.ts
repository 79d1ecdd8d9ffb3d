import { describe, expect, it } from 'vitest';
import {
  COST_DEFAULTS,
  cycleRunDown,
  lowInventoryFloorPays,
  lowInventoryLevelFee,
  orderingCost,
  resolveCostTerms,
  shippingPerUnit,
} from './costs';
import { chooseServiceLevel, holdingCostPerUnitDay } from './economics';
import type { JointLine } from './joint-order';
import { jointOrder } from './joint-order';
import { flatForecast, restockInput } from './plan.fixture';
import type { RestockInput } from './restock';
import { recommendRestock } from './restock';
import { chooseReviewPeriod } from './review-period';

const flat = flatForecast;

/** The shared restock inputs with an uncertain lead time (sd 2 days). */
const input = (overrides: Partial<RestockInput> = {}): RestockInput =>
  restockInput({ leadTime: { meanDays: 10, sdDays: 2, productionDays: 4 }, ...overrides });

/** Every number anywhere in a value is finite (no NaN leaks into an answer). */
function allFinite(x: unknown, path = '$'): string[] {
  if (typeof x === 'number') return Number.isFinite(x) ? [] : [path];
  if (x === null || typeof x !== 'object') return [];
  return Object.entries(x).flatMap(([k, v]) => allFinite(v, `${path}.${k}`));
}

describe('ordering and shipping costs', () => {
  it('supplier terms win over the account, the account over the defaults', () => {
    const t = resolveCostTerms({ orderCost: 50, lineCost: null }, { lineCost: 1, shippingPerUnit: 0.1 });
    expect(t).toMatchObject({ orderCost: 50, lineCost: 1, shippingPerUnit: 0.1, shippingPerCubicFoot: 0.3 });
    expect(resolveCostTerms(undefined, undefined)).toEqual(COST_DEFAULTS);
    // $20 + 3 × $0.25 = $20.75; no lines, no order.
    expect(orderingCost(COST_DEFAULTS, 3)).toBeCloseTo(20.75, 9);
    expect(orderingCost(COST_DEFAULTS, 0)).toBe(0);
    // 0.1 + 0.5 cu ft × 0.3 = 0.25 per unit.
    expect(shippingPerUnit({ shippingPerUnit: 0.1, shippingPerCubicFoot: 0.3 }, 0.5)).toBeCloseTo(0.25, 9);
  });

  it("Amazon's low-inventory-level fee by the greater of short- and long-term days of supply", () => {
    const at = (shortTermDays: number | null, longTermDays: number | null, unitsPerWeek = 40) =>
      lowInventoryLevelFee({ shortTermDays, longTermDays, unitsPerWeek, amazon: true });
    expect(at(10, 12)).toBe(0.32);
    expect(at(10, 18)).toBe(0.2);
    expect(at(25, 5)).toBe(0.11);
    expect(at(10, 28)).toBe(0);
    expect(at(10, 12, 19)).toBe(0);
    expect(at(null, 12)).toBe(0);
    expect(lowInventoryLevelFee({ shortTermDays: 1, longTermDays: 1, unitsPerWeek: 99, amazon: false })).toBe(
      0,
    );
  });
});

describe("Amazon's 28-day floor from the low-inventory-level fee", () => {
  const options = { minCoverDaysAfterArrival: 28, minCoverRule: 'low_inventory_fee' as const };
  it('keeps the floor where the fee it avoids exceeds the extra holding', () => {
    // 10/day = 70 a week: the fee applies. The floor adds about 30 days × 10 units × $0.006/day ≈ $1.8/day
    // against $0.32 × 10 = $3.20/day of fee avoided. Amazon averages stock over the 7-day review after
    // arrival, so the floor is 10 × (10 lead + 28 + ⌈7/2⌉) = 420, not 10 × 38 = 380 (average 24.5 days).
    const fast = recommendRestock(input({ forecast: flat(10), casePack: 1 }), options);
    expect(fast.reasoning.orderUpToBasis).toBe('min_cover');
    expect(fast.orderUpTo).toBe(420);
    // A 14-day review runs stock down 7 days: 10 × (10 + 28 + 7) = 450.
    const fortnightly = recommendRestock(input({ forecast: flat(10), casePack: 1 }), {
      ...options,
      reviewDays: 14,
    });
    expect(fortnightly.orderUpTo).toBe(450);
    // A seller's own 28 days count at arrival, whatever the review: 10 × 38 = 380.
    const own = recommendRestock(input({ forecast: flat(10), casePack: 1 }), {
      minCoverDaysAfterArrival: 28,
      reviewDays: 14,
    });
    expect(own.orderUpTo).toBe(380);
  });

  it("judges the fee on Amazon's days of supply: what is left after arrival less half the review", () => {
    // Base 400, 100 sold over the lead time at 10/day: 30 days left after arrival. With no review the
    // fee sees 30 days (no fee); over a 14-day review it sees 30 − 7 = 23 days: $0.11 × 10 = $1.10/day
    // avoided against 50 extra units × $0.01 = $0.50/day held → kept; at $0.03/unit-day ($1.50) → dropped.
    const at = (reviewDays: number, holdingPerUnitDay: number) =>
      lowInventoryFloorPays({
        base: 400,
        floor: 450,
        demandOverLead: 100,
        dailyDemand: 10,
        holdingPerUnitDay,
        reviewDays,
      });
    expect(at(0, 0.01)).toBe(false);
    expect(at(14, 0.01)).toBe(true);
    expect(at(14, 0.03)).toBe(false);
    expect(cycleRunDown(14)).toBe(7);
    expect(cycleRunDown(Number.NaN)).toBe(0);
  });
  it('drops it for a SKU exempt from the fee (under 20 units a week) or when holding costs more', () => {
    const slow = recommendRestock(input({ forecast: flat(2), casePack: 1 }), options);
    expect(slow.reasoning.orderUpToBasis).toBe('service_level');
    // Under the margin rule (a seller's setting) the same floor is kept.
    const set = recommendRestock(input({ forecast: flat(2), casePack: 1 }), { minCoverDaysAfterArrival: 28 });
    expect(set.reasoning.orderUpToBasis).toBe('min_cover');
    const floor = { base: 30, floor: 60, demandOverLead: 20, dailyDemand: 10 };
    expect(lowInventoryFloorPays({ ...floor, holdingPerUnitDay: 0.2 })).toBe(false);
    expect(lowInventoryFloorPays({ ...floor, holdingPerUnitDay: 0.01 })).toBe(true);
  });
});

describe('review period per supplier (economic order interval)', () => {
  it('balances the order cost against cycle-stock holding, hand-worked', () => {
    // K = 20 + 10 × 0.25 = 22.5; Σ dh = 10 × 2 × 0.01 = 0.2; T* = √(2 · 22.5 / 0.2) = 15.
    // 14 days: 22.5/14 + 7 × 0.2 = 3.0071; 21 days: 22.5/21 + 10.5 × 0.2 = 3.1714 → 14.
    const lines = Array.from({ length: 10 }, () => ({ dailyDemand: 2, holdingPerUnitDay: 0.01 }));
    const r = chooseReviewPeriod(lines, { terms: COST_DEFAULTS });
    expect(r.optimumDays).toBeCloseTo(15, 9);
    expect(r.reviewDays).toBe(14);
    expect(r.costPerDay).toBeCloseTo(22.5 / 14 + 1.4, 9);
    // A single fast line: K = 20.25, dh = 50 × 0.01 = 0.5 → T* = 9; 7: 2.893 + 1.75 = 4.643 < 14: 1.446 + 3.5.
    expect(
      chooseReviewPeriod([{ dailyDemand: 50, holdingPerUnitDay: 0.01 }], { terms: COST_DEFAULTS }).reviewDays,
    ).toBe(7);
    // No ordering cost: order every day; nothing sells: the longest period.
    expect(chooseReviewPeriod(lines, { terms: { orderCost: 0, lineCost: 0 } }).reviewDays).toBe(1);
    expect(
      chooseReviewPeriod([{ dailyDemand: 0, holdingPerUnitDay: 0.01 }], { terms: COST_DEFAULTS }),
    ).toMatchObject({
      reviewDays: 1,
      orderingCost: 0,
    });
  });
});

describe('joint orders per supplier', () => {
  const line = (key: string, dailyDemand: number, holdingPerUnitDay = 0.01): JointLine => ({
    key,
    quantity: 10,
    multiple: 10,
    unitCost: 5,
    cubicFeet: 1,
    dailyDemand,
    holdingPerUnitDay,
  });

  it('tops up to the minimum order value on the line cheapest to carry, hand-worked', () => {
    // $100 < $150. A case of A waits 10/5 + 1 = 3 days: 10 × 0.01 × 3 = $0.30 ($0.006 per $);
    // a case of B waits 10/1 + 5 = 15 days: $1.50 ($0.03 per $) → one case of A.
    const o = jointOrder([line('A', 5), line('B', 1)], { ...COST_DEFAULTS, minOrderValue: 150 });
    expect(Object.fromEntries(o.quantities)).toEqual({ A: 20, B: 10 });
    expect(o).toMatchObject({ value: 150, lines: 2, toppedUp: 'min_order_value' });
    expect(o.topUpHoldingCost).toBeCloseTo(0.3, 9);
    // 20 + 2 × 0.25; freight 30 units × 1 cu ft × 0.3.
    expect(o.orderingCost).toBeCloseTo(20.5, 9);
    expect(o.shipping).toBeCloseTo(9, 9);
  });

  it('reaches free freight only when the extra carry costs less than the freight', () => {
    const terms = { ...COST_DEFAULTS, freeFreightValue: 150 };
    // Freight on 20 units = $6; the top-up carries for $0.30 → take it, freight free.
    const cheap = jointOrder([line('A', 5), line('B', 1)], terms);
    expect(cheap).toMatchObject({ toppedUp: 'free_freight', shipping: 0, value: 150 });
    // Holding $1/unit-day: the same case costs $30 to carry > $6 freight → pay the freight.
    const dear = jointOrder([line('A', 5, 1), line('B', 1, 1)], terms);
    expect(dear).toMatchObject({ toppedUp: 'none', value: 100 });
    expect(dear.shipping).toBeCloseTo(6, 9);
  });
});

describe('service level from economics (no cap)', () => {
  it('a cheap, thin-margin SKU gets a lower level than a dear one', () => {
    const storage = (0.78 * 12) / 365;
    /** The economic service level of a SKU of 0.1 cu ft over a 7-day cover at the shared storage rate. */
    const levelOf = (sku: { price: number; unitCost: number; feesPerUnit: number }) =>
      chooseServiceLevel({
        ...sku,
        holdingPerUnitDay: holdingCostPerUnitDay({ ...sku, cubicFeet: 0.1, storagePerCubicFootDay: storage }),
        coverDays: 7,
      });
    // Cheap: holding 1.2 × 0.25/365 + 0.1 × storage = 0.0033863/day × 7 = 0.023704; u = 3 − 1.2 − 1.5 = 0.3
    // → 0.3 / 0.323704 = 0.92677.
    const cheap = levelOf({ price: 3, unitCost: 1.2, feesPerUnit: 1.5 });
    expect(cheap.serviceLevel).toBeCloseTo(0.92677, 4);
    // Dear: holding 24 × 0.25/365 + 0.1 × storage = 0.0190027 × 7 = 0.133019; u = 60 − 24 − 12 = 24 → 0.99449.
    const dear = levelOf({ price: 60, unitCost: 24, feesPerUnit: 12 });
    expect(dear.serviceLevel).toBeCloseTo(0.99449, 4);
    // The plan follows: more safety stock for the dear SKU on the same demand.
    const a = recommendRestock(input({ price: 3, unitCost: 1.2, feesPerUnit: 1.5, casePack: 1 }));
    const b = recommendRestock(input({ price: 60, unitCost: 24, feesPerUnit: 12, casePack: 1 }));
    // Per review cycle (docs/decisions.md 37): 0.92677 × P(D_L ≤ S) = 0.92677 × 0.9997, the lead time's
    // own tail left to the cycle before.
    expect(a.serviceLevel).toBeCloseTo(0.9265, 4);
    expect(b.serviceLevel).toBeCloseTo(0.9945, 4);
    expect(b.safetyStock).toBeGreaterThan(a.safetyStock);
  });
});

describe('missing inputs: one explicit rule each, never NaN', () => {
  const check = (r: ReturnType<typeof recommendRestock>) => {
    expect(allFinite({ ...r, unitCost: r.unitCost ?? 0 })).toEqual([]);
    expect(r.arrivalDate).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(r.reasoning.summary).toContain('Assumed:');
  };

  it('no unit cost: costed at 50% of the price for the economics, no purchase cost', () => {
    const r = recommendRestock(input({ unitCost: null }));
    check(r);
    // u = 20 − 10 − 5 = 5; holding 10 × 0.25/365 + 0.1 × 0.025644 = 0.0094137 × 7 = 0.065896 → 0.98700.
    expect(r.reasoning.serviceLevelSource).toBe('economics');
    expect(r.serviceLevel).toBeCloseTo(0.987, 3);
    expect(r.estimatedCost).toBeNull();
    expect(r.reasoning.assumptions.map((a) => a.input)).toEqual(['unitCost']);
    expect(r.reasoning.assumptions[0]!.rule).toContain('$10.00');
  });

  it('no price: the default 95% level, said so', () => {
    const r = recommendRestock(input({ price: null }));
    check(r);
    expect(r.reasoning.serviceLevelSource).toBe('default');
    expect(r.serviceLevel).toBe(0.95);
    expect(r.reasoning.assumptions.map((a) => a.input)).toEqual(['price']);
  });

  it('no case pack: ordered in single units', () => {
    for (const casePack of [null, 0, Number.NaN]) {
      const r = recommendRestock(input({ casePack }));
      check(r);
      expect(r.reasoning.casePack).toBe(1);
      expect(r.reasoning.rounding).toBe('none');
      expect(r.reasoning.assumptions.map((a) => a.input)).toEqual(['casePack']);
    }
  });

  it('no lead time: 30 days (±15%), and how each real day would move the order-up-to', () => {
    const r = recommendRestock(input({ leadTime: { meanDays: Number.NaN, sdDays: Number.NaN } }));
    check(r);
    expect(r.leadTimeDays).toBe(30);
    expect(r.reasoning.leadTimeSdDays).toBe(4.5);
    expect(r.arrivalDate).toBe('2025-04-02');
    expect(r.reasoning.assumptions.map((a) => a.input)).toEqual(['leadTime', 'leadTimeSpread']);
    expect(r.reasoning.assumptions[0]!.effect).toContain('2.00 units');
    // The network plan's default for a SKU without a supplier is flagged the same way.
    const assumed = recommendRestock(input({ leadTime: { meanDays: 30, sdDays: 4.5, assumed: true } }));
    expect(assumed.reasoning.assumptions.map((a) => a.input)).toEqual(['leadTime']);
    expect(assumed.orderUpTo).toBe(r.orderUpTo);
  });

  it('no on-hand count: none on hand, said so', () => {
    const uncounted = recommendRestock(
      input({ stock: { onHand: 0, reserved: 0, inbound: 0, counted: false } }),
    );
    check(uncounted);
    expect(uncounted.reasoning.assumptions.map((a) => a.input)).toEqual(['onHand']);
    const nan = recommendRestock(input({ stock: { onHand: Number.NaN, reserved: 0, inbound: 0 } }));
    check(nan);
    expect(nan.recommendedQuantity).toBe(uncounted.recommendedQuantity);
    expect(nan.reasoning.position.available).toBe(0);
  });

  it('every input present: no assumption', () => {
    expect(recommendRestock(input()).reasoning.assumptions).toEqual([]);
  });
});
