import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Location, LocationCreate, Page } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';

export const locationKeys = queryKeysFactory('locations');

export function useLocations() {
  return useQuery({
    queryKey: locationKeys.list(),
    queryFn: () => api.get<Page<Location>>('/locations', { limit: 1000 }),
    select: (page) => page.items,
    staleTime: 5 * 60_000,
  });
}

export function useCreateLocation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LocationCreate) => api.post<Location>('/locations', body),
    onSuccess: () => client.invalidateQueries({ queryKey: locationKeys.all }),
  });
}
