import { z } from '@hono/zod-openapi';
import type { Router } from '../../http/router';
import { jsonBody, securedRoute } from '../../http/router';
import { LocationCodeSchema, SkuSchema } from '../../http/common.schema';
import type { Stockwise } from '../../stockwise';

const Owner = z.enum(['Seller', 'Amazon']);

/** A transfer draft: the restock plan's transfer lines from one of the seller's locations to an Amazon one. */
export const InboundDraftSchema = z
  .object({
    from: LocationCodeSchema.openapi({ description: 'the location the units leave (warehouse or 3PL)' }),
    to: LocationCodeSchema.openapi({ description: 'the Amazon location they go to' }),
    prepOwner: Owner.optional().openapi({ description: 'default prep owner (default Seller)' }),
    labelingOwner: Owner.optional().openapi({ description: 'default labeling owner (default Seller)' }),
    lines: z
      .array(
        z
          .object({
            sku: SkuSchema,
            quantity: z.number().int().min(1).max(1_000_000),
            prepOwner: Owner.optional(),
            labelingOwner: Owner.optional(),
          })
          .strict(),
      )
      .min(1)
      .max(10_000),
  })
  .strict()
  .openapi('InboundDraft');

/** POST /amazon/send-to-amazon-file: a transfer draft as Seller Central's Send to Amazon upload file. */
export function sendToAmazonRoute(app: Router, sw: Stockwise): void {
  app.openapi(
    securedRoute({
      method: 'post',
      path: '/amazon/send-to-amazon-file',
      tags: ['Channels'],
      summary:
        "A transfer draft (the seller's location → an Amazon location) as the tab-delimited file Seller Central's Send to Amazon workflow uploads: default prep and labeling owners, then Merchant SKU, Quantity, Prep owner, Labeling owner. Writes nothing.",
      request: jsonBody(InboundDraftSchema),
      responses: {
        200: {
          description: 'The Send to Amazon file',
          content: { 'text/tab-separated-values': { schema: { type: 'string' } } },
        },
      },
    }),
    async (c) => {
      const file = await sw.sendToAmazon.inboundFile(c.get('actor'), c.req.valid('json'));
      return c.body(file.body, 200, {
        'Content-Type': 'text/tab-separated-values; charset=utf-8',
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
      });
    },
  );
}
