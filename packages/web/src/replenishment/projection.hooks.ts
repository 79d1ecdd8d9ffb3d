import { useQuery } from '@tanstack/react-query';
import { api, isNotFound } from '../api/client';
import type { StockProjection } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';

export const projectionKeys = queryKeysFactory('projection');

/**
 * Where a SKU's stock at a location is heading (GET /restock/projection/{sku}); without a location
 * the server picks the SKU's busiest. `null` when the SKU is not planned (or the server has no such endpoint).
 */
export function useProjection(sku: string, location?: string | null) {
  const query = location ? { location } : {};
  return useQuery({
    queryKey: projectionKeys.detail(sku, query),
    queryFn: async () => {
      try {
        return await api.get<StockProjection>(`/restock/projection/${encodeURIComponent(sku)}`, query);
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}
