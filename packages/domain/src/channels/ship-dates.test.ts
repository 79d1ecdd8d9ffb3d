import { describe, expect, it } from 'vitest';
import type { AmazonOrderHeader } from './amazon/amazon-payloads';
import { amazonGetOrders, amazonShippedAt } from './amazon/amazon-payloads';
import { shopifyShippedAt } from './shopify/shopify-payloads';

const NOW = new Date('2024-06-01T00:00:00Z');
const iso = (d: Date) => d.toISOString();

describe('amazonShippedAt (docs/decisions.md 45)', () => {
  const header = (o: Record<string, unknown>): AmazonOrderHeader =>
    amazonGetOrders({
      payload: {
        Orders: [
          { AmazonOrderId: '113-1', PurchaseDate: '2024-04-21T08:12:02Z', OrderStatus: 'Shipped', ...o },
        ],
      },
    }).orders[0]!;

  it('is the LastUpdateDate of a Shipped order inside its ship window', () => {
    const h = header({
      LastUpdateDate: '2024-04-22T10:01:44Z',
      EarliestShipDate: '2024-04-22T07:00:00Z',
      LatestShipDate: '2024-04-24T06:59:59Z',
    });
    expect(iso(amazonShippedAt(h, NOW))).toBe('2024-04-22T10:01:44.000Z');
  });

  it('shipped before the window opened keeps its own date; an update after the window is capped at its end', () => {
    const window = { EarliestShipDate: '2024-04-22T07:00:00Z', LatestShipDate: '2024-04-24T06:59:59Z' };
    expect(iso(amazonShippedAt(header({ ...window, LastUpdateDate: '2024-04-21T20:00:00Z' }), NOW))).toBe(
      '2024-04-21T20:00:00.000Z',
    );
    expect(iso(amazonShippedAt(header({ ...window, LastUpdateDate: '2024-05-15T00:00:00Z' }), NOW))).toBe(
      '2024-04-24T06:59:59.000Z',
    );
  });

  it('without a LastUpdateDate (absent or not a date): the window end, else its start, else the purchase date', () => {
    const end = header({ LastUpdateDate: 'yesterday', LatestShipDate: '2024-04-24T06:59:59Z' });
    expect(end.lastUpdateDate).toBeNull();
    expect(iso(amazonShippedAt(end, NOW))).toBe('2024-04-24T06:59:59.000Z');
    expect(iso(amazonShippedAt(header({ EarliestShipDate: '2024-04-22T07:00:00Z' }), NOW))).toBe(
      '2024-04-22T07:00:00.000Z',
    );
    expect(iso(amazonShippedAt(header({ LatestShipDate: '2024-13-45T00:00:00Z' }), NOW))).toBe(
      '2024-04-21T08:12:02.000Z',
    );
  });

  it('never before the purchase nor after now', () => {
    expect(iso(amazonShippedAt(header({ LastUpdateDate: '2009-03-01T00:00:00Z' }), NOW))).toBe(
      '2024-04-21T08:12:02.000Z',
    );
    expect(
      iso(amazonShippedAt(header({ LastUpdateDate: '2024-04-22T10:01:44Z' }), new Date('2024-04-22'))),
    ).toBe('2024-04-22T00:00:00.000Z');
  });
});

describe('shopifyShippedAt (docs/decisions.md 45)', () => {
  const order = (o: Record<string, unknown>) => ({
    id: 450789469,
    created_at: '2022-01-28T19:00:00-05:00',
    processed_at: '2022-01-28T19:00:00-05:00',
    fulfillment_status: 'fulfilled',
    line_items: [
      { id: 1, sku: 'IPOD2008PINK', quantity: 1, price: '199.00' },
      { id: 2, sku: '', quantity: 1, price: '10.00' },
    ],
    ...o,
  });
  const fulfilment = (id: number, status: string, createdAt: unknown, lines: number[]) => ({
    id,
    status,
    created_at: createdAt,
    line_items: lines.map((l) => ({ id: l, quantity: 1 })),
  });

  it('is the earliest successful fulfilment that ships one of its SKU lines', () => {
    const fulfillments = [
      fulfilment(3, 'success', '2022-01-31T08:00:00-05:00', [1]),
      fulfilment(1, 'cancelled', '2022-01-29T09:15:00-05:00', [1]),
      fulfilment(2, 'success', '2022-01-29T12:00:00-05:00', [2]),
      fulfilment(4, 'success', '2022-01-30T08:30:00-05:00', [1]),
    ];
    expect(iso(shopifyShippedAt(order({ fulfillments }), NOW))).toBe('2022-01-30T13:30:00.000Z');
  });

  it('without one: closed_at, else processed_at; an invalid date counts as absent', () => {
    const none = [fulfilment(1, 'success', 'not a date', [1]), fulfilment(2, 'failure', '2022-01-29', [1])];
    expect(
      iso(shopifyShippedAt(order({ fulfillments: none, closed_at: '2022-02-02T10:00:00-05:00' }), NOW)),
    ).toBe('2022-02-02T15:00:00.000Z');
    expect(
      iso(
        shopifyShippedAt(
          order({ fulfillments: 'x', closed_at: 'soon', processed_at: '2022-01-29T06:00:00Z' }),
          NOW,
        ),
      ),
    ).toBe('2022-01-29T06:00:00.000Z');
  });

  it('never before the order was created nor after now', () => {
    const early = [fulfilment(1, 'success', '2021-12-01T00:00:00Z', [1])];
    expect(iso(shopifyShippedAt(order({ fulfillments: early }), NOW))).toBe('2022-01-29T00:00:00.000Z');
    const later = [fulfilment(1, 'success', '2030-01-01T00:00:00Z', [1])];
    expect(iso(shopifyShippedAt(order({ fulfillments: later }), NOW))).toBe(iso(NOW));
  });
});
