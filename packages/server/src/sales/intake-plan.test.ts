import { describe, expect, it } from 'vitest';
import type { DomainError } from '@stockwise/domain/errors';
import type { OrderIntake } from '@stockwise/domain/sales/intake';
import type { OrderIntakeRows } from '@stockwise/db/sales/order-intake.repository';
import { planIntake } from './intake-plan';

const at = new Date('2026-11-26T08:00:00Z');

function order(
  externalId: string,
  lines: [string, number][],
  channel: OrderIntake['channel'] = 'manual',
): OrderIntake {
  return {
    channel,
    externalId,
    orderedAt: null,
    currency: 'USD',
    unmapped: [],
    lines: lines.map(([sku, quantity]) => ({ sku, quantity, unitPrice: 5, externalLineId: null })),
  };
}

/** Two locations: WH (warehouse, id 1) and FBA (amazon_fba, id 2, configured for amazon). */
function rows(
  orderIds: (number | undefined)[],
  stock: { productId: number; locationId: number; available: number }[],
): OrderIntakeRows {
  return {
    orders: orderIds.map((id) => (id === undefined ? undefined : { id, createdAt: at })),
    products: [
      { id: 10, sku: 'MUG', allowBackorder: false },
      { id: 11, sku: 'CAP', allowBackorder: false },
    ],
    locations: [
      { id: 1, code: 'WH', type: 'warehouse', marketplace: null, stockKnownAt: null, channels: [] },
      { id: 2, code: 'FBA', type: 'amazon_fba', marketplace: 'US', stockKnownAt: null, channels: ['amazon'] },
    ],
    stock,
  };
}

describe('planIntake: one view of the locked stock for every order of a batch', () => {
  it('orders draw on the same units in arrival order: the later one is refused when the earlier took the last unit', () => {
    const plans = planIntake({
      intakes: [order('a', [['MUG', 2]]), order('b', [['MUG', 1]])],
      rows: rows([1, 2], [{ productId: 10, locationId: 1, available: 2 }]),
      options: {},
    });
    expect(plans[0]).toMatchObject({
      kind: 'accepted',
      status: 'reserved',
      reservation: { allocations: [{ productId: 10, locationId: 1, quantity: 2 }] },
    });
    expect(plans[1]).toMatchObject({ kind: 'refused', orderId: 2 });
    const error = (plans[1] as { error: DomainError }).error;
    expect(error.code).toBe('INSUFFICIENT_STOCK');
    expect(error.details).toMatchObject({ skus: ['MUG'] });
  });

  it('a channel order prefers its configured location, and splits when that cannot cover it', () => {
    const stock = [
      { productId: 10, locationId: 1, available: 5 },
      { productId: 10, locationId: 2, available: 3 },
    ];
    const [plan] = planIntake({
      intakes: [order('az-1', [['MUG', 4]], 'amazon')],
      rows: rows([7], stock),
      options: {},
    });
    expect(plan).toMatchObject({
      kind: 'accepted',
      reservation: {
        allocations: [
          { locationId: 2, quantity: 3 },
          { locationId: 1, quantity: 1 },
        ],
      },
    });
  });

  it('unknown SKUs refuse the order naming them, or are set aside with unknownSkus: unmap', () => {
    const intake = order('u', [
      ['MUG', 1],
      ['NOPE', 1],
    ]);
    const stock = [{ productId: 10, locationId: 1, available: 5 }];
    const [refused] = planIntake({ intakes: [intake], rows: rows([3], stock), options: {} });
    expect(refused).toMatchObject({ kind: 'refused' });
    expect((refused as { error: DomainError }).error).toMatchObject({
      code: 'UNKNOWN_SKU',
      field: 'lines.1.sku',
      details: { skus: ['NOPE'] },
    });
    const [kept] = planIntake({
      intakes: [intake],
      rows: rows([3], stock),
      options: { unknownSkus: 'unmap' },
    });
    expect(kept).toMatchObject({
      kind: 'accepted',
      status: 'reserved',
      unmapped: [{ reason: 'unknown SKU', sku: 'NOPE' }],
    });
  });

  it('short stock keeps a channel order pending with nothing reserved; an order that exists already is a replay', () => {
    const plans = planIntake({
      intakes: [order('p', [['CAP', 9]], 'shopify'), order('old', [['MUG', 1]])],
      rows: rows([4, undefined], [{ productId: 11, locationId: 1, available: 2 }]),
      options: { shortStock: 'pending' },
    });
    expect(plans[0]).toMatchObject({
      kind: 'accepted',
      status: 'pending',
      reservation: null,
      lines: [{ sku: 'CAP', quantity: 9 }],
    });
    expect(plans[1]).toEqual({ kind: 'replay' });
  });

  it('an order Amazon fulfils takes nothing from the warehouse: short at Amazon it is refused, the warehouse stock stays', () => {
    const afn = { ...order('afn', [['MUG', 2]], 'amazon'), fulfilment: 'AFN' as const, marketplace: 'US' };
    const [refused] = planIntake({
      intakes: [afn],
      rows: rows([5], [{ productId: 10, locationId: 1, available: 9 }]),
      options: {},
    });
    expect(refused).toMatchObject({ kind: 'refused', error: { code: 'INSUFFICIENT_STOCK' } });
    const [reserved] = planIntake({
      intakes: [afn],
      rows: rows(
        [5],
        [
          { productId: 10, locationId: 1, available: 9 },
          { productId: 10, locationId: 2, available: 2 },
        ],
      ),
      options: {},
    });
    expect(reserved).toMatchObject({
      kind: 'accepted',
      reservation: { parts: [{ locationId: 2, reserved: 2 }] },
    });
    // Another marketplace's order has no location here: refused by name, not waited for.
    const [elsewhere] = planIntake({
      intakes: [{ ...afn, marketplace: 'DE' }],
      rows: rows([5], [{ productId: 10, locationId: 2, available: 9 }]),
      options: {},
    });
    expect(elsewhere).toMatchObject({
      kind: 'refused',
      error: { code: 'UNKNOWN_LOCATION', field: 'location' },
    });
  });
});
