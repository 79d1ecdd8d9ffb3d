import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Page } from '../api/types';
import { queryKeysFactory } from '../api/query-key-factory';

export const ORDER_CHANNELS = ['amazon', 'shopify', 'manual', 'other'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];
export const ORDER_STATUSES = ['pending', 'reserved', 'partially_shipped', 'shipped', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** GET /api/v1/orders items. */
export interface Order {
  id: number;
  channel: OrderChannel;
  externalId: string;
  status: OrderStatus;
  backordered: boolean;
  orderedAt: string;
  currency: string | null;
  lines: {
    lineNo: number;
    sku: string;
    quantity: number;
    unitPrice: number | null;
    quantityShipped: number;
    quantityCancelled: number;
    quantityReturned: number;
  }[];
}

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
