import { describe, expect, it } from 'vitest';
import { learnLeadTime, totalStagedDays } from './lead-time';
import type { RestockInput } from './restock';
import { recommendRestock } from './restock';
import { roundOrderQuantity, unitCostFor } from './rounding';
import { splitByDemand } from './distribution';
import { flatForecast, restockInput } from './plan.fixture';

/** Flat daily demand μ with Poisson noise (dispersion 1) and no level error: sums are Poisson. */
const flat = flatForecast;

/** Nothing on hand, reserved or inbound. */
const EMPTY = { onHand: 0, reserved: 0, inbound: 0 };

const input = restockInput;

/** An empty shelf, ordered unit by unit. */
const emptyShelf = (overrides: Partial<RestockInput> = {}) =>
  input({ stock: EMPTY, casePack: 1, ...overrides });

describe('order quantity rounding', () => {
  it('rounds up to whole cases, then to the MOQ in whole cases; zero stays zero', () => {
    expect(roundOrderQuantity(37, { casePack: 12, moq: 0 })).toEqual({ quantity: 48, reason: 'case_pack' });
    expect(roundOrderQuantity(48, { casePack: 12, moq: 0 })).toEqual({ quantity: 48, reason: 'none' });
    // MOQ 50 in cases of 6 is 9 cases = 54.
    expect(roundOrderQuantity(5, { casePack: 6, moq: 50 })).toEqual({ quantity: 54, reason: 'moq' });
    expect(roundOrderQuantity(0, { casePack: 6, moq: 50 })).toEqual({ quantity: 0, reason: 'none' });
    expect(roundOrderQuantity(Number.NaN, { casePack: 6, moq: 50 }).quantity).toBe(0);
  });

  it('applies the best price break the quantity reaches', () => {
    const breaks = [
      { minQuantity: 100, unitCost: 4.5 },
      { minQuantity: 500, unitCost: 4 },
    ];
    expect(unitCostFor(99, { unitCost: 5, priceBreaks: breaks })).toBe(5);
    expect(unitCostFor(100, { unitCost: 5, priceBreaks: breaks })).toBe(4.5);
    expect(unitCostFor(800, { unitCost: 5, priceBreaks: breaks })).toBe(4);
  });
});

describe('lead time', () => {
  it('sums staged lead times and blends learned receipts with the stated value', () => {
    expect(totalStagedDays({ productionDays: 15, transitDays: 25, groundDays: 5, checkInDays: 5 })).toBe(50);
    expect(learnLeadTime({ statedDays: 50, observedDays: [] })).toMatchObject({
      meanDays: 50,
      sdDays: 7.5,
      source: 'stated',
    });
    // Observed mean 56, variance 36; blended mean (3·56 + 3·50)/6 = 53;
    // variance (2·36 + 3·7.5² + (9/6)·6²) / 5 = 58.95 → sd 7.678
    const l = learnLeadTime({ statedDays: 50, observedDays: [50, 56, 62] });
    expect(l.meanDays).toBeCloseTo(53, 9);
    expect(l.sdDays).toBeCloseTo(Math.sqrt(58.95), 9);
    expect(l.observations).toBe(3);
  });
});

describe('recommendRestock', () => {
  it('orders up to the service-level quantile over lead time + review, rounded up to cases', () => {
    // P = 10 + 7 = 17 days × 2/day = 34; R: qpois(0.95, 34) = 44. Position 18 → need 26 → 3 cases of 12 = 36.
    // Reorder point: qpois(0.95, 20) = 28 ≥ 18 → order today; 18/2 = 9 days of supply < 10-day lead time.
    const r = recommendRestock(input(), { serviceLevel: 0.95 });
    expect(r.orderUpTo).toBe(44);
    expect(r.safetyStock).toBe(10);
    expect(r.reorderPoint).toBe(28);
    expect(r.recommendedQuantity).toBe(36);
    expect(r.reasoning.rounding).toBe('case_pack');
    expect(r.daysOfSupply).toBe(9);
    expect(r.alert).toBe('reorder_now');
    expect(r.orderByDate).toBe('2025-03-03');
    expect(r.shipDate).toBe('2025-03-07');
    expect(r.arrivalDate).toBe('2025-03-13');
    expect(r.estimatedCost).toBe(180);
    expect(r.reasoning.summary).toContain('order 36');
  });

  it('widens safety stock for lead-time variability', () => {
    // Variance 34 + 2²·3² = 70: R qnbinom(0.95, size = 34²/36, mu = 34) = 49.
    const r = recommendRestock(input({ leadTime: { meanDays: 10, sdDays: 3 } }), { serviceLevel: 0.95 });
    expect(r.orderUpTo).toBe(49);
  });

  it('a SKU with no stock and steady sales is out of stock, to be ordered today', () => {
    const r = recommendRestock(emptyShelf(), {
      serviceLevel: 0.95,
    });
    expect(r.alert).toBe('out_of_stock');
    expect(r.orderByDate).toBe('2025-03-03');
    expect(r.recommendedQuantity).toBe(44);
    expect(r.daysOfSupply).toBe(0);
  });

  it('backorders add to the need; inbound counts toward the position', () => {
    const r = recommendRestock(input({ stock: { onHand: 2, reserved: 6, inbound: 10 }, casePack: 1 }), {
      serviceLevel: 0.95,
    });
    expect(r.reasoning.position).toEqual({ available: -4, inbound: 10, backorders: 4, total: 6 });
    expect(r.recommendedQuantity).toBe(38);
    expect(r.alert).toBe('out_of_stock');
  });

  it('with plenty of stock gives the last day to order: when the position falls to the reorder point', () => {
    // 200 − 2t ≤ 20 + 8 → t = 86 → 2025-03-03 + 86 days = 2025-05-28.
    const r = recommendRestock(input({ stock: { onHand: 200, reserved: 0, inbound: 0 } }), {
      serviceLevel: 0.95,
    });
    expect(r.recommendedQuantity).toBe(0);
    expect(r.orderByDate).toBe('2025-05-28');
    expect(r.shipDate).toBe('2025-06-01');
    expect(r.alert).toBeNull();
    expect(r.daysOfSupply).toBe(100);
  });

  it('warns a week ahead: reorder_soon when the order-by date is within the review period', () => {
    // 46 − 2t ≤ 28 → t = 9 > 7: no alert; 40 − 2t ≤ 28 → t = 6 ≤ 7: reorder_soon.
    expect(
      recommendRestock(input({ stock: { onHand: 46, reserved: 0, inbound: 0 } }), { serviceLevel: 0.95 })
        .alert,
    ).toBeNull();
    const soon = recommendRestock(input({ stock: { onHand: 40, reserved: 0, inbound: 0 } }), {
      serviceLevel: 0.95,
    });
    expect(soon.alert).toBe('reorder_soon');
    expect(soon.orderByDate).toBe('2025-03-09');
  });

  it('MOQ above the need is respected', () => {
    const r = recommendRestock(
      input({ casePack: 6, moq: 50, stock: { onHand: 40, reserved: 0, inbound: 0 } }),
      { serviceLevel: 0.95 },
    );
    // need 44 − 40 = 4 → MOQ 50 → 9 cases of 6 = 54
    expect(r.recommendedQuantity).toBe(54);
    expect(r.reasoning.rounding).toBe('moq');
  });

  it('keeps at least 28 days of cover after arrival at Amazon when the margin pays for it', () => {
    // Service level 0.9: qpois(0.9, 34) = 42; cover floor 2 × (10 + 28) = 76 → order up to 76.
    const r = recommendRestock(emptyShelf(), {
      serviceLevel: 0.9,
      minCoverDaysAfterArrival: 28,
    });
    expect(r.orderUpTo).toBe(76);
    expect(r.reasoning.orderUpToBasis).toBe('min_cover');
    expect(r.recommendedQuantity).toBe(76);
    expect(r.reasoning.daysOfSupplyAfterArrival).toBe(28);
    // Margin 0.5 < 28 days × holding: the economics say no floor.
    const thin = recommendRestock(emptyShelf({ price: 10.5, feesPerUnit: 5, cubicFeet: 2 }), {
      serviceLevel: 0.9,
      minCoverDaysAfterArrival: 28,
    });
    expect(thin.reasoning.minCoverApplied).toBe(false);
    expect(thin.orderUpTo).toBe(42);
  });

  it('never plans above 90 days of supply unless allowed, and flags MOQ-forced excess', () => {
    // Max cover 5 days after arrival: ceiling 2 × (10 + 5) = 30 < 44.
    const capped = recommendRestock(emptyShelf(), {
      serviceLevel: 0.95,
      maxCoverDays: 5,
    });
    expect(capped.orderUpTo).toBe(30);
    expect(capped.reasoning.orderUpToBasis).toBe('max_cover');
    expect(capped.excess).toBe(false);
    // MOQ 500 = 250 days of demand: ordered, but flagged.
    const moq = recommendRestock(emptyShelf({ moq: 500 }), { serviceLevel: 0.95 });
    expect(moq.recommendedQuantity).toBe(500);
    expect(moq.excess).toBe(true);
    expect(moq.reasoning.summary).toContain('excess');
  });

  it('service level follows from the economics when not set', () => {
    // u = 20 − 5 − 5 = 10; holding = 5·0.25/365 + 0.1·0.78·12/365 = 0.0059891/day over 7 days = 0.041924 → 0.995816 (no cap)
    const r = recommendRestock(input());
    expect(r.reasoning.serviceLevelSource).toBe('economics');
    expect(r.serviceLevel).toBe(0.9958);
    // R: qpois(0.995816, 34) = 50
    expect(r.orderUpTo).toBe(50);
    // Thin margin: u = 6 − 5 − 0.5 = 0.5; o = 0.0059891 × 7 = 0.041924 → 0.5 / 0.541924 = 0.922638
    const thin = recommendRestock(input({ price: 6, feesPerUnit: 0.5 }));
    expect(thin.serviceLevel).toBeCloseTo(0.9226, 4);
    // Thinner: u = 0.2 → 0.2 / 0.241924 = 0.826706
    expect(recommendRestock(input({ price: 5.7, feesPerUnit: 0.5 })).serviceLevel).toBeCloseTo(0.8267, 4);
  });

  it('no demand: nothing to order, no dates, no alert, finite numbers', () => {
    const r = recommendRestock(input({ forecast: flat(0), stock: EMPTY }));
    expect(r.recommendedQuantity).toBe(0);
    expect(r.orderByDate).toBeNull();
    expect(r.daysOfSupply).toBeNull();
    expect(r.alert).toBeNull();
    expect(r.reasoning.summary).toContain('No demand');
  });
});

describe('splitByDemand', () => {
  it('splits whole cases in proportion to demand by largest remainder', () => {
    // 10 cases × 3/4 = 7.5 and × 1/4 = 2.5: equal remainders, the tie goes to A → 8 and 2 cases.
    expect(splitByDemand(120, { casePack: 12, demand: { A: 3, B: 1 } })).toEqual({ A: 96, B: 24 });
    // 5 loose units go where most demand is.
    expect(splitByDemand(125, { casePack: 12, demand: { A: 3, B: 1 } })).toEqual({ A: 101, B: 24 });
    expect(splitByDemand(10, { casePack: 1, demand: { A: 0, B: 0 } })).toEqual({ A: 5, B: 5 });
  });
});
