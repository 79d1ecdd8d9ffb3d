import { describe, expect, it } from 'vitest';
import {
  averageOnHand,
  dailyInStock,
  daysOfSupply,
  excessInbound,
  excessUnits,
  healthFactors,
  inStockRate,
  sellThrough,
} from './factors';
import type { SkuHealthInput } from './factors';

const sku = (over: Partial<SkuHealthInput>): SkuHealthInput => ({
  sku: 'A',
  onHand: 0,
  inbound: 0,
  dailyDemand: 0,
  unitsShipped90: 0,
  averageOnHand90: 0,
  listingStatus: 'active',
  replenishable: true,
  inStockDays30: 30,
  unitsSold60: 0,
  ...over,
});

describe('health factors (docs/formulas.md)', () => {
  it('in-stock rate: A sells 2/day in stock 50%, B sells 3/day in stock 100% → 80%', () => {
    // weights are 60-day units sold: 2 × 60 and 3 × 60; (2·0.5 + 3·1.0) / 5 = 0.8
    expect(
      inStockRate([
        { inStockShare: 0.5, unitsSold60: 120 },
        { inStockShare: 1, unitsSold60: 180 },
      ]),
    ).toBe(80);
    const { factors } = healthFactors([
      sku({ sku: 'A', inStockDays30: 15, unitsSold60: 120, onHand: 10 }),
      sku({ sku: 'B', inStockDays30: 30, unitsSold60: 180, onHand: 10 }),
      // not replenishable: left out of the in-stock rate
      sku({ sku: 'C', inStockDays30: 0, unitsSold60: 500, replenishable: false, onHand: 10 }),
    ]);
    expect(factors.inStockRate).toBe(80);
  });

  it('in-stock rate without sales weighs SKUs equally; none replenishable → undefined', () => {
    expect(
      inStockRate([
        { inStockShare: 0.5, unitsSold60: 0 },
        { inStockShare: 1, unitsSold60: 0 },
      ]),
    ).toBe(75);
    expect(inStockRate([])).toBeNull();
  });

  it('excess units: on hand above 90 days of supply at forecast demand; inbound sells after on hand', () => {
    expect(excessUnits({ onHand: 500, dailyDemand: 2 })).toBe(320);
    expect(excessUnits({ onHand: 100, dailyDemand: 2 })).toBe(0);
    expect(excessInbound({ onHand: 100, inbound: 200, dailyDemand: 2 })).toBe(120); // 300 − 180
    expect(excessInbound({ onHand: 400, inbound: 200, dailyDemand: 2 })).toBe(200);
    expect(excessUnits({ onHand: 40, dailyDemand: 0 })).toBe(40);
    expect(excessUnits({ onHand: 40, dailyDemand: Number.NaN })).toBe(40);
  });

  it('days of supply = (available + inbound) ÷ demand; null without demand', () => {
    expect(daysOfSupply({ available: 50, inbound: 10, dailyDemand: 2 })).toBe(30);
    expect(daysOfSupply({ available: 50, inbound: 0, dailyDemand: 0 })).toBeNull();
    expect(daysOfSupply({ available: 0, inbound: 0, dailyDemand: 0 })).toBe(0);
  });

  it('sell-through = shipped 90 d ÷ average on hand', () => {
    expect(sellThrough({ unitsShipped: 150, averageOnHand: 100 })).toBe(1.5);
    expect(sellThrough({ unitsShipped: 0, averageOnHand: 0 })).toBeNull();
    expect(sellThrough({ unitsShipped: 5, averageOnHand: 0 })).toBe(5);
  });

  it('excess %, stranded %, overall sell-through from sums', () => {
    const { factors } = healthFactors([
      sku({ onHand: 500, dailyDemand: 2, unitsShipped90: 180, averageOnHand90: 400 }), // 320 excess
      sku({
        sku: 'B',
        onHand: 100,
        dailyDemand: 2,
        unitsShipped90: 180,
        averageOnHand90: 200,
        listingStatus: 'error',
      }), // stranded
      sku({
        sku: 'C',
        onHand: 400,
        dailyDemand: 10,
        unitsShipped90: 900,
        averageOnHand90: 400,
        listingStatus: 'inactive',
      }),
    ]);
    expect(factors.excessPercent).toBeCloseTo(32, 10); // 320 / 1000
    expect(factors.strandedPercent).toBeCloseTo(50, 10); // 500 / 1000
    expect(factors.sellThrough).toBeCloseTo(1260 / 1000, 10);
  });

  it('daily in-stock from ledger days: on hand at the start, or an arrival that day', () => {
    // opening 2; day 0 sells 2 (out by evening); day 1 nothing; day 2 receipt 5; day 3 sells 1
    const days = [
      { day: 0, unitsSold: 2, onHandDelta: -2, unitsArrived: 0 },
      { day: 2, unitsSold: 0, onHandDelta: 5, unitsArrived: 5 },
      { day: 3, unitsSold: 1, onHandDelta: -1, unitsArrived: 0 },
    ];
    expect(dailyInStock(days, { days: 5, openingOnHand: 2 })).toEqual([true, false, true, true, true]);
    // average end-of-day on hand: [0, 0, 5, 4, 4] → 13 / 5
    expect(averageOnHand(days, { days: 5, openingOnHand: 2 })).toBeCloseTo(13 / 5, 10);
  });
});
