import { describe, expect, it } from 'vitest';
import { expandLabels, isValidGtin, labelCode, SHEETS, SHEET_IDS } from '../src/lib/barcode/labels';

describe('barcode labels', () => {
  it('checks GS1 check digits', () => {
    // GS1's worked examples: EAN-13 4006381333931, UPC-A 036000291452, EAN-8 96385074.
    expect(['4006381333931', '036000291452', '96385074'].map(isValidGtin)).toEqual([true, true, true]);
    expect(['4006381333932', '03600029145', 'ABC1234567890'].map(isValidGtin)).toEqual([false, false, false]);
  });

  it('prints a valid GTIN in its retail symbology and everything else as Code 128', () => {
    const item = (barcode: string | null) => ({ sku: 'MUG-1', title: 'Blue mug', barcode });
    expect(labelCode(item('4006381333931'), 'barcode')).toEqual({ bcid: 'ean13', text: '4006381333931' });
    expect(labelCode(item('036000291452'), 'barcode')).toEqual({ bcid: 'upca', text: '036000291452' });
    expect(labelCode(item('96385074'), 'barcode')).toEqual({ bcid: 'ean8', text: '96385074' });
    expect(labelCode(item('4006381333932'), 'barcode')).toEqual({ bcid: 'code128', text: '4006381333932' });
    expect(labelCode(item('INT-77'), 'barcode')).toEqual({ bcid: 'code128', text: 'INT-77' });
    expect(labelCode(item(null), 'barcode')).toEqual({ bcid: 'code128', text: 'MUG-1' });
    expect(labelCode(item('4006381333931'), 'sku')).toEqual({ bcid: 'code128', text: 'MUG-1' });
  });

  it('repeats each item by its count, in order, and stops at the cap while counting what was asked', () => {
    expect(
      expandLabels([
        { item: 'a', count: 2 },
        { item: 'b', count: 0 },
        { item: 'c', count: 1 },
      ]),
    ).toEqual({ labels: ['a', 'a', 'c'], requested: 3 });
    expect(
      expandLabels(
        [
          { item: 'a', count: 3 },
          { item: 'b', count: 4 },
        ],
        5,
      ),
    ).toEqual({ labels: ['a', 'a', 'a', 'b', 'b'], requested: 7 });
  });

  it('lays out every sheet with at least one column and real sizes', () => {
    for (const id of SHEET_IDS) {
      expect(SHEETS[id].columns).toBeGreaterThan(0);
      expect(SHEETS[id].width).toMatch(/^\d+(\.\d+)?(mm|in)$/);
    }
  });
});
