import { describe, expect, it } from 'vitest';
import { ReconciliationQuerySchema } from '../../src/channels/amazon/amazon-reconciliation.schema';
import { FbaAgeQuerySchema } from '../../src/channels/channels.schema';

// Both Amazon report queries take their days from one ReportDaySchema: the same bounds, the same message.
describe('report days (Amazon reconciliation and FBA age queries)', () => {
  const queries = [
    (day: string) => ReconciliationQuerySchema.safeParse({ from: day }),
    (day: string) => FbaAgeQuerySchema.safeParse({ snapshotDate: day }),
  ];

  it('take a calendar date from 1900 to 2200', () => {
    for (const parse of queries)
      for (const day of ['1900-01-01', '2024-05-01', '2200-12-31']) expect(parse(day).success).toBe(true);
  });

  it('refuse a day outside 1900–2200 or not on the calendar, naming the range', () => {
    for (const parse of queries) {
      for (const day of ['1899-12-31', '2201-01-01', '2024-02-30']) expect(parse(day).success).toBe(false);
      expect(JSON.stringify(parse('1899-12-31').error?.issues)).toContain('a date between 1900 and 2200');
    }
  });
});
