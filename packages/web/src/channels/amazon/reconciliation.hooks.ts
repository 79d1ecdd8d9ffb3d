import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import { queryKeysFactory } from '../../api/query-key-factory';
import type { AmazonReconciliation } from '../../api/types';
import type { ConversionQuery } from '../../components/conversion/conversion';

export const reconciliationKeys = queryKeysFactory('amazon-reconciliation');

const PATH = '/channels/amazon/reconciliation';

/** Where the browser downloads the reconciliation (the session cookie authenticates). */
export function reconciliationDownloadUrl(format: 'csv' | 'xlsx'): string {
  return `/api/v1${withQuery(PATH, { format })}`;
}

/** GET /api/v1/channels/amazon/reconciliation: per SKU, the Amazon location's ledger against Amazon's. */
export function useAmazonReconciliation() {
  return useQuery({
    queryKey: reconciliationKeys.all,
    queryFn: () => api.get<AmazonReconciliation>(PATH),
  });
}

/** The totals converted by the seller's table (the server's `converted`); nothing is asked without one. */
export function useConvertedReconciliation(conversion: ConversionQuery | null) {
  return useQuery({
    queryKey: reconciliationKeys.detail('converted', conversion ?? {}),
    queryFn: async () =>
      (await api.get<AmazonReconciliation>(PATH, { convertTo: conversion?.to, rates: conversion?.rates }))
        .converted ?? null,
    enabled: conversion !== null,
    placeholderData: keepPreviousData,
  });
}
