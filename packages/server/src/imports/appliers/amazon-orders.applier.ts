import { amazonDisposition } from '@stockwise/domain/channels/amazon/amazon-payloads';
import type { ImportApplier } from './apply-context';
import { replayOrdersInSets } from './order-sets';

/** Amazon's All Orders report: each order's Amazon status says what to do with it (see amazonDisposition). */
export const applyAmazonOrdersImport: ImportApplier = (ctx) =>
  replayOrdersInSets(ctx, (first) => ({
    intake: {
      channel: 'amazon',
      externalId: String(first['amazonOrderId']),
      orderedAt: new Date(String(first['purchaseDate'])),
    },
    disposition: amazonDisposition(String(first['orderStatus'])),
  }));
