import { useMutation, useQuery } from '@tanstack/react-query';
import { api, optional } from '../api/client';
import type { IpiHealth, IpiHistory, WhatIfRequest, WhatIfResult } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';

export const healthKeys = queryKeysFactory('health');

export function useIpi() {
  return useQuery({
    queryKey: healthKeys.detail('ipi'),
    queryFn: () => optional(() => api.get<IpiHealth>('/health/ipi')),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The proxy week by week (computed from the ledger where no weekly snapshot is stored) and the real scores. */
export function useIpiHistory(weeks: number) {
  return useQuery({
    queryKey: healthKeys.detail('ipi-history', { weeks }),
    queryFn: () => api.get<IpiHistory>('/health/ipi/history', { weeks }),
    staleTime: 5 * 60_000,
  });
}

/** The SKUs a what-if can name (the health factor rows, first page). */
export function useHealthSkus() {
  return useQuery({
    queryKey: healthKeys.list({ skus: true }),
    queryFn: () => api.get<{ items: { sku: string }[] }>('/health/skus', { limit: 1000 }),
    staleTime: 5 * 60_000,
  });
}

/** Runs a what-if on the server (changes nothing there). */
export function useWhatIf() {
  return useMutation({
    mutationFn: (body: WhatIfRequest) => api.post<WhatIfResult>('/health/what-if', body),
  });
}
