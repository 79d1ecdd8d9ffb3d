import { describe, expect, it } from 'vitest';
import { checkBarcode, gtinCheckDigit } from './barcode';

describe('gtinCheckDigit (GS1 mod-10)', () => {
  it('matches published GS1 examples for every GTIN length', () => {
    // GS1 "How to calculate a check digit manually": 400638133393 → 1 (EAN-13 4006381333931).
    expect(gtinCheckDigit('400638133393')).toBe(1);
    // UPC-A 036000291452 (GTIN-12), EAN-8 96385074, GTIN-14 10012345678902.
    expect(gtinCheckDigit('03600029145')).toBe(2);
    expect(gtinCheckDigit('9638507')).toBe(4);
    expect(gtinCheckDigit('1001234567890')).toBe(2);
  });
});

describe('checkBarcode', () => {
  it('accepts valid GTIN-8, -12, -13 and -14', () => {
    for (const code of ['96385074', '036000291452', '4006381333931', '10012345678902']) {
      expect(checkBarcode(code)).toEqual({ kind: 'gtin', value: code });
    }
  });

  it('refuses a wrong check digit and says which digit is expected', () => {
    const result = checkBarcode('4006381333932');
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.reason).toContain('should be 1');
  });

  it('treats other codes as internal, and refuses spaces and symbols', () => {
    expect(checkBarcode('BIN-A12/3')).toEqual({ kind: 'internal', value: 'BIN-A12/3' });
    expect(checkBarcode('12345')).toEqual({ kind: 'internal', value: '12345' });
    expect(checkBarcode('has space').kind).toBe('invalid');
    expect(checkBarcode('<script>').kind).toBe('invalid');
  });

  it('trims surrounding whitespace a scanner may add', () => {
    expect(checkBarcode(' 4006381333931\n')).toEqual({ kind: 'gtin', value: '4006381333931' });
  });
});
