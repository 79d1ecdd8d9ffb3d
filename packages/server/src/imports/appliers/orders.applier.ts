import type { OrderChannel } from '@stockwise/domain/sales/order-state';
import type { ImportApplier } from './apply-context';
import { replayOrders } from './order-replay';

/** The generic orders CSV: each order's status (open, shipped, cancelled) says what to do with it. */
export const applyOrdersImport: ImportApplier = (ctx) =>
  replayOrders(ctx, (first) => ({
    intake: {
      channel: String(first['channel']) as OrderChannel,
      externalId: String(first['externalId']),
      orderedAt: new Date(String(first['orderedAt'])),
    },
    shippedAt: typeof first['shippedAt'] === 'string' ? new Date(first['shippedAt']) : undefined,
    disposition:
      first['status'] === 'shipped' ? 'ship' : first['status'] === 'cancelled' ? 'cancel' : 'reserve',
  }));
