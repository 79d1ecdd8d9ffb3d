import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Page } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';
import type { Order, OrderChannel, OrderStatus } from '../api/types';
export type { Order, OrderChannel, OrderStatus } from '../api/types';

export const ORDER_CHANNELS = [
  'amazon',
  'shopify',
  'manual',
  'other',
] as const satisfies readonly OrderChannel[];
export const ORDER_STATUSES = [
  'pending',
  'reserved',
  'partially_shipped',
  'shipped',
  'cancelled',
] as const satisfies readonly OrderStatus[];

export interface OrderFilter {
  channel?: OrderChannel | undefined;
  status?: OrderStatus | undefined;
}

export const orderKeys = queryKeysFactory('orders');

/** Newest first, a page at a time ("load more" follows nextCursor). */
export function useOrders(filter: OrderFilter) {
  return useInfiniteQuery({
    queryKey: orderKeys.list(filter),
    queryFn: ({ pageParam }) => api.get<Page<Order>>('/orders', { ...filter, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
