import { describe, expect, it } from 'vitest';
import { US_2024_FEES } from '../fees/us-2024.fixture';
import { ZERO_SUMS } from '../health/factors';
import type { SkuStockFacts } from './rules';
import {
  agingAlerts,
  ALERT_RULES,
  capacityAlert,
  ipiAlert,
  skuStockAlerts,
  supplierBillAlert,
} from './rules';

const asOf = '2026-03-01';

const sku = (over: Partial<SkuStockFacts> = {}): SkuStockFacts => ({
  sku: 'MUG',
  replenishable: true,
  listingStatus: 'active',
  onHand: 1000,
  reserved: 0,
  inbound: 0,
  dailyDemand: 10,
  excessUnits: 0,
  ...over,
});

const kinds = (list: readonly { kind: string }[]) => list.map((c) => c.kind);

describe('skuStockAlerts', () => {
  it('raises nothing for a well-stocked SKU', () => {
    expect(skuStockAlerts(sku(), { asOf })).toEqual([]);
  });

  it('stock out when nothing is available, with reorder now (inbound short of the lead time)', () => {
    const out = skuStockAlerts(sku({ onHand: 5, reserved: 5, inbound: 100 }), { asOf });
    expect(kinds(out)).toEqual(['stock_out', 'reorder_now']);
    expect(out[0]).toMatchObject({
      dedupeKey: 'stock_out:MUG',
      severity: 'critical',
      details: { dailyDemand: 10, inbound: 100, lostUnitsPerDay: 10 },
    });
    // 10/day × (45 + 30) days − 0 available − 100 inbound.
    expect(out[1]!.details).toMatchObject({ daysOfSupply: 10, suggestedQuantity: 650 });
  });

  it('low stock below the lowStockDays threshold, dated by days of supply', () => {
    const onHand = 10 * (ALERT_RULES.lowStockDays - 1);
    const out = skuStockAlerts(sku({ onHand, inbound: 10 * 30 }), { asOf });
    expect(kinds(out)).toEqual(['low_stock']);
    expect(out[0]).toMatchObject({
      severity: 'warning',
      title: 'MUG: 27 days of stock left, out on 2026-03-28',
      details: { available: onHand, daysOfSupply: 27, projectedStockOut: '2026-03-28' },
    });
    expect(skuStockAlerts(sku({ onHand: 10 * ALERT_RULES.lowStockDays, inbound: 300 }), { asOf })).toEqual(
      [],
    );
  });

  it('reorder now while available + inbound lasts less than the lead time', () => {
    const justShort = skuStockAlerts(sku({ onHand: 10 * ALERT_RULES.leadTimeDays - 1 }), { asOf });
    expect(kinds(justShort)).toEqual(['reorder_now']);
    expect(justShort[0]!.details).toMatchObject({ leadTimeDays: 45, suggestedQuantity: 301 });
    expect(skuStockAlerts(sku({ onHand: 10 * ALERT_RULES.leadTimeDays }), { asOf })).toEqual([]);
  });

  it('no supply alerts for a SKU that is not replenishable or does not sell', () => {
    expect(skuStockAlerts(sku({ onHand: 0, replenishable: false }), { asOf })).toEqual([]);
    expect(skuStockAlerts(sku({ onHand: 0, dailyDemand: 0 }), { asOf })).toEqual([]);
  });

  it('excess (info) and stranded (warning) are independent of demand', () => {
    const out = skuStockAlerts(sku({ dailyDemand: 0, excessUnits: 40, listingStatus: 'inactive' }), { asOf });
    expect(out).toMatchObject([
      { kind: 'excess', severity: 'info', details: { excessUnits: 40, daysOfSupply: null } },
      { kind: 'stranded', severity: 'warning', details: { units: 1000, listingStatus: 'inactive' } },
    ]);
    expect(skuStockAlerts(sku({ onHand: 0, dailyDemand: 0, listingStatus: 'error' }), { asOf })).toEqual([]);
  });
});

describe('agingAlerts', () => {
  const age = {
    sku: 'MUG',
    location: 'FBA1',
    locationType: 'amazon_fba',
    cubicFeet: 2,
    approaching: [
      { threshold: 91, units: 10, daysUntil: 5 },
      { threshold: 211, units: 4, daysUntil: 20 },
    ],
  };

  it('one alert per threshold; the 91-day heads-up is info and priced at the first bracket', () => {
    const out = agingAlerts(age, { asOf, schedule: US_2024_FEES });
    expect(out).toMatchObject([
      {
        dedupeKey: 'aging:MUG:FBA1:91',
        severity: 'info',
        details: { date: '2026-03-06', monthlySurchargeAtStake: 10 }, // 10 units × 2 cu ft × $0.50
      },
      {
        dedupeKey: 'aging:MUG:FBA1:211',
        severity: 'warning',
        details: { date: '2026-03-21', monthlySurchargeAtStake: 8 }, // 4 × 2 × $1.00
      },
    ]);
  });

  it('nothing at stake away from Amazon', () => {
    const out = agingAlerts({ ...age, locationType: 'warehouse' }, { asOf, schedule: US_2024_FEES });
    expect(out.map((a) => a.details['monthlySurchargeAtStake'])).toEqual([0, 0]);
  });
});

describe('capacityAlert', () => {
  const facts = {
    location: 'FBA1',
    storageType: 'standard',
    limits: { standard: 100 },
    usedCubicFeet: 80,
    projected30: 90,
    projected60: 120,
  };

  it('warns when projected over, naming the step', () => {
    expect(capacityAlert(facts, { schedule: US_2024_FEES })).toMatchObject({
      severity: 'warning',
      title: 'FBA1 standard: projected over in 60 days its 100 cu ft limit',
      details: { overageFee: round2(20 * US_2024_FEES.capacityOveragePerCubicFoot) },
    });
  });

  it('is critical when over now, and absent within the limit or without one', () => {
    expect(capacityAlert({ ...facts, usedCubicFeet: 101 }, { schedule: US_2024_FEES })?.severity).toBe(
      'critical',
    );
    expect(capacityAlert({ ...facts, projected60: 100 }, { schedule: US_2024_FEES })).toBeNull();
    expect(capacityAlert({ ...facts, limits: {} }, { schedule: US_2024_FEES })).toBeNull();
  });
});

describe('supplierBillAlert', () => {
  it('is a warning while due and critical once overdue', () => {
    expect(supplierBillAlert({ number: 'PO-1', due: asOf, amount: 12.345 }, { asOf })).toMatchObject({
      severity: 'warning',
      title: 'Purchase order PO-1: bill due 2026-03-01',
      details: { amount: 12.35 },
    });
    expect(supplierBillAlert({ number: 'PO-1', due: '2026-02-28', amount: null }, { asOf })).toMatchObject({
      severity: 'critical',
      title: 'Purchase order PO-1: bill overdue since 2026-02-28',
      details: { amount: 0 },
    });
  });
});

describe('ipiAlert', () => {
  it('is raised below the IPI warning threshold only when there is stock', () => {
    const poor = { ...ZERO_SUMS, totalUnits: 1000, excessUnits: 900, strandedUnits: 100 };
    expect(ipiAlert(poor)).toMatchObject({ kind: 'ipi_low', severity: 'critical' });
    expect(ipiAlert(ZERO_SUMS)).toBeNull();
  });
});

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
