import { useQuery, type QueryKey } from '@tanstack/react-query';
import { api } from './client';

/** A whole list the server answers as `{ items }` (no further pages), cached as the array. */
export function useItemsQuery<T>(queryKey: QueryKey, path: string) {
  return useQuery({ queryKey, queryFn: async () => (await api.get<{ items: T[] }>(path)).items });
}
