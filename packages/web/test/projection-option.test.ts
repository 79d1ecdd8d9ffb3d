import { describe, expect, it } from 'vitest';
import type { StockProjection } from '../src/api/types';
import {
  buildProjectionOption,
  projectionTableRows,
  type ProjectionLabels,
} from '../src/replenishment/projection/projection-option';

const day = (i: number) => new Date(Date.UTC(2026, 11, 1 + i)).toISOString().slice(0, 10);

function projection(): StockProjection {
  const days = Array.from({ length: 21 }, (_, i) => ({
    date: day(i),
    expected: Math.max(0, 50 - 5 * (i + 1)) + (i >= 12 ? 100 - 5 * (i - 11) : 0),
    low80: 0,
    high80: 60,
    low95: 0,
    high95: 70,
    inbound: i === 3 ? 10 : 0,
    planned: i === 12 ? 100 : 0,
    coverLow: 140,
    coverHigh: 450,
  }));
  days[5] = { ...days[5]!, low80: 4, high80: 9, low95: 2, high95: 12 };
  return {
    sku: 'MUG',
    location: 'FBA-US',
    locations: ['FBA-US', 'WH1'],
    asOf: day(0),
    available: 50,
    reorderPoint: 80,
    coverLowDays: 28,
    coverHighDays: 90,
    recommendedQuantity: 100,
    plannedArrivalDate: day(12),
    stockOutDate: day(9),
    arrivals: [],
    days,
  };
}

const labels: ProjectionLabels = {
  expected: 'Expected',
  band80: '80%',
  band95: '95%',
  coverLow: '28-day',
  coverHigh: '90-day',
  reorderPoint: 'ROP',
  inbound: 'Inbound',
  planned: 'Planned',
  stockOut: 'Stock-out',
  orderLands: 'Order lands',
  units: (v) => String(v),
  date: (iso) => iso,
  axisDate: (iso) => iso,
};

type Series = {
  name: string;
  data: (number | null)[];
  markLine?: { data: { xAxis: string; name: string }[] };
};

describe('stock projection chart option', () => {
  const option = buildProjectionOption(projection(), labels) as { series: Series[] };
  const byName = (name: string) => option.series.find((s) => s.name === name)!;

  it('stacks the bands as differences on the low-95 base, so their tops are the server’s edges', () => {
    const stack = ['base', '95%', '80%', '95% '].map((name) => byName(name).data[5]!);
    expect(stack).toEqual([2, 2, 5, 3]);
    const tops = stack.map((_, i) => stack.slice(0, i + 1).reduce((a, b) => a + b, 0));
    expect(tops).toEqual([2, 4, 9, 12]); // low95, low80, high80, high95
  });

  it('marks the stock-out and the day the order lands, and the arrivals on the expected line', () => {
    const marks = byName('Expected').markLine!.data;
    expect(marks).toEqual([
      expect.objectContaining({ xAxis: day(9), name: 'Stock-out' }),
      expect.objectContaining({ xAxis: day(12), name: 'Order lands' }),
    ]);
    expect(byName('Inbound').data.findIndex((v) => v !== null)).toBe(3);
    expect(byName('Planned').data.filter((v) => v !== null)).toEqual([projection().days[12]!.expected]);
    expect(new Set(byName('ROP').data)).toEqual(new Set([80]));
  });

  it('lists a table row a week plus every arrival and the stock-out day', () => {
    expect(projectionTableRows(projection()).map((d) => d.date)).toEqual([
      day(0),
      day(3),
      day(7),
      day(9),
      day(12),
      day(14),
    ]);
  });
});
