import { describe, expect, it } from 'vitest';
import { settlementAmountKind, settlementRow } from './settlement';

describe('settlement report lines (docs/formulas.md, Settlement report)', () => {
  it('item fees are fees, a refunded item price a refund, a reimbursement a reimbursement; the sale is not booked', () => {
    expect(settlementAmountKind({ transactionType: 'Order', amountType: 'ItemFees' })).toBe('fee');
    expect(settlementAmountKind({ transactionType: 'Refund', amountType: 'ItemFees' })).toBe('fee');
    expect(settlementAmountKind({ transactionType: 'Refund', amountType: 'ItemPrice' })).toBe('refund');
    expect(
      settlementAmountKind({
        transactionType: 'other-transaction',
        amountType: 'FBA Inventory Reimbursement',
      }),
    ).toBe('reimbursement');
    expect(settlementAmountKind({ transactionType: 'Order', amountType: 'ItemPrice' })).toBeNull();
    expect(
      settlementAmountKind({ transactionType: 'other-transaction', amountType: 'Storage Fee' }),
    ).toBeNull();
  });

  it('reads the summary line’s currency, EU dates and decimal commas, and keys every line by its settlement', () => {
    const summary = settlementRow({ 'settlement-id': '123', 'total-amount': '10,50', currency: 'eur' });
    expect(summary).toMatchObject({ key: '123', sku: null, data: { currency: 'EUR', totalAmount: 10.5 } });
    const fee = settlementRow({
      'settlement-id': '123',
      'transaction-type': 'Order',
      'amount-type': 'ItemFees',
      amount: '-2,25',
      'posted-date': '05.06.2025',
      sku: 'MUG',
    });
    expect(fee).toMatchObject({
      key: '123',
      sku: 'MUG',
      data: { kind: 'fee', amount: -2.25, postedAt: '2025-06-05T00:00:00.000Z' },
    });
  });

  it('names the column of a bad value', () => {
    const line = { 'settlement-id': '1', 'transaction-type': 'Order', 'amount-type': 'ItemFees', sku: 'MUG' };
    expect(() => settlementRow({ ...line, amount: 'x', 'posted-date': '2025-06-05' })).toThrow(/amount/);
    expect(() => settlementRow({ ...line, amount: '-1', 'posted-date': 'soon' })).toThrow(/posted-date/);
    expect(() => settlementRow({ 'settlement-id': '1', currency: 'euro' })).toThrow(/currency/);
  });
});
