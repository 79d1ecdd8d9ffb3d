import { describe, expect, it } from 'vitest';
import {
  conversionQuery,
  parseConversionChoice,
  targetCurrencies,
} from '../src/components/conversion/conversion';

describe('the conversion table of the money pages', () => {
  it('asks for the report’s other currencies’ rates only, leaving a blank or zero one out for the server to name', () => {
    const choice = { to: 'USD', rates: { EUR: 1.08, GBP: 0, JPY: 0.0067, CHF: 1.1 } };
    expect(conversionQuery(choice, ['EUR', 'GBP', 'USD', 'JPY'])).toEqual({
      to: 'USD',
      rates: 'EUR:1.08,JPY:0.0067',
    });
    expect(conversionQuery({ to: 'EUR', rates: {} }, ['EUR'])).toEqual({ to: 'EUR', rates: '' });
    expect(conversionQuery(null, ['EUR'])).toBeNull();
  });

  it('offers the report’s currencies and the marketplaces’ as targets, each once, in order', () => {
    expect(targetCurrencies(['USD', 'CHF'])).toEqual(['CAD', 'CHF', 'EUR', 'GBP', 'JPY', 'MXN', 'USD']);
  });

  it('reads back a stored table, dropping rates that are not numbers above 0; junk is no table', () => {
    expect(parseConversionChoice('{"to":"USD","rates":{"EUR":1.08,"GBP":-1,"JPY":"x","usd":2}}')).toEqual({
      to: 'USD',
      rates: { EUR: 1.08 },
    });
    for (const raw of [null, '', 'nope', '[]', '{"to":"usd","rates":{}}', '{"to":"USD"}'])
      expect(parseConversionChoice(raw), String(raw)).toBeNull();
  });
});
