import { describe, expect, it } from 'vitest';
import { validateImportRow } from '../imports/import-formats';
import { DEFAULT_NON_STOCK_RULE, parseSalesHistoryMapping, salesHistoryRow } from '../imports/sales-history';
import { settlementRow } from '../imports/settlement';
import { ACCEPTED_DAYS, isAcceptedDay } from './dates';

// One range for every day Stockwise takes: the importers below and the API's IsoDateSchema (server test).
describe('accepted days', () => {
  const orders = (day: string) => () =>
    validateImportRow('orders', {
      channel: 'manual',
      external_id: 'A-1',
      ordered_at: day,
      sku: 'MUG',
      quantity: '1',
    });
  const history = (day: string) => () =>
    salesHistoryRow(
      parseSalesHistoryMapping(JSON.stringify({ date: 'date', sku: 'sku', quantity: 'qty' })),
      { date: day, sku: 'MUG', qty: '2' },
      DEFAULT_NON_STOCK_RULE,
    );
  const settlement = (day: string) => () =>
    settlementRow({
      'settlement-id': '1',
      'transaction-type': 'Order',
      'amount-type': 'ItemFees',
      amount: '-1.00',
      'posted-date': day,
      sku: 'MUG',
    });

  it('are the range ends and what lies between, nothing outside', () => {
    expect([ACCEPTED_DAYS.first, '2025-06-30', ACCEPTED_DAYS.last].every(isAcceptedDay)).toBe(true);
    expect(['1989-12-31', '2200-01-01', '0001-01-01'].some(isAcceptedDay)).toBe(false);
  });

  it('bound every importer alike: the ends are read, a day past either end is refused naming its column', () => {
    for (const [read, column] of [
      [orders, 'ordered_at'],
      [history, 'date'],
      [settlement, 'posted-date'],
    ] as const) {
      expect(read(ACCEPTED_DAYS.first)).not.toThrow();
      expect(read(ACCEPTED_DAYS.last)).not.toThrow();
      for (const day of ['1989-12-31', '2200-01-01'])
        expect(read(day), `${column} ${day}`).toThrow(expect.objectContaining({ field: column }));
    }
  });
});
