import { useQuery } from '@tanstack/react-query';
import { api, isNotFound } from '../api/client';
import type { IpiHealth, Page, RestockRecommendation } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';

export const restockKeys = queryKeysFactory('restock');
export const healthKeys = queryKeysFactory('health');

/** Coming endpoints: a 404 means "not available on this server yet" and resolves to null. */
async function optional<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

function itemsOf<T>(body: Page<T> | T[]): T[] {
  return Array.isArray(body) ? body : body.items;
}

export function useRestock() {
  return useQuery({
    queryKey: restockKeys.list(),
    queryFn: () =>
      optional(async () =>
        itemsOf(await api.get<Page<RestockRecommendation> | RestockRecommendation[]>('/restock')),
      ),
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
