import { describe, expect, it } from 'vitest';
import type { IpiHistory, StorageOverview } from '../src/api/types';
import { buildIpiHistoryOption, ipiHistoryRows } from '../src/health/ipi-history-option';
import {
  buildStorageFeesOption,
  currenciesOf,
  monthAfter,
  storageTypesOf,
} from '../src/reports/storage/storage-fees-option';

const week = (week: string, score: number) => ({
  week,
  asOf: week,
  score,
  factors: {},
  source: 'computed' as const,
});

const history: IpiHistory = {
  weeks: [week('2026-11-16', 420), week('2026-11-23', 390), week('2026-11-30', 405)],
  amazonScores: [
    { id: 1, asOf: '2026-11-18', marketplace: 'US', score: 450, note: null },
    { id: 2, asOf: '2026-11-20', marketplace: 'US', score: 430, note: null },
    { id: 3, asOf: '2026-12-03', marketplace: 'US', score: 380, note: null },
    { id: 4, asOf: '2026-10-01', marketplace: 'US', score: 500, note: null },
  ],
};

describe('IPI history chart', () => {
  it('puts each real score on its week (the latest entered that week) and leaves weeks without one empty', () => {
    expect(ipiHistoryRows(history)).toEqual([
      { week: '2026-11-16', proxy: 420, amazon: 430 },
      { week: '2026-11-23', proxy: 390, amazon: null },
      { week: '2026-11-30', proxy: 405, amazon: 380 },
    ]);
  });

  it('draws the proxy, the scores and a flat threshold line on a 0–1000 axis', () => {
    const option = buildIpiHistoryOption(history, 400, {
      proxy: 'Proxy',
      amazon: 'Amazon',
      line: '400 line',
      score: String,
      date: String,
      axisDate: String,
    });
    const series = option['series'] as { name: string; data: (number | null)[] }[];
    expect(series.map((s) => s.name)).toEqual(['Proxy', 'Amazon', '400 line']);
    expect(series[0]!.data).toEqual([420, 390, 405]);
    expect(series[1]!.data).toEqual([430, null, 380]);
    expect(series[2]!.data).toEqual([400, 400, 400]);
    expect((option['yAxis'] as { max: number }).max).toBe(1000);
  });
});

describe('storage fee chart', () => {
  const overview: StorageOverview = {
    asOf: '2026-12-06',
    currencies: ['EUR', 'USD'],
    withoutFeeTable: [],
    months: [
      {
        month: '2026-11',
        basis: 'past',
        fees: [
          { storageType: 'standard', currency: 'EUR', storageFee: 5, agedSurcharge: 0 },
          { storageType: 'standard', currency: 'USD', storageFee: 10, agedSurcharge: 1 },
        ],
        totals: [
          { currency: 'EUR', storageFee: 5, agedSurcharge: 0 },
          { currency: 'USD', storageFee: 10, agedSurcharge: 1 },
        ],
      },
      {
        month: '2026-12',
        basis: 'current',
        fees: [
          { storageType: 'oversize', currency: 'USD', storageFee: 4, agedSurcharge: 0 },
          { storageType: 'standard', currency: 'USD', storageFee: 3, agedSurcharge: 2 },
        ],
        totals: [{ currency: 'USD', storageFee: 7, agedSurcharge: 2 }],
      },
    ],
    summary: {
      storageUtilizationRatioWeeks: null,
      utilizationSurchargeRate: 0,
      averageDailyVolumeCubicFeet: 0,
      averageDailyShippedVolumeCubicFeet: 0,
      capacity: [],
    },
  };
  const labels = { storageType: (t: string) => t, surcharge: 'Surcharge', month: String, money: String };

  it('stacks one bar series per storage type (0 where a month has none) and the surcharge on top', () => {
    expect(storageTypesOf(overview, 'USD')).toEqual(['oversize', 'standard']);
    const option = buildStorageFeesOption(overview, 'USD', labels);
    const series = option['series'] as { name: string; stack: string; data: number[] }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['oversize', [0, 4]],
      ['standard', [10, 3]],
      ['Surcharge', [1, 2]],
    ]);
    expect(new Set(series.map((s) => s.stack))).toEqual(new Set(['fees']));
  });

  it('draws one currency at a time: the EUR chart holds the EUR fees only, 0 in a month with none', () => {
    expect(currenciesOf(overview)).toEqual(['EUR', 'USD']);
    expect(storageTypesOf(overview, 'EUR')).toEqual(['standard']);
    const series = buildStorageFeesOption(overview, 'EUR', labels)['series'] as {
      name: string;
      data: number[];
    }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['standard', [5, 0]],
      ['Surcharge', [0, 0]],
    ]);
  });

  it('names the months after this one across a year end', () => {
    expect([0, 1, 2].map((i) => monthAfter('2026-11', i))).toEqual(['2026-11', '2026-12', '2027-01']);
  });
});
