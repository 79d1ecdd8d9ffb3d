import { describe, expect, it } from 'vitest';
import { parseJsonLossless } from '../channels/lossless-json';
import { allocateOrder, splitOverLines, sumDemands } from './allocation';
import { deriveStatus } from './order-state';

describe('allocateOrder', () => {
  const demand = (quantity: number, allowBackorder = false) => ({
    productId: 1,
    sku: 'A',
    quantity,
    allowBackorder,
  });

  it('takes the preferred location first and splits over the rest, most available first', () => {
    const stock = [
      { productId: 1, locationId: 10, available: 2 },
      { productId: 1, locationId: 20, available: 3 },
      { productId: 1, locationId: 30, available: 9 },
    ];
    const plan = allocateOrder({ demands: [demand(6)], stock, preferred: [20], fallbackLocationId: null });
    expect(plan.allocations).toEqual([
      { productId: 1, locationId: 20, quantity: 3 },
      { productId: 1, locationId: 30, quantity: 3 },
    ]);
    expect(plan.short).toEqual([]);
  });

  it('refuses a SKU that cannot be covered, and puts a backorder rest on the first preferred location', () => {
    const stock = [{ productId: 1, locationId: 10, available: 1 }];
    expect(
      allocateOrder({ demands: [demand(2)], stock, preferred: [10], fallbackLocationId: 10 }).short,
    ).toEqual([{ sku: 'A', requested: 2, available: 1 }]);
    const backorder = allocateOrder({
      demands: [demand(3, true)],
      stock,
      preferred: [10],
      fallbackLocationId: 10,
    });
    expect(backorder.allocations).toEqual([{ productId: 1, locationId: 10, quantity: 3 }]);
    expect(backorder.backordered).toBe(2);
  });

  it('sums lines of one SKU and spreads allocations back over them in line order', () => {
    const lines = [
      { productId: 1, sku: 'A', quantity: 2, allowBackorder: false },
      { productId: 1, sku: 'A', quantity: 3, allowBackorder: false },
    ];
    expect(sumDemands(lines)).toEqual([{ productId: 1, sku: 'A', quantity: 5, allowBackorder: false }]);
    const parts = splitOverLines(lines, [
      { productId: 1, locationId: 10, quantity: 4 },
      { productId: 1, locationId: 20, quantity: 1 },
    ]);
    expect(parts.map((p) => p.map((x) => [x.locationId, x.quantity]))).toEqual([
      [[10, 2]],
      [
        [10, 2],
        [20, 1],
      ],
    ]);
  });

  it('derives the order status from its lines', () => {
    expect(deriveStatus([{ quantity: 3, quantityShipped: 0, quantityCancelled: 0 }])).toBe('reserved');
    expect(deriveStatus([{ quantity: 3, quantityShipped: 1, quantityCancelled: 0 }])).toBe(
      'partially_shipped',
    );
    expect(deriveStatus([{ quantity: 3, quantityShipped: 1, quantityCancelled: 2 }])).toBe('shipped');
    expect(deriveStatus([{ quantity: 3, quantityShipped: 0, quantityCancelled: 3 }])).toBe('cancelled');
  });
});

describe('parseJsonLossless', () => {
  it('keeps every digit of integers beyond 2^53 and leaves the rest alone', () => {
    const parsed = parseJsonLossless(
      '{"id": 820982911946154508, "small": 42, "neg": -9223372036854775807, "f": 1.5e3, "s": "9007199254740993", "esc": "a\\"1234567890123456789"}',
    ) as Record<string, unknown>;
    expect(parsed).toEqual({
      id: '820982911946154508',
      small: 42,
      neg: '-9223372036854775807',
      f: 1500,
      s: '9007199254740993',
      esc: 'a"1234567890123456789',
    });
    expect(() => parseJsonLossless('{"id": 1')).toThrow(SyntaxError);
  });
});
