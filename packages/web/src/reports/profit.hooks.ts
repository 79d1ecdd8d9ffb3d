import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../api/client';
import { queryKeysFactory } from '../api/query-key-factory';
import type { Report } from '../api/types';
import type { ConversionQuery } from '../components/conversion/conversion';

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

/**
 * The period's totals converted by the seller's table: the first page of one row, whose summary covers
 * every SKU of the period; nothing is asked without a table.
 */
export function useConvertedProfit(period: ProfitPeriod, conversion: ConversionQuery | null) {
  return useQuery({
    queryKey: profitKeys.detail('converted', { ...period, ...conversion }),
    queryFn: async () => {
      const page = await api.get<Report>(REPORT, {
        from: period.from,
        to: period.to,
        limit: 1,
        convertTo: conversion?.to,
        rates: conversion?.rates,
      });
      return page.summary.converted ?? null;
    },
    enabled: conversion !== null,
    placeholderData: keepPreviousData,
  });
}

/** Every page of the period (a catalogue of a few thousand SKUs is one or two pages). */
export function useProfitReport(period: ProfitPeriod) {
  return useQuery({
    queryKey: profitKeys.list(period),
    queryFn: async ({ signal }) => {
      const pages: Report[] = [];
      let cursor: string | undefined;
      do {
        if (signal.aborted) throw new DOMException('aborted', 'AbortError');
        const page: Report = await api.get<Report>(REPORT, {
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
