/**
 * Printable barcode labels: which symbology encodes what, how many labels a request makes, and the
 * label sheets they are laid out on. Pure, so it is unit-tested without a browser; the drawing
 * itself (bwip-js) is loaded lazily by render.ts.
 */

export type Symbology = 'ean13' | 'upca' | 'ean8' | 'code128';

export interface LabelCode {
  bcid: Symbology;
  text: string;
}

/** What the bars carry: the product's own barcode (GTIN or internal code), or its SKU. */
export type LabelSource = 'barcode' | 'sku';

export interface LabelItem {
  sku: string;
  title: string;
  barcode: string | null;
}

/** GS1 mod-10 check digit over every digit but the last. */
export function isValidGtin(code: string): boolean {
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(code)) return false;
  // Weights 3, 1, 3, … from the digit next to the check digit leftwards.
  let sum = 0;
  for (let i = code.length - 2, weight = 3; i >= 0; i--, weight = 4 - weight) sum += Number(code[i]) * weight;
  return (10 - (sum % 10)) % 10 === Number(code[code.length - 1]);
}

const GTIN_SYMBOLOGY: Partial<Record<number, Symbology>> = { 8: 'ean8', 12: 'upca', 13: 'ean13' };

/**
 * A valid GTIN-8/12/13 prints in its retail symbology (EAN-8, UPC-A, EAN-13), which every
 * scanner reads; anything else (an internal code, a SKU) prints as Code 128.
 * @example labelCode({ sku: 'MUG-1', barcode: '4006381333931', title: '' }, 'barcode') // { bcid: 'ean13', text: '4006381333931' }
 */
export function labelCode(item: LabelItem, source: LabelSource): LabelCode {
  const text = source === 'barcode' && item.barcode ? item.barcode : item.sku;
  const gtin = source === 'barcode' && isValidGtin(text) ? GTIN_SYMBOLOGY[text.length] : undefined;
  return { bcid: gtin ?? 'code128', text };
}

/** More labels than this are not drawn at once (a browser tab, not a print shop). */
export const MAX_LABELS = 1000;

/** Each item repeated `count` times, in order, up to MAX_LABELS. */
export function expandLabels<T>(
  requests: readonly { item: T; count: number }[],
  max = MAX_LABELS,
): { labels: T[]; requested: number } {
  const labels: T[] = [];
  let requested = 0;
  for (const { item, count } of requests) {
    const n = Math.max(0, Math.floor(count));
    requested += n;
    for (let i = 0; i < n && labels.length < max; i++) labels.push(item);
  }
  return { labels, requested };
}

export const SHEET_IDS = ['a4-21', 'letter-30', 'roll-50x25'] as const;
export type SheetId = (typeof SHEET_IDS)[number];

export interface Sheet {
  /** CSS @page size. */
  page: string;
  /** CSS @page margin: where the first label starts on the sheet. */
  margin: string;
  columns: number;
  width: string;
  height: string;
  columnGap: string;
  rowGap: string;
}

/**
 * Common label stock. A4 21-up (Avery L7160 and equivalents: 3 × 7 of 63.5 × 38.1 mm), US Letter
 * 30-up (Avery 5160: 3 × 10 of 2⅝ × 1 in) and a 50 × 25 mm thermal roll (one label per page).
 */
export const SHEETS: Record<SheetId, Sheet> = {
  'a4-21': {
    page: 'A4',
    margin: '15.15mm 0 0 7.21mm',
    columns: 3,
    width: '63.5mm',
    height: '38.1mm',
    columnGap: '2.54mm',
    rowGap: '0mm',
  },
  'letter-30': {
    page: 'letter',
    margin: '0.5in 0 0 0.1875in',
    columns: 3,
    width: '2.625in',
    height: '1in',
    columnGap: '0.125in',
    rowGap: '0in',
  },
  'roll-50x25': {
    page: '50mm 25mm',
    margin: '0',
    columns: 1,
    width: '50mm',
    height: '25mm',
    columnGap: '0mm',
    rowGap: '0mm',
  },
};
