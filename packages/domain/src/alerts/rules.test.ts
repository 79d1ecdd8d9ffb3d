import { describe, expect, it } from 'vitest';
import { US_2024_FEES } from '../fees/us-2024.fixture';
import { ZERO_SUMS } from '../health/factors';
import { agingAlerts, capacityAlert, compareAlerts, ipiAlert, supplierBillAlert } from './rules';

const asOf = '2026-03-01';

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
    expect(capacityAlert(facts, { asOf, schedule: US_2024_FEES })).toMatchObject({
      severity: 'warning',
      title: 'FBA1 standard: projected over in 60 days its 100 cu ft limit',
      params: { location: 'FBA1', storageType: 'standard', limitCubicFeet: 100, inDays: 60 },
      urgentOn: '2026-04-30',
      details: { overageFee: round2(20 * US_2024_FEES.capacityOveragePerCubicFoot) },
    });
  });

  it('is critical when over now, and absent within the limit or without one', () => {
    expect(capacityAlert({ ...facts, usedCubicFeet: 101 }, { asOf, schedule: US_2024_FEES })?.severity).toBe(
      'critical',
    );
    expect(capacityAlert({ ...facts, projected60: 100 }, { asOf, schedule: US_2024_FEES })).toBeNull();
    expect(capacityAlert({ ...facts, limits: {} }, { asOf, schedule: US_2024_FEES })).toBeNull();
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
    expect(ipiAlert(poor, { asOf })).toMatchObject({ kind: 'ipi_low', severity: 'critical' });
    expect(ipiAlert(ZERO_SUMS, { asOf })).toBeNull();
  });
});

describe('compareAlerts', () => {
  it('sorts by severity, then the soonest urgency (undated last), then id', () => {
    const list = [
      { id: 1, severity: 'info' as const, urgentOn: '2026-03-01' },
      { id: 2, severity: 'warning' as const, urgentOn: null },
      { id: 3, severity: 'warning' as const, urgentOn: '2026-03-20' },
      { id: 4, severity: 'critical' as const, urgentOn: '2026-04-01' },
      { id: 5, severity: 'warning' as const, urgentOn: '2026-03-02' },
      { id: 6, severity: 'warning' as const, urgentOn: '2026-03-02' },
    ];
    expect([...list].sort(compareAlerts).map((a) => a.id)).toEqual([4, 5, 6, 3, 2, 1]);
  });
});

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
