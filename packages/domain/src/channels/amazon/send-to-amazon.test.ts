import { describe, expect, it } from 'vitest';
import { sendToAmazonFile } from './send-to-amazon';

// Seller Central, "Send to Amazon file upload" template: Default prep owner, Default labeling owner,
// then Merchant SKU, Quantity, Prep owner, Labeling owner; saved as a tab-delimited file.
describe('the Send to Amazon file (docs/formulas.md)', () => {
  it('writes the default owners, a blank line, the headings and one line per SKU', () => {
    const file = sendToAmazonFile({
      from: 'WH1',
      to: 'FBA-US',
      labelingOwner: 'Amazon',
      lines: [
        { sku: 'MUG', quantity: 24 },
        { sku: 'CUP', quantity: 10, prepOwner: 'Amazon' },
      ],
    });
    expect(file.split('\r\n')).toEqual([
      'Default prep owner\tSeller',
      'Default labeling owner\tAmazon',
      '',
      'Merchant SKU\tQuantity\tPrep owner\tLabeling owner',
      'MUG\t24\tSeller\tAmazon',
      'CUP\t10\tAmazon\tAmazon',
      '',
    ]);
  });

  it('lists each SKU once (its lines summed) and leaves out 0 units', () => {
    const file = sendToAmazonFile({
      from: 'WH1',
      to: 'FBA-US',
      lines: [
        { sku: 'MUG', quantity: 5 },
        { sku: 'NONE', quantity: 0 },
        { sku: 'MUG', quantity: 7 },
      ],
    });
    expect(file.split('\r\n').slice(4)).toEqual(['MUG\t12\tSeller\tSeller', '']);
  });

  it('refuses a part unit, a negative quantity and a SKU the file cannot hold', () => {
    const draft = (sku: string, quantity: number) => ({
      from: 'WH1',
      to: 'FBA-US',
      lines: [{ sku, quantity }],
    });
    expect(() => sendToAmazonFile(draft('MUG', 1.5))).toThrow(RangeError);
    expect(() => sendToAmazonFile(draft('MUG', -1))).toThrow(RangeError);
    expect(() => sendToAmazonFile(draft('A\tB', 1))).toThrow(RangeError);
  });
});
