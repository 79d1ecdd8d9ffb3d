import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../api/client';
import { queryKeysFactory } from '../api/query-key-factory';
import type { ConversionQuery } from '../components/conversion/conversion';

export type ReportValue = string | number | null;

/**
 * The report's totals in one currency over the whole period (the server never adds two currencies). The
 * server takes the sums and the ratios (docs/decisions.md §29): the page shows them as they come.
 */
export interface ProfitCurrencyTotal {
  currency: string;
  unitsSold: number;
  revenue: number;
  cogs: number;
  /** Null (unknown) where a SKU's marketplace has no fee table (withoutFeeTable); so are profit and ratios. */
  fees: number | null;
  storageFees: number | null;
  inboundShipping: number | null;
  profit: number | null;
  /** Profit ÷ revenue; null without revenue, a known profit, or with mixed currencies. */
  margin: number | null;
  /** Profit ÷ (COGS + inbound shipping); null likewise. */
  roi: number | null;
  /** Storage fees as a percentage of revenue (1.5 = 1.5 %); null likewise. */
  storageFeePercentOfRevenue: number | null;
  /** Some SKU of this currency has revenue and costs in different currencies: no ratios. */
  mixedCurrencies: boolean;
  /** Marketplaces without a fee table whose fees this currency's figures lack. */
  withoutFeeTable: string[];
}

/** GET /api/v1/reports/profit as JSON: a page of rows (a SKU in one currency); the first page has the report's totals per currency. */
export interface ProfitReportPage {
  kind: 'profit';
  asOf: string;
  /** The currency of the fee table whose estimates the report uses; each row names its own. */
  currency: string;
  columns: string[];
  rows: Record<string, ReportValue>[];
  summary: { totals?: ProfitCurrencyTotal[]; converted?: ProfitConverted };
  nextCursor: string | null;
}

/**
 * With `convertTo` and `rates`: the whole report's totals in one currency by the seller's table, taken by
 * the server (docs/fees.md, "Money is per currency"); no total, and the currencies without a rate, when
 * one is missing.
 */
export interface ProfitConverted {
  total: ProfitCurrencyTotal | null;
  rates: Record<string, number>;
  missingRates: string[];
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

/**
 * The period's totals converted by the seller's table: the first page of one row, whose summary covers
 * every SKU of the period; nothing is asked without a table.
 */
export function useConvertedProfit(period: ProfitPeriod, conversion: ConversionQuery | null) {
  return useQuery({
    queryKey: profitKeys.detail('converted', { ...period, ...conversion }),
    queryFn: async () => {
      const page = await api.get<ProfitReportPage>(REPORT, {
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
