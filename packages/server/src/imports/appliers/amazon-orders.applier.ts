import { amazonDisposition } from '@stockwise/domain/channels/amazon/amazon-payloads';
import type { Fulfilment } from '@stockwise/domain/sales/order-sources';
import type { ImportApplier } from './apply-context';
import { replayOrdersInSets } from './order-sets';

const fulfilmentOf = (v: unknown): Fulfilment | null => (v === 'AFN' || v === 'MFN' ? v : null);

/**
 * Amazon's All Orders report: each order's Amazon status says what to do with it (see amazonDisposition);
 * its fulfilment and marketplace, where the file has them, say where its units come from, as for an order
 * the sync reads (docs/decisions.md 47).
 */
export const applyAmazonOrdersImport: ImportApplier = (ctx) =>
  replayOrdersInSets(ctx, (first) => ({
    intake: {
      channel: 'amazon',
      externalId: String(first['amazonOrderId']),
      orderedAt: new Date(String(first['purchaseDate'])),
      fulfilment: fulfilmentOf(first['fulfillmentChannel']),
      marketplace: typeof first['marketplace'] === 'string' ? first['marketplace'] : null,
    },
    disposition: amazonDisposition(String(first['orderStatus'])),
  }));
