import { describe, expect, it } from 'vitest';
import { claimUnitValue, locationOfEvent, locationOfReimbursement, reconcileSku } from './reconciliation';

const base = {
  sku: 'MUG',
  location: 'FBA-US',
  currency: 'USD',
  costCurrency: 'USD',
  unitCost: 6.5,
  events: [],
  reimbursed: { units: 0, amount: 0 },
  ledger: null,
  amazon: null,
  sellerReturns: 0,
};

describe('reconcileSku', () => {
  it('lost and damaged-at-Amazon units less found and reimbursed are claimable, at unit cost', () => {
    const line = reconcileSku({
      ...base,
      events: [
        { eventType: 'Adjustments', reason: 'M', quantity: -3 },
        { eventType: 'Adjustments', reason: 'F', quantity: 1 },
        { eventType: 'Adjustments', reason: 'E', quantity: -1 },
        { eventType: 'Adjustments', reason: 'D', quantity: -1 },
        { eventType: 'Adjustments', reason: 'H', quantity: -4 },
        { eventType: 'Shipments', reason: null, quantity: -1 },
      ],
      reimbursed: { units: 1, amount: 9.75 },
    });
    // 3 lost + 1 damaged (E) − 1 found − 1 reimbursed = 2; customer damage (H) and disposals are not claims.
    expect(line).toMatchObject({
      lost: 3,
      damaged: 1,
      found: 1,
      disposed: 1,
      eligibleUnits: 2,
      eligibleValue: 13,
    });
    expect(line.flags[0]).toContain('2 units');
  });

  it('customer returns the seller recorded that Amazon never received are claimable', () => {
    const line = reconcileSku({
      ...base,
      events: [{ eventType: 'CustomerReturns', reason: null, quantity: 1 }],
      sellerReturns: 3,
    });
    expect(line).toMatchObject({
      customerReturnsReceived: 1,
      customerReturnsNotReceived: 2,
      eligibleUnits: 2,
    });
  });

  it('never claims below zero; the ledger against Amazon shows its difference and researching units', () => {
    const line = reconcileSku({
      ...base,
      unitCost: null,
      events: [{ eventType: 'Adjustments', reason: 'F', quantity: 2 }],
      ledger: { onHand: 10, unfulfillable: 0 },
      amazon: {
        fulfillable: 7,
        reserved: 1,
        researching: 2,
        inboundWorking: 0,
        inboundShipped: 0,
        inboundReceiving: 0,
        unfulfillable: 0,
      },
    });
    expect(line).toMatchObject({ eligibleUnits: 0, eligibleValue: null, amazonSellable: 8, difference: 2 });
    expect(line.flags).toContain(
      'the ledger holds 10 units at Amazon, Amazon 8 (2 researching): sync FBA inventory to follow Amazon',
    );
  });
});

describe('reconciliation per SKU × location', () => {
  const US = { code: 'FBA-US', marketplace: 'US', currency: 'USD' };
  const DE = { code: 'FBA-DE', marketplace: 'DE', currency: 'EUR' };
  const FR = { code: 'FBA-FR', marketplace: 'FR', currency: 'EUR' };
  const UK = { code: 'FBA-UK', marketplace: 'UK', currency: 'GBP' };

  it('places an event at the location of its country; GB is the UK store; the only location takes the rest', () => {
    expect(locationOfEvent('DE', [US, DE])).toBe('FBA-DE');
    expect(locationOfEvent('us', [US, DE])).toBe('FBA-US');
    expect(locationOfEvent('GB', [US, UK])).toBe('FBA-UK');
    // a Polish centre of a US + DE seller: no location of that country among several, so none
    expect(locationOfEvent('PL', [US, DE])).toBeNull();
    expect(locationOfEvent(null, [US, DE])).toBeNull();
    expect(locationOfEvent(null, [US])).toBe('FBA-US');
    expect(locationOfEvent('PL', [DE])).toBe('FBA-DE');
  });

  it('places a reimbursement at the location paid in its currency (the first by code when two share it)', () => {
    expect(locationOfReimbursement('EUR', [US, DE])).toBe('FBA-DE');
    expect(locationOfReimbursement('EUR', [US, FR, DE])).toBe('FBA-DE');
    expect(locationOfReimbursement('GBP', [US, DE])).toBeNull();
    expect(locationOfReimbursement('EUR', [US])).toBeNull();
    expect(locationOfReimbursement(null, [US])).toBe('FBA-US');
    expect(locationOfReimbursement('EUR', [{ code: 'FBA', marketplace: null, currency: null }])).toBe('FBA');
  });

  it('places a reimbursement naming an order at the Amazon location that shipped it, when paid in its currency', () => {
    // DE and FR share EUR: only the order tells them apart
    expect(locationOfReimbursement('EUR', [US, FR, DE], 'FBA-FR')).toBe('FBA-FR');
    expect(locationOfReimbursement(null, [US, FR, DE], 'FBA-FR')).toBe('FBA-FR');
    // an order shipped from FR but paid in USD is not FR's money; one shipped from a warehouse names no Amazon location
    expect(locationOfReimbursement('USD', [US, FR, DE], 'FBA-FR')).toBe('FBA-US');
    expect(locationOfReimbursement('EUR', [US, FR, DE], 'WH')).toBe('FBA-DE');
  });

  it('values a claim in the location’s currency: the cost in it, else what Amazon paid per unit there, else nothing', () => {
    const reimbursed = { units: 2, amount: 17 };
    expect(claimUnitValue({ unitCost: 6.5, costCurrency: 'EUR', currency: 'EUR', reimbursed })).toEqual({
      unitValue: 6.5,
      basis: 'cost',
    });
    expect(claimUnitValue({ unitCost: 6.5, costCurrency: 'USD', currency: 'EUR', reimbursed })).toEqual({
      unitValue: 8.5,
      basis: 'reimbursed',
    });
    const none = { units: 0, amount: 0 };
    expect(claimUnitValue({ unitCost: 6.5, costCurrency: 'USD', currency: 'EUR', reimbursed: none })).toEqual(
      {
        unitValue: null,
        basis: null,
      },
    );
    const line = reconcileSku({
      ...base,
      location: 'FBA-DE',
      currency: 'EUR',
      events: [{ eventType: 'Adjustments', reason: 'M', quantity: -2 }],
    });
    expect(line).toMatchObject({
      location: 'FBA-DE',
      currency: 'EUR',
      eligibleUnits: 2,
      eligibleValue: null,
    });
    expect(line.flags[1]).toBe(
      'the unit cost is in USD and FBA-DE is paid in EUR: no claim value without a rate',
    );
  });
});
