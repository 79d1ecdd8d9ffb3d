import { describe, expect, it } from 'vitest';
import { validateImportRow } from './import-formats';
import { amazonReturnCondition, returnCondition, returnKey } from './returns';

describe('returns: where a returned unit goes', () => {
  it("Amazon's SELLABLE disposition goes back to stock; every other disposition is unfulfillable", () => {
    expect(amazonReturnCondition('SELLABLE')).toBe('sellable');
    expect(amazonReturnCondition(' sellable ')).toBe('sellable');
    for (const d of [
      'DEFECTIVE',
      'CUSTOMER_DAMAGED',
      'CARRIER_DAMAGED',
      'DISTRIBUTOR_DAMAGED',
      'DAMAGED',
      'EXPIRED',
    ])
      expect(amazonReturnCondition(d)).toBe('unfulfillable');
    expect(amazonReturnCondition('Customer Damaged')).toBe('unfulfillable');
    expect(amazonReturnCondition('SOMETHING_NEW')).toBe('unfulfillable');
    expect(() => amazonReturnCondition(' ')).toThrow(/detailed-disposition is required/);
  });

  it('a generic file says sellable or damaged (or another word for unsellable); anything else is refused', () => {
    expect(returnCondition('Sellable')).toBe('sellable');
    for (const c of ['damaged', 'DEFECTIVE', 'unfulfillable', 'unsellable'])
      expect(returnCondition(c)).toBe('unfulfillable');
    expect(() => returnCondition('like new')).toThrow(
      /condition must be sellable or damaged, got "like new"/,
    );
  });

  it('the key is the license plate when there is one, else order + SKU + day (the applier adds the occurrence)', () => {
    expect(
      returnKey({
        source: 'amazon',
        licensePlate: 'LPNRR1',
        orderId: '111',
        sku: 'MUG',
        date: '2024-05-01T10:00:00.000Z',
      }),
    ).toEqual({ key: 'amazon\u0001lpn\u0001LPNRR1', unique: true });
    const a = returnKey({
      source: 'file',
      orderId: 'INV-1',
      reference: 'CN-1',
      sku: 'MUG',
      date: '2024-05-01T10:00:00.000Z',
    });
    const b = returnKey({
      source: 'file',
      orderId: 'INV-1',
      reference: 'CN-1',
      sku: 'MUG',
      date: '2024-05-01T23:00:00.000Z',
    });
    expect(a).toEqual(b);
    expect(a.unique).toBe(false);
  });

  it('rows validate to the data the applier books, naming the column at fault', () => {
    const amazon = validateImportRow('amazon-returns', {
      'return-date': '2024-05-03T14:22:10+00:00',
      'order-id': '111-0000001-0000001',
      sku: 'MUG',
      quantity: '1',
      'detailed-disposition': 'CARRIER_DAMAGED',
      'license-plate-number': 'LPNRR1',
    });
    expect(amazon.data).toMatchObject({
      condition: 'unfulfillable',
      channel: 'amazon',
      unique: true,
      quantity: 1,
    });
    const generic = validateImportRow('returns', {
      sku: 'MUG',
      quantity: '2',
      date: '2024-05-03',
      condition: 'damaged',
      location: 'WH',
    });
    expect(generic).toMatchObject({
      sku: 'MUG',
      location: 'WH',
      data: { orderId: null, condition: 'unfulfillable' },
    });
    expect(() =>
      validateImportRow('returns', { sku: 'MUG', quantity: '0', date: '2024-05-03', condition: 'sellable' }),
    ).toThrow(expect.objectContaining({ field: 'quantity' }));
    expect(() =>
      validateImportRow('returns', {
        sku: 'MUG',
        quantity: '1',
        date: '2024-05-03',
        condition: 'ok',
        channel: 'ebay',
      }),
    ).toThrow(expect.objectContaining({ field: 'channel' }));
  });
});
