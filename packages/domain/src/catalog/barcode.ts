/**
 * GS1 GTIN check digit (mod-10, weights 3 and 1 from the right, check digit excluded).
 * @see https://www.gs1.org/services/how-calculate-check-digit-manually
 * @example gtinCheckDigit('400638133393') // 1 → EAN-13 4006381333931
 */
export function gtinCheckDigit(digitsWithoutCheck: string): number {
  let sum = 0;
  for (let i = 0; i < digitsWithoutCheck.length; i++) {
    const digit = digitsWithoutCheck.charCodeAt(digitsWithoutCheck.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export type BarcodeCheck =
  | { kind: 'gtin'; value: string }
  | { kind: 'internal'; value: string }
  | { kind: 'invalid'; value: string; reason: string };

const GTIN_LENGTHS = new Set([8, 12, 13, 14]);
const INTERNAL_CODE = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/;

/**
 * Classifies a barcode: an all-digit code of GTIN length (8, 12, 13, 14) must carry a correct
 * GS1 check digit; anything else alphanumeric (at least one letter, or another length) is a free internal code.
 */
export function checkBarcode(raw: string): BarcodeCheck {
  const value = raw.trim();
  if (/^\d+$/.test(value) && GTIN_LENGTHS.has(value.length)) {
    const expected = gtinCheckDigit(value.slice(0, -1));
    const actual = Number(value.slice(-1));
    return expected === actual
      ? { kind: 'gtin', value }
      : {
          kind: 'invalid',
          value,
          reason: `GTIN-${value.length} check digit should be ${expected}, not ${actual}`,
        };
  }
  if (!INTERNAL_CODE.test(value)) {
    return {
      kind: 'invalid',
      value,
      reason: 'a barcode is a GTIN-8/12/13/14 or an internal code of letters, digits and . _ - /',
    };
  }
  return { kind: 'internal', value };
}
