import { z } from '@hono/zod-openapi';
import type { Router } from '../../http/router';
import { jsonBody, securedRoute } from '../../http/router';
import { IdParam, LocationCodeSchema, SkuSchema } from '../../http/common.schema';
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

const FILE_RESPONSE = {
  200: {
    description: 'The Send to Amazon file',
    content: { 'text/tab-separated-values': { schema: { type: 'string' as const } } },
  },
};

const fileHeaders = (fileName: string) => ({
  'Content-Type': 'text/tab-separated-values; charset=utf-8',
  'Content-Disposition': `attachment; filename="${fileName}"`,
});

/**
 * POST /amazon/send-to-amazon-file: a transfer draft as Seller Central's Send to Amazon upload file;
 * GET /amazon/transfer-drafts/{id}/send-to-amazon-file: the same of a saved transfer draft.
 */
export function sendToAmazonRoute(app: Router, sw: Stockwise): void {
  app.openapi(
    securedRoute({
      method: 'post',
      path: '/amazon/send-to-amazon-file',
      tags: ['Channels'],
      summary:
        "A transfer draft (the seller's location → an Amazon location) as the tab-delimited file Seller Central's Send to Amazon workflow uploads: default prep and labeling owners, then Merchant SKU, Quantity, Prep owner, Labeling owner. Writes nothing.",
      request: jsonBody(InboundDraftSchema),
      responses: FILE_RESPONSE,
    }),
    async (c) => {
      const file = await sw.sendToAmazon.inboundFile(c.get('actor'), c.req.valid('json'));
      return c.body(file.body, 200, fileHeaders(file.fileName));
    },
  );
  app.openapi(
    securedRoute({
      method: 'get',
      path: '/amazon/transfer-drafts/{id}/send-to-amazon-file',
      tags: ['Channels'],
      summary:
        'A saved transfer draft (POST /transfer-drafts) as the Send to Amazon upload file, by the same rules as a posted draft (Seller owns prep and labeling). Writes nothing.',
      request: { params: IdParam },
      responses: FILE_RESPONSE,
    }),
    async (c) => {
      const file = await sw.sendToAmazon.savedDraftFile(c.get('actor'), c.req.valid('param').id);
      return c.body(file.body, 200, fileHeaders(file.fileName));
    },
  );
}
