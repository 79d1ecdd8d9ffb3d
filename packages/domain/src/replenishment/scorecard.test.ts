import { describe, expect, it } from 'vitest';
import type { ScorecardOrder } from './scorecard';
import { supplierScorecard } from './scorecard';

const order = (o: Partial<ScorecardOrder> & Pick<ScorecardOrder, 'number'>): ScorecardOrder => ({
  status: 'received',
  sentOn: '2025-01-01',
  expectedOn: '2025-02-01',
  firstReceivedOn: '2025-02-01',
  receivedOn: '2025-02-01',
  paidOn: null,
  orderedQuantity: 100,
  receivedQuantity: 100,
  orderedValue: 400,
  receivedValue: 400,
  freightCost: 0,
  paymentTermsDays: 30,
  ...o,
});

describe('supplierScorecard', () => {
  it('on-time rate, lead-time variance, fill rate, open orders and bills due', () => {
    const card = supplierScorecard(
      [
        // 31 days, on time, paid.
        order({ number: 'PO-1', paidOn: '2025-03-01' }),
        // 41 days, 10 days late, 90 of 100 received (closed short), unpaid: due 2025-02-11 + 30.
        order({
          number: 'PO-2',
          firstReceivedOn: '2025-02-11',
          receivedOn: '2025-02-11',
          receivedQuantity: 90,
          receivedValue: 360,
          freightCost: 20,
        }),
        // Open: sent, nothing received; bill due from the sent date.
        order({
          number: 'PO-3',
          status: 'sent',
          sentOn: '2025-03-01',
          expectedOn: '2025-04-01',
          firstReceivedOn: null,
          receivedOn: null,
          receivedQuantity: 0,
          receivedValue: 0,
          paymentTermsDays: 0,
        }),
        order({
          number: 'PO-4',
          status: 'draft',
          sentOn: null,
          firstReceivedOn: null,
          receivedOn: null,
          receivedQuantity: 0,
          receivedValue: 0,
        }),
      ],
      { asOf: '2025-03-05' },
    );
    expect(card.orders).toBe(4);
    expect(card.receivedOrders).toBe(2);
    expect(card.onTimeRate).toBe(0.5);
    // Lead times 31 and 41: mean 36, sample variance 50, sd 7.07.
    expect(card.leadTime).toEqual({ meanDays: 36, varianceDays2: 50, sdDays: 7.07, observations: 2 });
    // 190 of 200 units on closed orders.
    expect(card.fillRate).toBe(0.95);
    expect(card.openOrders).toEqual({ count: 1, value: 400, units: 100 });
    // PO-3 due 2025-03-01 (terms 0) is overdue on 03-05; PO-2 due 2025-03-13 = 360 + 20 freight.
    expect(card.billsDue).toEqual([
      { number: 'PO-3', amount: 400, dueOn: '2025-03-01', overdue: true },
      { number: 'PO-2', amount: 380, dueOn: '2025-03-13', overdue: false },
    ]);
    expect(card.totalDue).toBe(780);
  });

  it('no history: nulls, not NaN', () => {
    const card = supplierScorecard([], { asOf: '2025-03-05' });
    expect(card).toMatchObject({
      onTimeRate: null,
      fillRate: null,
      leadTime: { meanDays: null, observations: 0 },
      totalDue: 0,
    });
  });
});
