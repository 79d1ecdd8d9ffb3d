import type { PurchaseOrderStatus } from '../../api/types';

export const STATUS_COLORS: Record<PurchaseOrderStatus, string> = {
  draft: 'gray',
  sent: 'blue',
  partially_received: 'orange',
  received: 'green',
  cancelled: 'red',
};

export const RECEIVABLE: ReadonlySet<PurchaseOrderStatus> = new Set(['sent', 'partially_received']);
