import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../dates/dates';
import { US_2024_FEES as us } from '../fees/us-2024.fixture';
import { profitLine, ZERO_PROFIT } from '../reports/profit';
import type { ClearanceInput } from './clearance';
import { adviseClearance } from './clearance';

const base: ClearanceInput = {
  units: 100,
  unitsAhead: 0,
  dailyDemand: 2,
  price: 20,
  unitCost: 6,
  cubicFeet: 0.5,
  storageType: 'standard',
  ageDays: 100,
  fulfilmentFee: 4.35,
  elasticity: null,
};
const asOfEpochDay = parseIsoDate('2025-03-01');

describe('clearance advice', () => {
  it('keeps fast movers: 100 units at 2/day sell out in 50 days', () => {
    const advice = adviseClearance(base, { asOfEpochDay, schedule: us });
    expect(advice.action).toBe('keep');
    expect(advice.options.map((o) => o.action)).toEqual([
      'keep',
      'markdown',
      'promotion',
      'removal',
      'liquidation',
      'disposal',
    ]);
    const keep = advice.options[0]!;
    expect(keep.unitsSold).toBe(100);
    // per unit: 20 × 0.85 − 4.35 = 12.65 → 1,265 before storage
    expect(keep.revenue).toBe(2000);
    expect(keep.netValue).toBeLessThan(1265);
    expect(keep.netValue).toBeGreaterThan(1200);
  });

  it('clears slow, old, bulky stock: a markdown or an exit beats paying surcharges', () => {
    const slow = {
      ...base,
      units: 400,
      dailyDemand: 0.2,
      cubicFeet: 3,
      ageDays: 300,
      price: 15,
      unitCost: 5,
    };
    const advice = adviseClearance(slow, { asOfEpochDay, schedule: us });
    expect(advice.action).not.toBe('keep');
    expect(advice.estimatedSavings).toBeGreaterThan(0);
    const markdown = advice.options.find((o) => o.action === 'markdown')!;
    expect(markdown.price).toBeLessThan(15);
    expect(markdown.durationDays).toBeGreaterThanOrEqual(7);
  });

  it('uses the price response the data shows (estimated in forecasting/price-response.ts)', () => {
    const advice = adviseClearance({ ...base, elasticity: -2 }, { asOfEpochDay, schedule: us });
    expect(advice.elasticitySource).toBe('data');
  });
});

describe('profit', () => {
  it('revenue − COGS − fees − storage − inbound − other; margin, ROI, storage % of revenue', () => {
    const p = profitLine({
      ...ZERO_PROFIT,
      unitsSold: 10,
      revenue: 200,
      cogs: 80,
      referralFees: 30,
      fulfilmentFees: 45,
      storageFees: 1.5,
      agedSurcharge: 0.5,
      inboundShipping: 3,
      otherVariableCost: 0,
    });
    expect(p.profit).toBeCloseTo(40, 10);
    expect(p.margin).toBeCloseTo(0.2, 10);
    expect(p.roi).toBeCloseTo(40 / 83, 10);
    expect(p.storageFeePercentOfRevenue).toBeCloseTo(1, 10);
    expect(profitLine(ZERO_PROFIT)).toMatchObject({
      profit: 0,
      margin: null,
      roi: null,
      storageFeePercentOfRevenue: null,
    });
  });
});
