import { describe, expect, it } from 'vitest';
import { totalsByCurrency } from './money';

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
