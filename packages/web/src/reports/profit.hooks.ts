import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../api/client';
import { queryKeysFactory } from '../api/query-key-factory';

export type ReportValue = string | number | null;

/** GET /api/v1/reports/profit as JSON: a page of SKUs, with the page's totals in `summary`. */
export interface ProfitReportPage {
  kind: 'profit';
  asOf: string;
  /** The currency of the report's money (its fee table's; a settlement in another is not counted). */
  currency: string;
  columns: string[];
  rows: Record<string, ReportValue>[];
  summary: Partial<
    Record<
      | 'unitsSold'
      | 'revenue'
      | 'cogs'
      | 'fees'
      | 'storageFees'
      | 'profit'
      | 'margin'
      | 'storageFeePercentOfRevenue',
      number
    >
  >;
  nextCursor: string | null;
}

/** from … to is [from, to): `to` is the day after the last day counted. */
export interface ProfitPeriod {
  from: string;
  to: string;
}

export const profitKeys = queryKeysFactory('profit');

const REPORT = '/reports/profit';
const PAGE = 5000;

/** Where the browser downloads the whole report (the session cookie authenticates). */
export function profitDownloadUrl(period: ProfitPeriod, format: 'csv' | 'xlsx'): string {
  return `/api/v1${withQuery(REPORT, { format, from: period.from, to: period.to })}`;
}

/** Every page of the period (a catalogue of a few thousand SKUs is one or two pages). */
export function useProfitReport(period: ProfitPeriod) {
  return useQuery({
    queryKey: profitKeys.list(period),
    queryFn: async ({ signal }) => {
      const pages: ProfitReportPage[] = [];
      let cursor: string | undefined;
      do {
        if (signal.aborted) throw new DOMException('aborted', 'AbortError');
        const page: ProfitReportPage = await api.get<ProfitReportPage>(REPORT, {
          from: period.from,
          to: period.to,
          limit: PAGE,
          cursor,
        });
        pages.push(page);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return pages;
    },
    placeholderData: keepPreviousData,
  });
}
