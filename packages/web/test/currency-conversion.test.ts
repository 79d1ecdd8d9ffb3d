import { describe, expect, it } from 'vitest';
import type { StorageOverview } from '../src/api/types';
import * as table from '../src/components/conversion/conversion';
import { convertedStorage } from '../src/reports/storage/storage-converted';

describe('the conversion table of the money pages', () => {
  it('asks for the report’s other currencies’ rates only, leaving a blank or zero one out for the server to name', () => {
    const choice = { to: 'USD', rates: { EUR: 1.08, GBP: 0, JPY: 0.0067, CHF: 1.1 } };
    expect(table.conversionQuery(choice, ['EUR', 'GBP', 'USD', 'JPY'])).toEqual({
      to: 'USD',
      rates: 'EUR:1.08,JPY:0.0067',
    });
    expect(table.conversionQuery({ to: 'EUR', rates: {} }, ['EUR'])).toEqual({ to: 'EUR', rates: '' });
    expect(table.conversionQuery(null, ['EUR'])).toBeNull();
  });

  it('offers the report’s currencies and the marketplaces’ as targets, each once, in order', () => {
    expect(table.targetCurrencies(['USD', 'CHF'])).toEqual(['CAD', 'CHF', 'EUR', 'GBP', 'JPY', 'MXN', 'USD']);
  });

  it('reads back a stored table, dropping rates that are not numbers above 0; junk is no table', () => {
    expect(
      table.parseConversionChoice('{"to":"USD","rates":{"EUR":1.08,"GBP":-1,"JPY":"x","usd":2}}'),
    ).toEqual({
      to: 'USD',
      rates: { EUR: 1.08 },
    });
    for (const raw of [null, '', 'nope', '[]', '{"to":"usd","rates":{}}', '{"to":"USD"}'])
      expect(table.parseConversionChoice(raw), String(raw)).toBeNull();
  });
});

describe('the storage page’s converted months', () => {
  const month = (m: string, basis: 'past' | 'current' | 'next', converted: unknown) =>
    ({ month: m, basis, fees: [], totals: [], converted }) as unknown as StorageOverview['months'][number];
  const overview = (months: StorageOverview['months']) => ({ months }) as unknown as StorageOverview;

  it('sums each month’s converted storage fee and surcharge; a total only when every month has one', () => {
    const rates = { USD: 0.9 };
    const eur = (storageFee: number, agedSurcharge: number) => ({
      total: { currency: 'EUR', storageFee, agedSurcharge },
      rates,
      missingRates: [],
    });
    expect(
      convertedStorage(
        overview([month('2026-11', 'current', eur(9, 1.8)), month('2026-12', 'next', eur(4.5, 0))]),
      ),
    ).toEqual({
      total: {
        currency: 'EUR',
        months: [
          { month: '2026-11', basis: 'current', fees: 10.8 },
          { month: '2026-12', basis: 'next', fees: 4.5 },
        ],
      },
      rates,
      missingRates: [],
    });
    const short = { total: null, rates: {}, missingRates: ['JPY', 'USD'] };
    expect(
      convertedStorage(overview([month('2026-11', 'current', eur(9, 1.8)), month('2026-12', 'next', short)])),
    ).toEqual({ total: null, rates, missingRates: ['JPY', 'USD'] });
    // an answer that was not converted (no table asked) is none
    expect(convertedStorage(overview([month('2026-11', 'current', undefined)]))).toBeNull();
  });
});
