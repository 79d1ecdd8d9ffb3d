import { ACCEPTED_DAYS, ACCEPTED_DAYS_MESSAGE } from '@stockwise/domain/dates/dates';
import { describe, expect, it } from 'vitest';
import { ReconciliationQuerySchema } from '../../src/channels/amazon/amazon-reconciliation.schema';
import { FbaAgeQuerySchema } from '../../src/channels/channels.schema';
import { IsoDateSchema } from '../../src/http/common.schema';

// Every day the API takes (Amazon report queries included) has the domain's one range and message.
describe('days the API takes', () => {
  const queries = [
    (day: string) => IsoDateSchema.safeParse(day),
    (day: string) => ReconciliationQuerySchema.safeParse({ from: day }),
    (day: string) => FbaAgeQuerySchema.safeParse({ snapshotDate: day }),
  ];

  it('take a calendar date in the accepted range, ends included', () => {
    for (const parse of queries)
      for (const day of [ACCEPTED_DAYS.first, '2024-05-01', ACCEPTED_DAYS.last])
        expect(parse(day).success).toBe(true);
  });

  it('refuse a day outside it or not on the calendar, naming the range', () => {
    for (const parse of queries) {
      for (const day of ['1989-12-31', '2200-01-01', '2024-02-30', '0001-01-01'])
        expect(parse(day).success, day).toBe(false);
      expect(JSON.stringify(parse('1989-12-31').error?.issues)).toContain(ACCEPTED_DAYS_MESSAGE);
    }
  });
});
