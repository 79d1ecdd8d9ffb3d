import { useQuery } from '@tanstack/react-query';
import { api, optional } from '../api/client';
import type { IpiHealth } from '../api/types';
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
