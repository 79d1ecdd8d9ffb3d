import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Location, LocationCreate, Page } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';
import { useRefreshingMutation } from '../api/mutations';

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
  return useRefreshingMutation(
    (body: LocationCreate) => api.post<Location>('/locations', body),
    locationKeys.all,
  );
}
