import { describe, expect, it } from 'vitest';
import { reconcileSku } from './reconciliation';

const base = {
  sku: 'MUG',
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
