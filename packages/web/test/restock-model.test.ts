import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  NO_FILTER,
  filterOptions,
  filterRestock,
  groupRestock,
  restockCsv,
  restockTable,
  restockTotals,
  sortRestock,
  transferDraftCsv,
  type CsvColumn,
} from '../src/replenishment/restock/restock-model';
import { restockRecommendation } from './support/fixtures';

const rec = restockRecommendation;

const rows = [
  rec({ sku: 'MUG-1', title: 'Blue mug', supplier: 'ACME', estimatedCost: 200 }),
  rec({
    sku: 'MUG-2',
    title: 'Red mug',
    location: 'WH1',
    supplier: 'ZENITH',
    source: 'ZENITH',
    recommendedQuantity: 40,
    estimatedCost: null,
    alert: 'out_of_stock',
    orderByDate: null,
  }),
  rec({
    sku: 'LAMP-1',
    title: '=HYPERLINK("x")',
    action: 'transfer',
    source: 'WH1',
    supplier: 'ACME',
    recommendedQuantity: 30,
    estimatedCost: null,
    alert: null,
    shipDate: '2026-12-08T00:00:00.000Z',
  }),
  rec({
    sku: 'LAMP-2',
    recommendedQuantity: 0,
    estimatedCost: 0,
    alert: 'reorder_now',
    heldBack: 'capacity',
  }),
];

describe('restock planner model', () => {
  it('filters by each field and searches SKU, title, location and supplier case-insensitively', () => {
    const skus = (filter: Partial<typeof NO_FILTER>) =>
      filterRestock(rows, { ...NO_FILTER, ...filter }).map((r) => r.sku);
    expect(skus({})).toEqual(['MUG-1', 'MUG-2', 'LAMP-1', 'LAMP-2']);
    expect(skus({ location: 'WH1' })).toEqual(['MUG-2']);
    expect(skus({ supplier: 'ACME' })).toEqual(['MUG-1', 'LAMP-1', 'LAMP-2']);
    expect(skus({ action: 'transfer' })).toEqual(['LAMP-1']);
    expect(skus({ alert: 'out_of_stock' })).toEqual(['MUG-2']);
    expect(skus({ alert: 'none' })).toEqual(['LAMP-1']);
    expect(skus({ heldBack: 'any' })).toEqual(['LAMP-2']);
    expect(skus({ heldBack: 'capacity' })).toEqual(['LAMP-2']);
    expect(skus({ heldBack: 'clearance' })).toEqual([]);
    expect(skus({ search: 'RED' })).toEqual(['MUG-2']);
    expect(skus({ search: ' zenith ' })).toEqual(['MUG-2']);
    expect(skus({ search: 'lamp', supplier: 'ACME', action: 'purchase' })).toEqual(['LAMP-2']);
  });

  it('sorts both ways, rows without a value last either way, ties in plan order', () => {
    const by = (key: Parameters<typeof sortRestock>[1]) => sortRestock(rows, key).map((r) => r.sku);
    expect(by({ key: 'quantity', direction: 'desc' })).toEqual(['MUG-1', 'MUG-2', 'LAMP-1', 'LAMP-2']);
    expect(by({ key: 'quantity', direction: 'asc' })).toEqual(['LAMP-2', 'LAMP-1', 'MUG-2', 'MUG-1']);
    expect(by({ key: 'alert', direction: 'asc' })).toEqual(['MUG-2', 'MUG-1', 'LAMP-2', 'LAMP-1']);
    expect(by({ key: 'cost', direction: 'desc' })).toEqual(['MUG-1', 'LAMP-2', 'MUG-2', 'LAMP-1']);
    expect(by({ key: 'cost', direction: 'asc' })).toEqual(['LAMP-2', 'MUG-1', 'MUG-2', 'LAMP-1']);
    expect(by({ key: 'sku', direction: 'asc' })).toEqual(['LAMP-1', 'LAMP-2', 'MUG-1', 'MUG-2']);
    expect(by(null)).toEqual(['MUG-1', 'MUG-2', 'LAMP-1', 'LAMP-2']);
  });

  it('totals lines with a quantity, their units, and the cost of priced purchases', () => {
    expect(restockTotals(rows)).toEqual({ lines: 3, units: 170, cost: 200, unpriced: 1 });
    expect(restockTotals([])).toEqual({ lines: 0, units: 0, cost: 0, unpriced: 0 });
  });

  it('groups purchases by supplier and transfers by route, in order of first appearance', () => {
    const groups = groupRestock(rows, 'supplier');
    expect(groups.map((g) => [g.kind, g.label, g.rows.map((r) => r.sku)])).toEqual([
      ['supplier', 'ACME', ['MUG-1', 'LAMP-2']],
      ['supplier', 'ZENITH', ['MUG-2']],
      ['transfer', 'WH1 → FBA-US', ['LAMP-1']],
    ]);
    expect(groupRestock(rows, 'none')).toHaveLength(1);
    expect(filterOptions(rows)).toEqual({ locations: ['FBA-US', 'WH1'], suppliers: ['ACME', 'ZENITH'] });
  });

  it('exports the rows as shown, typed quantities included, formulas neutralised', () => {
    const header = Object.fromEntries(CSV_COLUMNS.map((c) => [c, c.toUpperCase()])) as Record<
      CsvColumn,
      string
    >;
    const csv = restockCsv(rows.slice(1, 4), header, (r) => (r.sku === 'MUG-2' ? 7 : r.recommendedQuantity));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'SKU,TITLE,LOCATION,ACTION,SOURCE,SUPPLIER,ALERT,HELDBACK,QUANTITY,UNITCOST,ESTIMATEDCOST,ORDERBY,SHIPDATE,DAYSOFSUPPLY',
    );
    expect(lines[1]).toBe('MUG-2,Red mug,WH1,purchase,ZENITH,ZENITH,out_of_stock,,7,2,,,,5');
    // The title starts with "=": quoted and prefixed so a spreadsheet shows it as text.
    expect(lines[2]).toBe(
      `LAMP-1,"'=HYPERLINK(""x"")",FBA-US,transfer,WH1,ACME,,,30,2,,2026-12-10,2026-12-08,5`,
    );
    expect(lines[3]).toContain(',capacity,0,');
  });

  it('gives the Excel export the same rows as cells: text kept as typed (the workbook stores it as text), numbers as numbers', () => {
    const header = Object.fromEntries(CSV_COLUMNS.map((c) => [c, c])) as Record<CsvColumn, string>;
    const table = restockTable(rows.slice(1, 3), header, (r) =>
      r.sku === 'MUG-2' ? 7 : r.recommendedQuantity,
    );
    expect(table.columns).toEqual([...CSV_COLUMNS]);
    expect(table.rows).toEqual([
      [
        'MUG-2',
        'Red mug',
        'WH1',
        'purchase',
        'ZENITH',
        'ZENITH',
        'out_of_stock',
        null,
        7,
        2,
        null,
        null,
        null,
        5,
      ],
      [
        'LAMP-1',
        '=HYPERLINK("x")',
        'FBA-US',
        'transfer',
        'WH1',
        'ACME',
        null,
        null,
        30,
        2,
        null,
        '2026-12-10',
        '2026-12-08',
        5,
      ],
    ]);
  });

  it('drafts a transfer shipment from the chosen transfers only, by route and SKU', () => {
    const csv = transferDraftCsv(
      [rows[0]!, rec({ sku: 'B', action: 'transfer', source: 'WH1', recommendedQuantity: 5 }), rows[2]!],
      { from: 'from', to: 'to', sku: 'sku', title: 'title', quantity: 'qty', shipDate: 'ship' },
    );
    expect(csv.trimEnd().split('\r\n')).toEqual([
      'from,to,sku,title,qty,ship',
      'WH1,FBA-US,B,Blue mug,5,',
      `WH1,FBA-US,LAMP-1,"'=HYPERLINK(""x"")",30,2026-12-08`,
    ]);
  });
});
