import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { queryKeysFactory } from '../api/query-key-factory';
import type { StorageOverview } from '../api/types';

export const storageKeys = queryKeysFactory('storage-overview');

/** Storage fees by storage type for `months` months up to this one and next month, with capacity. */
export function useStorageOverview(months: number) {
  return useQuery({
    queryKey: storageKeys.detail(months),
    queryFn: () => api.get<StorageOverview>('/reports/storage/overview', { months }),
    staleTime: 5 * 60_000,
  });
}
