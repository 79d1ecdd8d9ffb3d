import { describe, expect, it } from 'vitest';
import { isoDate, parseIsoDate } from '../dates/dates';
import { LEAD_TIME_LOOKBACK_DAYS, receiptLeadTimes, type ReceivedOrder } from './receipt-lead-times';
import { MIN_RECEIPTS_FOR_DISTRIBUTION } from './lead-time-distribution';

const AS_OF = '2026-06-01';
const day = (offset: number) => isoDate(parseIsoDate(AS_OF) + offset);
/** An order to location 7 received `receivedAgo` days before AS_OF after `days` days on the way. */
const order = (receivedAgo: number, days: number, supplierId = 1, locationId = 7): ReceivedOrder => ({
  supplierId,
  locationId,
  sentOn: day(-receivedAgo - days),
  firstReceivedOn: day(-receivedAgo),
});

describe('receiptLeadTimes', () => {
  it('counts whole days from sending to first receipt, per supplier and per route, oldest first', () => {
    const r = receiptLeadTimes([order(10, 14), order(40, 20), order(5, 30, 1, 8), order(3, 9, 2)], AS_OF);
    expect(r.bySupplier).toEqual(
      new Map([
        [1, [20, 14, 30]],
        [2, [9]],
      ]),
    );
    expect(r.byRoute).toEqual(
      new Map([
        ['1:7', [20, 14]],
        ['1:8', [30]],
        ['2:7', [9]],
      ]),
    );
  });

  it('a plan as of a past day learns nothing from receipts after it', () => {
    const orders = [order(10, 14), order(40, 20)];
    expect(receiptLeadTimes(orders, day(-11)).bySupplier).toEqual(new Map([[1, [20]]]));
    expect(receiptLeadTimes(orders, day(-41)).bySupplier).toEqual(new Map());
    // received on the plan's day counts
    expect(receiptLeadTimes(orders, day(-10)).bySupplier).toEqual(new Map([[1, [20, 14]]]));
  });

  it('keeps the last year of receipts when it holds enough; else the latest few of any age', () => {
    const recent = Array.from({ length: MIN_RECEIPTS_FOR_DISTRIBUTION }, (_, i) => order(10 + i, 12));
    const old = [order(LEAD_TIME_LOOKBACK_DAYS + 5, 60), order(LEAD_TIME_LOOKBACK_DAYS + 50, 70)];
    // eight receipts in the year: the older 60- and 70-day ones no longer teach the lead time
    expect(receiptLeadTimes([...old, ...recent], AS_OF).bySupplier.get(1)).toEqual(
      Array.from({ length: MIN_RECEIPTS_FOR_DISTRIBUTION }, () => 12),
    );
    // six in the year: the latest eight, two of them older than a year
    const six = recent.slice(0, 6);
    expect(receiptLeadTimes([...six, ...old], AS_OF).bySupplier.get(1)).toEqual([
      70, 60, 12, 12, 12, 12, 12, 12,
    ]);
    // a supplier whose receipts are all old keeps what it has
    expect(receiptLeadTimes(old, AS_OF).bySupplier.get(1)).toEqual([70, 60]);
  });
});
