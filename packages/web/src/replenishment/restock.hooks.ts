import { useQuery } from '@tanstack/react-query';
import { api, optional } from '../api/client';
import type { RestockPlan } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';

export const restockKeys = queryKeysFactory('restock');

export function useRestock() {
  return useQuery({
    queryKey: restockKeys.list(),
    queryFn: () => optional(async () => (await api.get<RestockPlan>('/restock')).items),
    staleTime: 5 * 60_000,
    retry: false,
  });
}
