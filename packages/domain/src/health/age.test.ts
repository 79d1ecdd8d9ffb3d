import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../dates/dates';
import { US_2024_FEES as us } from '../fees/us-2024.fixture';
import { replayLedger } from '../ledger/replay';
import { ageBuckets, ageInDays, ageWarnings, agedSurchargeEstimate, nextAssessmentDay } from './age';

const asOf = parseIsoDate('2025-07-20');
const daysAgo = (n: number) => new Date((asOf - n) * 86_400_000 + 12 * 3_600_000);

describe('inventory age', () => {
  it('a unit received 200 days ago is in 181–270 and carries the $0.50/cu ft bracket estimate', () => {
    const layers = [{ receivedAt: daysAgo(200), quantity: 1 }];
    expect(ageInDays(layers[0]!.receivedAt, asOf)).toBe(200);
    expect(ageBuckets(layers, asOf)['inv-age-181-to-270-days']).toBe(1);
    const estimate = agedSurchargeEstimate(layers, { asOfEpochDay: asOf, cubicFeet: 1, schedule: us });
    expect(estimate.total).toBe(0.5);
    expect(estimate.byBracket[0]).toMatchObject({
      units: 1,
      amount: 0.5,
      bracket: { minDays: 181, maxDays: 210, perCubicFoot: 0.5 },
    });
  });

  it('bucket edges: 90 | 91, 180 | 181, 270 | 271, 365 | 366', () => {
    const b = ageBuckets(
      [90, 91, 180, 181, 270, 271, 365, 366].map((d) => ({ receivedAt: daysAgo(d), quantity: 1 })),
      asOf,
    );
    expect(b).toEqual({
      'inv-age-0-to-90-days': 1,
      'inv-age-91-to-180-days': 2,
      'inv-age-181-to-270-days': 2,
      'inv-age-271-to-365-days': 2,
      'inv-age-365-plus-days': 1,
    });
  });

  it('age survives a transfer: the ledger carries the received date to the new location', () => {
    const received = new Date('2025-01-01T12:00:00Z');
    const replay = replayLedger(
      [
        {
          productId: 1,
          locationId: 10,
          request: { type: 'receipt', quantity: 8, unitCost: 2 },
          occurredAt: received,
          defaultUnitCost: 2,
        },
        {
          productId: 1,
          locationId: 10,
          toLocationId: 20,
          request: { type: 'transfer', quantity: 5 },
          occurredAt: new Date('2025-07-01T12:00:00Z'),
          defaultUnitCost: 2,
        },
      ],
      () => 'seller',
    );
    const atDestination = replay.layers.filter((l) => l.locationId === 20 && l.quantityRemaining > 0);
    expect(atDestination.map((l) => l.quantityRemaining)).toEqual([5]);
    expect(atDestination[0]!.receivedAt.toISOString()).toBe(received.toISOString());
    const buckets = ageBuckets(
      atDestination.map((l) => ({ receivedAt: l.receivedAt, quantity: l.quantityRemaining })),
      asOf,
    );
    expect(buckets['inv-age-181-to-270-days']).toBe(5); // 200 days old, not 19
  });

  it('warns before 91, 181, 271 and 366 days with the money at stake', () => {
    const layers = [
      { receivedAt: daysAgo(80), quantity: 10 }, // reaches 91 in 11 days
      { receivedAt: daysAgo(175), quantity: 4 }, // reaches 181 in 6 days → $0.50/cu ft
      { receivedAt: daysAgo(260), quantity: 2 }, // reaches 271 in 11 days: $1.50 → $3.80
      { receivedAt: daysAgo(100), quantity: 99 }, // nothing within 30 days
    ];
    const w = ageWarnings(layers, { asOfEpochDay: asOf, cubicFeet: 0.5, schedule: us, warnDays: 30 });
    expect(w.map((x) => x.threshold)).toEqual([91, 181, 271]);
    expect(w[0]).toMatchObject({ units: 10, daysUntil: 11, monthlyAtStake: 2.5 }); // 10 × 0.5 cu ft × $0.50 at 181
    expect(w[1]).toMatchObject({
      units: 4,
      daysUntil: 6,
      date: '2025-07-26',
      monthlyAtStake: 1,
      monthlyIncrease: 1,
    });
    expect(w[2]!.monthlyAtStake).toBeCloseTo(3.8, 10); // 2 × 0.5 × $3.80
    expect(w[2]!.monthlyIncrease).toBeCloseTo(2.3, 10); // from 2 × 0.5 × $1.50
  });

  it('the surcharge is assessed on the next assessment day on or after asOf (the 15th in the US)', () => {
    expect(nextAssessmentDay(parseIsoDate('2025-07-10'), 15)).toBe(parseIsoDate('2025-07-15'));
    expect(nextAssessmentDay(parseIsoDate('2025-07-15'), 15)).toBe(parseIsoDate('2025-07-15'));
    expect(nextAssessmentDay(parseIsoDate('2025-07-16'), 15)).toBe(parseIsoDate('2025-08-15'));
    expect(nextAssessmentDay(parseIsoDate('2025-12-20'), 15)).toBe(parseIsoDate('2026-01-15'));
    // a day past the month's end falls on its last day
    expect(nextAssessmentDay(parseIsoDate('2025-02-10'), 31)).toBe(parseIsoDate('2025-02-28'));
  });

  it('units aged 178 days on the 10th are charged on the 15th (183 days, 181–210 bracket)', () => {
    const tenth = parseIsoDate('2025-07-10');
    const layers = [{ receivedAt: new Date((tenth - 178) * 86_400_000), quantity: 100 }];
    const today = agedSurchargeEstimate(layers, { asOfEpochDay: tenth, cubicFeet: 1, schedule: us });
    expect(today.total).toBe(0);
    const assessed = agedSurchargeEstimate(layers, {
      asOfEpochDay: nextAssessmentDay(tenth, us.agedSurchargeDay),
      cubicFeet: 1,
      schedule: us,
    });
    expect(assessed.total).toBeCloseTo(50, 10); // 100 cu ft × $0.50
  });
});
