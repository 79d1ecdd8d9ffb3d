import { describe, expect, it } from 'vitest';
import type { Balance, Product } from '../src/api/types';
import {
  filterRows,
  joinRows,
  sortRows,
  stockOutKey,
  type BalanceInput,
  type RowFilter,
} from '../src/ledger/inventory/inventory-model';
import { generateBalances } from './support/fixtures';

const asOf = new Date('2026-11-26T00:00:00Z');
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const all: RowFilter = { search: '', location: null, category: null, status: 'all' };

function balance(overrides: Partial<Balance> & Pick<Balance, 'sku' | 'location'>): BalanceInput {
  return {
    title: `Title ${overrides.sku}`,
    onHand: 10,
    reserved: 0,
    available: 10,
    inbound: 0,
    unfulfillable: 0,
    oldestReceivedAt: null,
    oldestArrivedAt: null,
    aged: false,
    updatedAt: asOf.toISOString(),
    ...overrides,
  };
}

function product(overrides: Partial<Product> & Pick<Product, 'sku'>): Product {
  return {
    title: overrides.sku,
    barcode: null,
    barcodeKind: null,
    asin: null,
    fnsku: null,
    channelSkus: {},
    category: null,
    brand: null,
    length: null,
    width: null,
    height: null,
    dimensionUnit: 'in',
    weight: null,
    weightUnit: 'lb',
    cubicFeet: null,
    sizeTier: null,
    storageType: null,
    unitCost: null,
    price: null,
    currency: 'USD',
    casePack: 1,
    replenishable: true,
    allowBackorder: false,
    listingStatus: 'active',
    createdAt: asOf.toISOString(),
    updatedAt: asOf.toISOString(),
    ...overrides,
  };
}

describe('inventory grid model', () => {
  const products = [
    product({
      sku: 'MUG-1',
      barcode: '0857841300017',
      fnsku: 'X00A1DQXU9',
      cubicFeet: 0.5,
      category: 'Kitchen',
    }),
    product({ sku: 'MUG-10', replenishable: false, category: 'Kitchen' }),
    product({ sku: 'LAMP-2', category: 'Home' }),
  ];
  const rows = joinRows(
    [
      balance({
        sku: 'MUG-1',
        location: 'FBA-US',
        onHand: 4,
        available: 4,
        oldestReceivedAt: '2026-01-01T00:00:00Z',
        aged: true, // the server's rule: 329 days old
      }),
      balance({ sku: 'MUG-1', location: 'WH1', onHand: 0, available: 0 }),
      balance({ sku: 'MUG-10', location: 'WH1', onHand: 0, available: 0, unfulfillable: 2 }),
      balance({ sku: 'LAMP-2', location: 'FBA-US', onHand: 7, available: 5, reserved: 2, inbound: 30 }),
    ],
    products,
    asOf,
    // The planning position's stock-outs (the server's rule); MUG-10 at WH1 has nothing either but does not sell.
    new Set([stockOutKey('MUG-1', 'WH1')]),
  );

  it('joins product facts: codes for search, volume and age', () => {
    expect(rows[0]).toMatchObject({ barcode: '0857841300017', volume: 2, ageDays: 329, category: 'Kitchen' });
    expect(rows[1]?.ageDays).toBeNull();
  });

  it('searches SKU, title, barcode and FNSKU, case-insensitively', () => {
    expect(filterRows(rows, { ...all, search: '0857841300017' }).map((r) => r.location)).toEqual([
      'FBA-US',
      'WH1',
    ]);
    expect(filterRows(rows, { ...all, search: 'x00a1dqxu9' })).toHaveLength(2);
    expect(filterRows(rows, { ...all, search: 'title lamp' })).toHaveLength(1);
  });

  it('filters the planning position’s stock-outs, and by location, category, inbound, unfulfillable, age', () => {
    expect(filterRows(rows, { ...all, status: 'stockout' }).map((r) => `${r.sku}@${r.location}`)).toEqual([
      'MUG-1@WH1',
    ]);
    expect(filterRows(rows, { ...all, location: 'FBA-US' })).toHaveLength(2);
    expect(filterRows(rows, { ...all, category: 'Home' }).map((r) => r.sku)).toEqual(['LAMP-2']);
    expect(filterRows(rows, { ...all, status: 'inbound' }).map((r) => r.sku)).toEqual(['LAMP-2']);
    expect(filterRows(rows, { ...all, status: 'unfulfillable' }).map((r) => r.sku)).toEqual(['MUG-10']);
    expect(filterRows(rows, { ...all, status: 'aged' }).map((r) => r.sku)).toEqual(['MUG-1']);
    expect(filterRows(rows, all)).toBe(rows);
  });

  it('sorts naturally (MUG-1 < MUG-10), numbers numerically, nulls last both ways, stably', () => {
    expect(sortRows(rows, { column: 'sku', direction: 'asc' }, collator).map((r) => r.sku)).toEqual([
      'LAMP-2',
      'MUG-1',
      'MUG-1',
      'MUG-10',
    ]);
    expect(sortRows(rows, { column: 'onHand', direction: 'desc' }, collator).map((r) => r.onHand)).toEqual([
      7, 4, 0, 0,
    ]);
    const byAge = sortRows(rows, { column: 'ageDays', direction: 'desc' }, collator);
    expect(byAge[0]?.ageDays).toBe(329);
    expect(byAge.slice(1).every((r) => r.ageDays === null)).toBe(true);
    const byAgeAsc = sortRows(rows, { column: 'ageDays', direction: 'asc' }, collator);
    expect(byAgeAsc[0]?.ageDays).toBe(329);
    const stable = sortRows(rows, { column: 'available', direction: 'asc' }, collator).filter(
      (r) => r.available === 0,
    );
    expect(stable.map((r) => r.sku)).toEqual(['MUG-1', 'MUG-10']);
  });

  // How fast: `npm run bench:grid` (timing belongs in a benchmark, not in a unit test on a shared machine).
  it('filters and sorts 100,000 rows correctly', () => {
    const big = joinRows(generateBalances(100_000), [], asOf);
    const found = filterRows(big, { ...all, search: 'gen-0012' });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((r) => r.sku.toLowerCase().includes('gen-0012'))).toBe(true);
    expect(found).toHaveLength(big.filter((r) => r.sku.startsWith('GEN-0012')).length);
    const sorted = sortRows(big, { column: 'available', direction: 'desc' }, collator);
    expect(sorted).toHaveLength(big.length);
    expect(sorted.every((r, i) => i === 0 || sorted[i - 1]!.available >= r.available)).toBe(true);
  });
});
