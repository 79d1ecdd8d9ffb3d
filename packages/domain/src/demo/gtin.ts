/** GTIN-13 (EAN-13) check digits: weights 1,3,1,3,… from the left over the first 12 digits. */

export function gtinCheckDigit(body: string): number {
  if (!/^\d{12}$/.test(body)) throw new RangeError(`GTIN-13 body must be 12 digits, got "${body}"`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidGtin13(code: string): boolean {
  return /^\d{13}$/.test(code) && gtinCheckDigit(code.slice(0, 12)) === Number(code[12]);
}

export function makeGtin13(body: string): string {
  return body + String(gtinCheckDigit(body));
}
