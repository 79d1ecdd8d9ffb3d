import { describe, expect, it } from 'vitest';
import type { FeeSchedule, McfRate } from '../src/fees/fees.hooks';
import { feeFormOf, feePatchOf, preferredSchedule } from '../src/fees/fee-form-schema';
import { mcfBand, nonNegative, sortedMcf, unitsInOrder } from '../src/fees/mcf-form';
import { notificationFormOf, notificationUpdateOf } from '../src/alerts/notification-form-schema';
import { recipientsOf } from '../src/lib/recipients';
import { US_2024_FEES } from '@stockwise/domain/fees/us-2024.fixture';

// The shipped US schedule (the domain's copy, checked against the seeded row), as GET /api/v1/fees returns it.
const US: FeeSchedule = { ...US_2024_FEES, id: 1, source: 'default', updatedAt: '2024-01-01T00:00:00Z' };

describe('fee table form', () => {
  it('shows the referral rate in percent and sends back exactly the edited rates', () => {
    const form = feeFormOf(US);
    expect(form.referralPercent).toBe(15);
    expect(form.standardPeak).toBe(2.4);
    expect(feePatchOf({ ...form, standardOffPeak: 0.87, referralPercent: 8 })).toEqual({
      storage: { standard: { offPeak: 0.87, peak: 2.4 }, oversize: { offPeak: 0.56, peak: 1.4 } },
      referralRate: 0.08,
      capacityOveragePerCubicFoot: 10,
      inboundPerCubicFoot: 0.3,
      removalPerUnit: 1.04,
      disposalPerUnit: 1.04,
      otherVariablePerUnit: 0,
    });
  });

  it('opens on the seller’s newest own table, else the newest built-in one', () => {
    const own = (id: number, effectiveFrom: string): FeeSchedule => ({
      ...US,
      id,
      effectiveFrom,
      source: 'account',
    });
    expect(preferredSchedule([US])?.id).toBe(1);
    expect(preferredSchedule([US, own(2, '2025-01-01'), own(3, '2026-01-01')])?.id).toBe(3);
    expect(preferredSchedule([])).toBeUndefined();
  });
});

describe('Multi-Channel Fulfilment rows', () => {
  const rate = (
    sizeTier: McfRate['sizeTier'],
    maxWeightLb: number | null,
    minUnitsInOrder: number,
  ): McfRate => ({
    sizeTier,
    maxWeightLb,
    fee: 1,
    perLbAbove: 0,
    baseWeightLb: 0,
    minUnitsInOrder,
  });

  it('are shown by size tier, then weight (any weight last), then units in the order', () => {
    const rows = [
      rate('extra_large', null, 1),
      rate('large_standard', null, 2),
      rate('large_standard', 1, 5),
      rate('small_standard', 0.25, 1),
      rate('large_standard', 1, 1),
    ];
    expect(sortedMcf(rows).map((r) => [r.sizeTier, r.maxWeightLb, r.minUnitsInOrder])).toEqual([
      ['small_standard', 0.25, 1],
      ['large_standard', 1, 1],
      ['large_standard', 1, 5],
      ['large_standard', null, 2],
      ['extra_large', null, 1],
    ]);
  });

  it('name the tier’s highest band “or more”; inputs are never negative, NaN or a fraction of a unit', () => {
    const rows = [rate('large_standard', 1, 1), rate('large_standard', 1, 5), rate('extra_large', null, 1)];
    expect(rows.map((r) => mcfBand(rows, r))).toEqual([
      { units: 1, orMore: false },
      { units: 5, orMore: true },
      { units: 1, orMore: true },
    ]);
    expect([nonNegative(''), nonNegative(-2), nonNegative('3.5')]).toEqual([0, 0, 3.5]);
    expect([unitsInOrder(''), unitsInOrder(0), unitsInOrder(2.7), unitsInOrder(1e9)]).toEqual([
      1, 1, 2, 1000,
    ]);
  });
});

describe('notification form', () => {
  it('keeps stored secrets unless new ones are typed, and removes a switched-off channel', () => {
    const smtp = {
      host: 'smtp.example.com',
      port: 587,
      secure: false,
      user: 'alerts',
      from: 'alerts@example.com',
    };
    const stored = {
      smtp: { ...smtp, passwordSet: true },
      webhook: {
        url: 'https://hooks.example.com/x',
        secretSet: true,
        signatureHeader: 'X-Stockwise-Signature',
      },
      alertRecipients: ['a@example.com'],
      updatedAt: '2026-01-01T00:00:00Z',
    };
    const form = notificationFormOf(stored);
    expect(notificationUpdateOf(form)).toEqual({
      smtp,
      webhook: { url: 'https://hooks.example.com/x' },
      alertRecipients: ['a@example.com'],
    });
    expect(notificationUpdateOf({ ...form, password: 'pw', webhookOn: false })).toMatchObject({
      smtp: { password: 'pw' },
      webhook: null,
    });
  });

  it('reads recipients one per line, or separated by commas, without duplicates', () => {
    expect(recipientsOf(' a@example.com\nb@example.com, a@example.com;\n\n')).toEqual([
      'a@example.com',
      'b@example.com',
    ]);
  });
});
