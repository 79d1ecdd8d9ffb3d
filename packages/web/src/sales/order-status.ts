import type { OrderStatus } from './orders.hooks';

export const ORDER_STATUS_COLORS: Record<OrderStatus, string> = {
  pending: 'gray',
  reserved: 'blue',
  partially_shipped: 'yellow',
  shipped: 'teal',
  cancelled: 'gray',
};
