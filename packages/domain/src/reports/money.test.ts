import { describe, expect, it } from 'vitest';
import { convertByTable, convertedTotal, totalsByCurrency } from './money';

describe('totalsByCurrency', () => {
  it('sums each currency on its own, in currency order, to the cent', () => {
    const rows = [
      { currency: 'USD', fee: 1.005, surcharge: 0 },
      { currency: 'EUR', fee: 2, surcharge: 0.1 },
      { currency: 'USD', fee: 1, surcharge: 0.25 },
      { currency: 'EUR', fee: 0.333, surcharge: 0.2 },
    ];
    expect(totalsByCurrency(rows, ['fee', 'surcharge'])).toEqual([
      { currency: 'EUR', fee: 2.33, surcharge: 0.3 },
      { currency: 'USD', fee: 2.01, surcharge: 0.25 },
    ]);
  });

  it('gives no entry for no rows, and never adds a USD and a EUR amount together', () => {
    expect(totalsByCurrency([], ['fee'])).toEqual([]);
    const mixed = totalsByCurrency(
      [
        { currency: 'USD', fee: 10 },
        { currency: 'EUR', fee: 10 },
      ],
      ['fee'],
    );
    expect(mixed.map((t) => t.fee)).toEqual([10, 10]);
  });

  it('refuses a row without a currency', () => {
    expect(() => totalsByCurrency([{ currency: '', fee: 1 }], ['fee'])).toThrow(RangeError);
  });
});

describe('totals in one currency by the seller’s conversion table', () => {
  const table = { to: 'USD', rates: { EUR: 1.08, GBP: 1.27 } };

  it('converts the money of each row, keeps units and other fields, and names no missing rate', () => {
    const rows = [
      { currency: 'EUR', eligibleValue: 50, eligibleUnits: 5, location: 'FBA-DE' },
      { currency: 'USD', eligibleValue: 20, eligibleUnits: 2, location: 'FBA-US' },
    ];
    expect(convertByTable(rows, ['eligibleValue'], table)).toEqual({
      // 50 EUR × 1.08 = 54 USD; the USD row's own rate is 1
      rows: [
        { currency: 'USD', eligibleValue: 54, eligibleUnits: 5, location: 'FBA-DE' },
        { currency: 'USD', eligibleValue: 20, eligibleUnits: 2, location: 'FBA-US' },
      ],
      missingRates: [],
    });
  });

  it('a storage month in EUR and GBP into USD: 100 × 1.08 + 40 × 1.27 = 158.80 fees, 7.5 × 1.08 = 8.10 surcharge', () => {
    const month = [
      { currency: 'EUR', storageFee: 100, agedSurcharge: 7.5 },
      { currency: 'GBP', storageFee: 40, agedSurcharge: 0 },
    ];
    const fields = ['storageFee', 'agedSurcharge'] as const;
    expect(convertedTotal(month, fields, fields, table)).toEqual({
      total: { currency: 'USD', storageFee: 158.8, agedSurcharge: 8.1 },
      missingRates: [],
    });
  });

  it('units are added, not converted: reimbursements of 3 EUR units (30 EUR) and 2 USD units (25 USD)', () => {
    const totals = [
      { currency: 'EUR', reimbursedUnits: 3, reimbursedAmount: 30 },
      { currency: 'USD', reimbursedUnits: 2, reimbursedAmount: 25 },
    ];
    const into = convertedTotal(totals, ['reimbursedUnits', 'reimbursedAmount'], ['reimbursedAmount'], table);
    expect(into.total).toEqual({ currency: 'USD', reimbursedUnits: 5, reimbursedAmount: 57.4 });
    // into EUR by the inverse rate: 25 USD ÷ 1.08 = 23.148… → 30 + 23.15
    const eur = convertedTotal(totals, ['reimbursedAmount'], ['reimbursedAmount'], {
      to: 'EUR',
      rates: { USD: 1 / 1.08 },
    });
    expect(eur.total).toEqual({ currency: 'EUR', reimbursedAmount: 53.15 });
  });

  it('a currency without a rate gives no total and is named; nothing at all is a total of zeros', () => {
    const totals = [
      { currency: 'JPY', storageFee: 1000 },
      { currency: 'CAD', storageFee: 10 },
      { currency: 'EUR', storageFee: 5 },
    ];
    expect(convertedTotal(totals, ['storageFee'], ['storageFee'], table)).toEqual({
      total: null,
      missingRates: ['CAD', 'JPY'],
    });
    expect(convertByTable(totals, ['storageFee'], table).rows).toBeNull();
    expect(convertedTotal([], ['storageFee'], ['storageFee'], table)).toEqual({
      total: { currency: 'USD', storageFee: 0 },
      missingRates: [],
    });
  });
});
