import { useQuery } from '@tanstack/react-query';
import { api, optional } from '../api/client';
import type { RestockPlan } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';

export const restockKeys = queryKeysFactory('restock');

/** How the plan supplies each location (the API's `mode`). */
export type SupplyMode = RestockPlan['mode'];

/**
 * The whole restock plan in one mode; without `mode` the server picks its default (network planning
 * for a seller with an own warehouse and an Amazon location) and says which in `plan.mode`.
 * `null` when the server has no restock endpoint.
 */
export function useRestockPlan(mode?: SupplyMode, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: restockKeys.list(mode ? { mode } : {}),
    queryFn: () => optional(() => api.get<RestockPlan>('/restock', mode ? { mode } : {})),
    staleTime: 5 * 60_000,
    retry: false,
    enabled: options.enabled ?? true,
  });
}
