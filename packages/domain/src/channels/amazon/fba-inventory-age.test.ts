import { describe, expect, it } from 'vitest';
import { fbaInventoryAgeRow } from './amazon-payloads';
import { validateImportRow } from '../../imports/import-formats';

// Column names as published for the FBA inventory planning / age report (GET_FBA_INVENTORY_PLANNING_DATA).
const row = (cells: Record<string, string>) => ({
  'snapshot-date': '2024-05-01',
  sku: 'MUG-1',
  available: '7',
  ...cells,
});

describe('fbaInventoryAgeRow', () => {
  it('reads the brackets, quantities written as "12.0", decimals and text; empty brackets are 0 and empty figures null', () => {
    const r = fbaInventoryAgeRow(
      row({
        'inv-age-0-to-90-days': '5.0',
        'inv-age-91-to-180-days': '2',
        'inv-age-181-to-270-days': '',
        'sell-through': '1.25',
        'days-of-supply': '',
        'estimated-excess-quantity': '3.6',
        'recommended-action': 'CreateRemovalOrder',
        'total reserved quantity': '4',
      }),
    );
    expect(r).toMatchObject({
      snapshotDate: '2024-05-01',
      sku: 'MUG-1',
      available: 7,
      reserved: 4,
      age0to90: 5,
      age91to180: 2,
      age181to270: 0,
      age271to365: 0,
      age365plus: 0,
      sellThrough: 1.25,
      daysOfSupply: null,
      estimatedExcess: 4,
      recommendedAction: 'CreateRemovalOrder',
      unitsShippedT30: null,
    });
  });

  it('sums the newer 366–455 and 456+ brackets into 365+; reserved-quantity stands in for Total Reserved Quantity', () => {
    expect(
      fbaInventoryAgeRow(
        row({
          'inv-age-365-plus-days': '99',
          'inv-age-366-to-455-days': '3',
          'inv-age-456-plus-days': '4',
          'reserved-quantity': '2',
        }),
      ),
    ).toMatchObject({ age365plus: 7, reserved: 2 });
    expect(fbaInventoryAgeRow(row({ 'inv-age-365-plus-days': '9' }))).toMatchObject({
      age365plus: 9,
      reserved: null,
    });
  });

  it('refuses a bad snapshot date, a negative or fractional quantity and a missing available, naming the column', () => {
    expect(() => fbaInventoryAgeRow(row({ 'snapshot-date': '2024-02-30' }))).toThrow(
      expect.objectContaining({ field: 'snapshot-date' }),
    );
    expect(() => fbaInventoryAgeRow(row({ available: '-1' }))).toThrow(
      expect.objectContaining({ field: 'available' }),
    );
    expect(() => fbaInventoryAgeRow(row({ 'inv-age-0-to-90-days': '1.5' }))).toThrow(
      expect.objectContaining({ field: 'inv-age-0-to-90-days' }),
    );
    expect(() => fbaInventoryAgeRow(row({ available: '' }))).toThrow(
      expect.objectContaining({ field: 'available' }),
    );
  });

  it('is the amazon-inventory-age import kind, keyed by SKU', () => {
    expect(validateImportRow('amazon-inventory-age', row({}))).toMatchObject({
      key: 'MUG-1',
      sku: 'MUG-1',
      location: null,
      data: { available: 7 },
    });
  });
});
