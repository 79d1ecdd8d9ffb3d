import { describe, expect, it } from 'vitest';
import { ZERO_PROFIT, convertedProfitTotal, profitByCurrency, profitTotalsByCurrency } from './profit';

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

describe('profit totals by a conversion table', () => {
  const lines = profitByCurrency([
    { ...ZERO_PROFIT, currency: 'EUR', unitsSold: 2, revenue: 40, referralFees: 6 },
    { ...ZERO_PROFIT, currency: 'USD', cogs: 12 },
  ]);

  it('converts every amount but units, then takes the ratios on the sums (worked by hand)', () => {
    const { total, missingRates } = convertedProfitTotal(lines, { to: 'USD', rates: { EUR: 1.1 } });
    expect(missingRates).toEqual([]);
    // revenue 40 × 1.1 = 44, referral 6 × 1.1 = 6.6, COGS 12: profit 44 − 6.6 − 12 = 25.4
    expect(total?.currency).toBe('USD');
    expect(total?.unitsSold).toBe(2);
    expect(total?.revenue).toBeCloseTo(44, 10);
    expect(total?.profit).toBeCloseTo(25.4, 10);
    expect(total?.margin).toBeCloseTo(25.4 / 44, 10);
    expect(total?.roi).toBeCloseTo(25.4 / 12, 10);
    expect(total?.mixedCurrencies).toBe(false);
  });

  it('into EUR the same money by the inverse rate; a currency without a rate gives no total, named', () => {
    const eur = convertedProfitTotal(lines, { to: 'EUR', rates: { USD: 1 / 1.1 } }).total;
    expect(eur?.profit).toBeCloseTo(25.4 / 1.1, 10);
    expect(convertedProfitTotal(lines, { to: 'GBP', rates: { EUR: 0.85 } })).toEqual({
      total: null,
      missingRates: ['USD'],
    });
  });

  it('keeps an unknown fee unknown: a line without its fee table leaves the converted profit null', () => {
    const unknown = profitByCurrency([
      { ...ZERO_PROFIT, currency: 'JPY', unitsSold: 1, revenue: 2000, withoutFeeTable: ['JP'] },
    ]);
    const { total } = convertedProfitTotal(unknown, { to: 'USD', rates: { JPY: 0.0067 } });
    expect(total?.profit).toBeNull();
    expect(total?.withoutFeeTable).toEqual(['JP']);
  });
});
