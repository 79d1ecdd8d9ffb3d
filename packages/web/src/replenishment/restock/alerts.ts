import type { RestockAlert } from '../../api/types';

export const ALERT_COLORS: Record<RestockAlert, string> = {
  out_of_stock: 'red',
  reorder_now: 'orange',
  reorder_soon: 'yellow',
};
