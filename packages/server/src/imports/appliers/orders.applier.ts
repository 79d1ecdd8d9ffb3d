import type { OrderChannel } from '@stockwise/domain/sales/order-state';
import type { ImportApplier } from './apply-context';
import type { FileOrder } from './order-replay';
import { replayOrdersInSets } from './order-sets';

/** The generic orders CSV: each order's status (open, shipped, cancelled) says what to do with it. */
export const ordersFileOrder = (first: Record<string, unknown>): FileOrder => ({
  intake: {
    channel: String(first['channel']) as OrderChannel,
    externalId: String(first['externalId']),
    orderedAt: new Date(String(first['orderedAt'])),
  },
  shippedAt: typeof first['shippedAt'] === 'string' ? new Date(first['shippedAt']) : undefined,
  disposition:
    first['status'] === 'shipped' ? 'ship' : first['status'] === 'cancelled' ? 'cancel' : 'reserve',
});

export const applyOrdersImport: ImportApplier = (ctx) => replayOrdersInSets(ctx, ordersFileOrder);
