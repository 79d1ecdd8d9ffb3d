import { describe, expect, it } from 'vitest';
import type { ProfitTotal, Report } from '../src/api/types';
import { periodOf, profitTotals, sortProfitRows, toProfitRow } from '../src/reports/profit/profit-model';

const page = (rows: Report['rows'], summary: Report['summary']): Report => ({
  kind: 'profit',
  asOf: '2026-11-26',
  currency: 'USD',
  scope: { network: 'amazon', locations: [] },
  columns: [],
  rows,
  summary,
  nextCursor: null,
});

// Rows as GET /api/v1/reports/profit sends them (Seller Central-style column names).
const MUG = {
  sku: 'MUG-1',
  'product-name': 'Mug',
  currency: 'USD',
  'other-currencies': null,
  'units-sold': 10,
  revenue: 200,
  cogs: 80,
  'referral-fees': 30,
  'fulfillment-fees': 45,
  'storage-fees': 1.5,
  'aged-inventory-surcharge': 0.5,
  'inbound-shipping': 4,
  'other-variable-cost': 1,
  profit: 38,
  margin: 0.19,
  roi: 0.452,
  'storage-fees-percent-of-revenue': 1,
};
const CUP = {
  sku: 'CUP-1',
  'product-name': 'Cup',
  currency: 'USD',
  'other-currencies': null,
  'units-sold': 0,
  revenue: 0,
  cogs: 0,
  'referral-fees': 0,
  'fulfillment-fees': 0,
  'storage-fees': 3,
  'aged-inventory-surcharge': 0,
  'inbound-shipping': 0,
  'other-variable-cost': 0,
  profit: -3,
  margin: null,
  roi: null,
  'storage-fees-percent-of-revenue': null,
};

describe('profit model', () => {
  it('reads a report row: storage includes the aged surcharge, other costs include inbound shipping', () => {
    expect(toProfitRow(MUG)).toEqual({
      sku: 'MUG-1',
      title: 'Mug',
      currency: 'USD',
      otherCurrencies: [],
      withoutFeeTable: [],
      unitsSold: 10,
      revenue: 200,
      cogs: 80,
      referralFees: 30,
      fulfilmentFees: 45,
      storageFees: 2,
      otherCosts: 5,
      settledFees: 0,
      refundsNet: 0,
      profit: 38,
      margin: 0.19,
      roi: 0.452,
      storagePercent: 1,
    });
    expect(toProfitRow(CUP).margin).toBeNull();
  });

  it('reads the settlement columns: fees Amazon settled, refunds less reimbursements', () => {
    const settled = toProfitRow({ ...MUG, 'settled-fees': 5.1, refunds: 20, reimbursements: 8 });
    expect(settled).toMatchObject({ settledFees: 5.1, refundsNet: 12 });
  });

  const total = (t: Partial<ProfitTotal> & { currency: string }): ProfitTotal => ({
    unitsSold: 0,
    revenue: 0,
    cogs: 0,
    fees: 0,
    refunds: 0,
    reimbursements: 0,
    storageFees: 0,
    inboundShipping: 0,
    profit: 0,
    margin: null,
    roi: null,
    storageFeePercentOfRevenue: null,
    mixedCurrencies: false,
    withoutFeeTable: [],
    ...t,
  });

  it('shows the whole report’s totals from the first page as the server took them, deriving nothing', () => {
    // The server's figures on purpose unlike anything the page could work out from its rows: it must
    // neither add the pages nor take a ratio again (docs/decisions.md §29).
    const usd = total({ currency: 'USD', unitsSold: 12, revenue: 260, profit: 41, margin: 0.123, roi: 0.5 });
    const eur = total({ currency: 'EUR', revenue: 90, profit: 90, mixedCurrencies: true });
    const totals = profitTotals([
      page([MUG], { totals: [eur, usd] }),
      // a later page carries none; one that did would not be added
      page([CUP], { totals: [total({ currency: 'USD', revenue: 1000, profit: 1000 })] }),
    ]);
    expect(totals).toEqual([eur, usd]);
    // No pages: no totals, never a NaN
    expect(profitTotals([])).toEqual([]);
    expect(profitTotals([page([], {})])).toEqual([]);
  });

  it('a marketplace without a fee table: its estimates and profit read as unknown, never 0, and its total too', () => {
    const jp = toProfitRow({
      ...MUG,
      currency: 'JPY',
      'referral-fees': null,
      'fulfillment-fees': null,
      'storage-fees': null,
      'inbound-shipping': null,
      profit: null,
      margin: null,
      'without-fee-table': 'JP',
    });
    expect(jp).toMatchObject({
      withoutFeeTable: ['JP'],
      referralFees: null,
      fulfilmentFees: null,
      storageFees: null,
      otherCosts: null,
      profit: null,
    });
    const row = toProfitRow({ ...MUG, currency: 'EUR', 'other-currencies': 'USD GBP', margin: null });
    expect(row).toMatchObject({ currency: 'EUR', otherCurrencies: ['USD', 'GBP'], margin: null });
  });

  it('sorts either way and keeps SKUs without a figure last', () => {
    const rows = [
      toProfitRow(CUP),
      toProfitRow(MUG),
      toProfitRow({ ...MUG, sku: 'BOWL-1', profit: 50, margin: 0.3 }),
    ];
    expect(sortProfitRows(rows, 'profit', 'desc').map((r) => r.sku)).toEqual(['BOWL-1', 'MUG-1', 'CUP-1']);
    expect(sortProfitRows(rows, 'profit', 'asc').map((r) => r.sku)).toEqual(['CUP-1', 'MUG-1', 'BOWL-1']);
    expect(sortProfitRows(rows, 'margin', 'asc').map((r) => r.sku)).toEqual(['MUG-1', 'BOWL-1', 'CUP-1']);
    expect(sortProfitRows(rows, 'margin', 'desc').map((r) => r.sku)).toEqual(['BOWL-1', 'MUG-1', 'CUP-1']);
    expect(sortProfitRows(rows, 'sku', 'asc').map((r) => r.sku)).toEqual(['BOWL-1', 'CUP-1', 'MUG-1']);
    // one SKU in two currencies: its rows side by side, in currency order
    const euro = toProfitRow({ ...MUG, currency: 'EUR' });
    expect(sortProfitRows([...rows, euro], 'sku', 'asc').map((r) => `${r.sku} ${r.currency}`)).toEqual([
      'BOWL-1 USD',
      'CUP-1 USD',
      'MUG-1 EUR',
      'MUG-1 USD',
    ]);
  });

  it('turns "the last N days through D" into the report’s [from, to)', () => {
    expect(periodOf('2026-11-25', 30)).toEqual({ from: '2026-10-27', to: '2026-11-26' });
    expect(periodOf('2024-03-01', 1)).toEqual({ from: '2024-03-01', to: '2024-03-02' });
  });
});
