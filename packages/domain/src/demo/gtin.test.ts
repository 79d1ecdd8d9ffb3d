import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, isValidGtin13, makeGtin13 } from './gtin';

describe('GTIN-13', () => {
  it('computes check digits of published examples', () => {
    // GS1's own example and a UPC-A (036000291452) zero-padded to 13 digits.
    expect(gtinCheckDigit('400638133393')).toBe(1);
    expect(isValidGtin13('4006381333931')).toBe(true);
    expect(isValidGtin13('0036000291452')).toBe(true);
  });

  it('rejects a wrong check digit, wrong length and non-digits', () => {
    expect(isValidGtin13('4006381333932')).toBe(false);
    expect(isValidGtin13('400638133393')).toBe(false);
    expect(isValidGtin13('40063813339A1')).toBe(false);
    expect(() => gtinCheckDigit('12345')).toThrow(RangeError);
  });

  it('makes codes that validate, including check digit 0', () => {
    for (const body of ['000000000000', '085123450001', '999999999999', '085000000019']) {
      expect(isValidGtin13(makeGtin13(body))).toBe(true);
    }
    expect(makeGtin13('000000000000')).toBe('0000000000000');
  });
});
