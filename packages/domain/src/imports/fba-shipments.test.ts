import { describe, expect, it } from 'vitest';
import { fbaShipmentRow, planRedates } from './fba-shipments';

const row = (over: Record<string, string> = {}) => ({
  'amazon-order-id': '111-0000001-0000001',
  'shipment-item-id': 'DQ1',
  'purchase-date': '2024-05-01T08:00:00+00:00',
  'shipment-date': '2024-05-04T01:00:00-07:00',
  sku: 'MUG',
  'quantity-shipped': '2',
  currency: 'usd',
  'item-price': '20.00',
  'item-promotion-discount': '-2.00',
  'fulfillment-channel': 'Amazon',
  'sales-channel': 'Amazon.de',
  ...over,
});

describe('fbaShipmentRow', () => {
  it('reads a line: the instant with its offset, the price per unit less the promotion, AFN, the store', () => {
    expect(fbaShipmentRow(row())).toEqual({
      key: '111-0000001-0000001',
      sku: 'MUG',
      location: null,
      data: {
        amazonOrderId: '111-0000001-0000001',
        shipmentItemId: 'DQ1',
        sku: 'MUG',
        quantity: 2,
        unitPrice: 9,
        currency: 'USD',
        purchaseDate: '2024-05-01T08:00:00.000Z',
        shippedAt: '2024-05-04T08:00:00.000Z',
        fulfillmentChannel: 'AFN',
        marketplace: 'DE',
      },
    });
  });

  it('names the column at fault', () => {
    expect(() => fbaShipmentRow(row({ 'shipment-date': '05/04/2024' }))).toThrow(/shipment-date/);
    expect(() => fbaShipmentRow(row({ 'quantity-shipped': '0' }))).toThrow(/quantity-shipped/);
    expect(() => fbaShipmentRow(row({ 'shipment-item-id': '' }))).toThrow(/shipment-item-id is required/);
    expect(() => fbaShipmentRow(row({ 'item-price': '1,00' }))).toThrow(/item-price/);
  });

  it('an order without a purchase date, or one after its shipment, is dated at the shipment', () => {
    expect(fbaShipmentRow(row({ 'purchase-date': '' })).data['purchaseDate']).toBe(
      '2024-05-04T08:00:00.000Z',
    );
    expect(fbaShipmentRow(row({ 'purchase-date': '2024-05-09' })).data['purchaseDate']).toBe(
      '2024-05-04T08:00:00.000Z',
    );
  });
});

describe('planRedates', () => {
  const lot = (at: number, units: number, locationId = 1) => ({ locationId, at, units });

  it('moves the units of a lot to the reported instant', () => {
    const l = lot(10, 2);
    expect(planRedates([l], [{ at: 4, units: 2 }])).toEqual({
      moves: [{ lot: l, to: 4, units: 2 }],
      unmatched: 0,
    });
  });

  it('keeps units already at a reported instant and splits the rest over the later shipments', () => {
    const a = lot(4, 1);
    const b = lot(10, 2);
    const plan = planRedates(
      [b, a],
      [
        { at: 4, units: 2 },
        { at: 6, units: 1 },
      ],
    );
    expect(plan).toEqual({
      moves: [
        { lot: b, to: 4, units: 1 },
        { lot: b, to: 6, units: 1 },
      ],
      unmatched: 0,
    });
  });

  it('is empty once applied, and counts reported units the ledger did not ship', () => {
    expect(planRedates([lot(4, 2)], [{ at: 4, units: 2 }])).toEqual({ moves: [], unmatched: 0 });
    expect(planRedates([], [{ at: 4, units: 3 }])).toEqual({ moves: [], unmatched: 3 });
    // Units beyond what the report lists stay where they are.
    expect(planRedates([lot(9, 5)], [{ at: 4, units: 2 }]).moves).toEqual([
      { lot: lot(9, 5), to: 4, units: 2 },
    ]);
  });
});
