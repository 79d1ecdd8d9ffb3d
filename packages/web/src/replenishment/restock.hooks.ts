import { useQuery } from '@tanstack/react-query';
import { api, isNotFound } from '../api/client';
import type { IpiHealth, RestockPlan } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';

export const restockKeys = queryKeysFactory('restock');
export const healthKeys = queryKeysFactory('health');

/** A 404 resolves to null: the overview shows a calm empty state instead of an error. */
async function optional<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

export function useRestock() {
  return useQuery({
    queryKey: restockKeys.list(),
    queryFn: () => optional(async () => (await api.get<RestockPlan>('/restock')).items),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useIpi() {
  return useQuery({
    queryKey: healthKeys.detail('ipi'),
    queryFn: () => optional(() => api.get<IpiHealth>('/health/ipi')),
    staleTime: 5 * 60_000,
    retry: false,
  });
}
