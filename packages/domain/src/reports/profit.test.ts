import { describe, expect, it } from 'vitest';
import { ZERO_PROFIT, profitByCurrency, profitTotalsByCurrency } from './profit';

describe('profit per currency', () => {
  it('keeps one currency’s SKU whole: its profit and its ratios', () => {
    const [line, ...rest] = profitByCurrency([
      { ...ZERO_PROFIT, currency: 'USD', unitsSold: 10, revenue: 200, cogs: 80 },
      { ...ZERO_PROFIT, currency: 'USD', referralFees: 30, storageFees: 2 },
    ]);
    expect(rest).toEqual([]);
    expect(line).toMatchObject({
      currency: 'USD',
      profit: 88,
      margin: 0.44,
      roi: 1.1,
      mixedCurrencies: false,
    });
    expect(line?.storageFeePercentOfRevenue).toBeCloseTo(1, 10);
  });

  it('sold in EUR, bought in USD: a line per currency, each its own net, no ratios and never one sum', () => {
    const lines = profitByCurrency([
      { ...ZERO_PROFIT, currency: 'EUR', unitsSold: 2, revenue: 40, referralFees: 6 },
      { ...ZERO_PROFIT, currency: 'USD', cogs: 12 },
      // an estimate of nothing in a third currency is no line and mixes nothing
      { ...ZERO_PROFIT, currency: 'GBP' },
    ]);
    expect(lines.map((l) => [l.currency, l.revenue, l.cogs, l.profit, l.margin, l.roi])).toEqual([
      ['EUR', 40, 0, 34, null, null],
      ['USD', 0, 12, -12, null, null],
    ]);
    expect(lines.every((l) => l.mixedCurrencies)).toBe(true);
  });

  it('totals per currency: sums of the lines, ratios again on the sums, none where a line was mixed', () => {
    const usdOnly = profitByCurrency([{ ...ZERO_PROFIT, currency: 'USD', revenue: 100, cogs: 50 }]);
    const mixed = profitByCurrency([
      { ...ZERO_PROFIT, currency: 'EUR', revenue: 40 },
      { ...ZERO_PROFIT, currency: 'USD', revenue: 60, cogs: 10 },
    ]);
    const gbp = profitByCurrency([{ ...ZERO_PROFIT, currency: 'GBP', revenue: 10, cogs: 5 }]);
    const totals = profitTotalsByCurrency([...usdOnly, ...mixed, ...gbp]);
    expect(totals.map((t) => [t.currency, t.revenue, t.profit, t.margin, t.mixedCurrencies])).toEqual([
      ['EUR', 40, 40, null, true],
      ['GBP', 10, 5, 0.5, false],
      ['USD', 160, 100, null, true],
    ]);
    expect(() => profitByCurrency([{ ...ZERO_PROFIT, currency: '', revenue: 1 }])).toThrow(RangeError);
  });

  it('fees of a marketplace without a fee table: named, no profit and no ratios, in the line and its total', () => {
    const lines = profitByCurrency([
      { ...ZERO_PROFIT, currency: 'JPY', unitsSold: 2, revenue: 4000 },
      // the stand-in table's estimates are 0 but unknown: they name JP even with nothing in them
      { ...ZERO_PROFIT, currency: 'JPY', withoutFeeTable: ['JP'] },
      { ...ZERO_PROFIT, currency: 'EUR', withoutFeeTable: ['JP'] },
    ]);
    expect(lines.map((l) => [l.currency, l.revenue, l.profit, l.margin, l.withoutFeeTable])).toEqual([
      ['EUR', 0, null, null, ['JP']],
      ['JPY', 4000, null, null, ['JP']],
    ]);
    const known = profitByCurrency([{ ...ZERO_PROFIT, currency: 'JPY', revenue: 100, cogs: 40 }]);
    const totals = profitTotalsByCurrency([...lines, ...known]);
    expect(totals.map((t) => [t.currency, t.revenue, t.profit, t.withoutFeeTable])).toEqual([
      ['EUR', 0, null, ['JP']],
      ['JPY', 4100, null, ['JP']],
    ]);
    expect(known[0]).toMatchObject({ profit: 60, margin: 0.6, withoutFeeTable: [] });
  });
});
