import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
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

const orderPath = (id: number) => `/orders/${id}`;

export function useOrder(id: number) {
  return useQuery({ queryKey: orderKeys.detail(id), queryFn: () => api.get<Order>(orderPath(id)) });
}

/** The units a return takes back: every shipped unit not returned yet, as sellable stock. */
export function returnableLines(order: Order): { sku: string; quantity: number; condition: 'sellable' }[] {
  return order.lines
    .map((l) => ({
      sku: l.sku,
      quantity: l.quantityShipped - l.quantityReturned,
      condition: 'sellable' as const,
    }))
    .filter((l) => l.quantity > 0);
}

/** Ship or cancel every open unit, or return every shipped one: the answer replaces the cached order. */
export function useOrderAction(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, order }: { action: 'ship' | 'cancel' | 'return'; order: Order }) =>
      api.post<Order>(
        `${orderPath(id)}/${action}`,
        action === 'return' ? { lines: returnableLines(order) } : {},
      ),
    onSuccess: (order) => {
      client.setQueryData(orderKeys.detail(id), order);
      void client.invalidateQueries({ queryKey: orderKeys.lists() });
    },
  });
}
