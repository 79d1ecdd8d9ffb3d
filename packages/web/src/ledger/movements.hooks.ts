import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Movement, Page } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';

export const movementKeys = queryKeysFactory('movements');

export interface MovementQuery {
  sku?: string;
  location?: string;
  type?: string;
}

export function useMovements(query: MovementQuery, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: movementKeys.list({ ...query, pageSize }),
    queryFn: ({ pageParam }) =>
      api.get<Page<Movement>>('/movements', { ...query, limit: pageSize, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
