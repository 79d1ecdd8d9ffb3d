import { gtinCheckDigit } from '../catalog/barcode';

/** A GTIN-13 from its 12-digit body (check digit by the catalogue's one GS1 rule). */
export function makeGtin13(body: string): string {
  if (!/^\d{12}$/.test(body)) throw new RangeError(`GTIN-13 body must be 12 digits, got "${body}"`);
  return body + String(gtinCheckDigit(body));
}
