import { describe, expect, it } from 'vitest';
import { excessLines, excessTotals } from '../src/health/clearance/clearance-model';

const row = (over: Record<string, string | number | null>) => ({
  sku: 'MUG',
  'product-name': 'Mug',
  location: 'FBA-US',
  available: 40,
  'estimated-excess-quantity': 20,
  'recommended-action': 'markdown',
  'recommended-sales-price': 14.99,
  'recommended-sale-duration-days': 28,
  'recommended-removal-quantity': 0,
  'estimated-cost-savings-of-recommended-actions': 12.5,
  ...over,
});

describe('clearance model', () => {
  it('reads the report’s Amazon columns, drops rows without excess, most money saved first', () => {
    const lines = excessLines({
      rows: [
        row({ sku: 'A', 'estimated-cost-savings-of-recommended-actions': 3 }),
        row({ sku: 'B', 'estimated-excess-quantity': 0 }),
        row({
          sku: 'C',
          'recommended-action': 'removal',
          'recommended-sales-price': null,
          'recommended-sale-duration-days': null,
          'recommended-removal-quantity': 20,
          'estimated-cost-savings-of-recommended-actions': 30,
        }),
        row({ sku: 'D', 'recommended-action': 'something-new' }),
      ],
    });
    expect(lines.map((l) => [l.sku, l.action, l.price, l.removalQuantity, l.savings])).toEqual([
      ['C', 'removal', null, 20, 30],
      ['D', 'keep', 14.99, 0, 12.5],
      ['A', 'markdown', 14.99, 0, 3],
    ]);
    expect(excessTotals(lines)).toEqual({ skus: 3, units: 60, removal: 20, savings: 45.5 });
  });
});
