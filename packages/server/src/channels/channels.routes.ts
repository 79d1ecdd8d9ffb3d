import { createRoute, z } from '@hono/zod-openapi';
import { DomainError } from '@stockwise/domain/errors';
import {
  AvailabilityQuerySchema,
  AvailabilitySchema,
  ChangesQuerySchema,
  ChangesSchema,
  ChannelConnectSchema,
  ChannelParam,
  FbaAgeComparisonSchema,
  FbaAgeQuerySchema,
  PushQueuedSchema,
  SalesChannelSchema,
  SyncResultSchema,
} from './channels.schema';
import { ProblemSchema } from '../http/common.schema';
import { amazonReconciliationRoute } from './amazon/amazon-reconciliation.routes';
import { sendToAmazonRoute } from './amazon/send-to-amazon.routes';
import type { Stockwise } from '../stockwise';
import { WEBHOOK_ACTIONS } from './shopify/shopify-webhook.service';
import {
  IdempotencyHeaderSchema,
  itemsOf,
  json,
  jsonResponse,
  newRouter,
  section,
  securedRoute,
} from '../http/router';

/** A GET of one channel's availability (`/{channel}/…`): its query, and a page of SKUs with their figures. */
const availabilityRead = <Q extends z.ZodObject, T extends z.ZodType>(
  path: string,
  summary: string,
  query: Q,
  ok: ReturnType<typeof jsonResponse<T>>,
) =>
  securedRoute({
    method: 'get',
    path,
    tags: ['Channels'],
    summary,
    request: { params: ChannelParam, query },
    responses: { 200: ok },
  });

/** A POST that starts work on one channel (`/{channel}/…`) with no body. */
const channelAction = <const S extends 200 | 202, T extends z.ZodType>(
  path: string,
  doc: { summary: string; description?: string },
  status: S,
  ok: ReturnType<typeof jsonResponse<T>>,
) =>
  securedRoute({
    method: 'post',
    path,
    tags: ['Channels'],
    ...doc,
    request: { params: ChannelParam, headers: IdempotencyHeaderSchema },
    responses: { [status]: ok } as Record<S, typeof ok>,
  });

export function channelsRoutes(sw: Stockwise) {
  const { app, op, serve } = section(['Channels']);

  serve(
    op.create(
      '/',
      'Connect a sales channel (Shopify shop, Amazon SP-API, manual); secrets are stored encrypted',
      ChannelConnectSchema,
      jsonResponse('Connected', SalesChannelSchema),
    ),
    (actor, { json }) => sw.channels.connect(actor, json),
  );

  serve(
    op.list('/', 'Connected sales channels', jsonResponse('Channels', itemsOf(SalesChannelSchema))),
    async (actor) => ({ items: await sw.channels.list(actor) }),
  );

  serve(
    availabilityRead(
      '/{channel}/availability',
      'Available to sell per SKU on this channel (available less the channel safety buffer)',
      AvailabilityQuerySchema,
      jsonResponse('A page of SKUs', AvailabilitySchema),
    ),
    (actor, { param, query }) => sw.channels.availability(actor, param.channel, query),
  );

  serve(
    availabilityRead(
      '/{channel}/availability/changes',
      'Change feed: SKUs whose availability changed since the cursor (at-least-once; figures are absolute)',
      ChangesQuerySchema,
      jsonResponse('Changed SKUs and the next cursor', ChangesSchema),
    ),
    (actor, { param, query }) => sw.channels.changes(actor, param.channel, query),
  );

  serve(
    op.query(
      '/amazon/inventory-age',
      "Amazon's FBA inventory age brackets (imported report) beside the ledger's age layers at that location",
      FbaAgeQuerySchema,
      jsonResponse('Totals and the SKUs that differ most', FbaAgeComparisonSchema),
    ),
    (actor, { query }) => sw.imports.fbaInventoryAge(actor, query),
  );

  amazonReconciliationRoute(app, sw);
  sendToAmazonRoute(app, sw);

  serve(
    channelAction(
      '/{channel}/availability/push',
      {
        summary:
          "Queue a delivery of changed available-to-sell to the channel's webhook and/or API now (otherwise it runs every batch window)",
        description:
          'One delivery job per channel per batch window however often this is called. Payload and signature: README, "Availability webhook".',
      },
      202,
      jsonResponse('Queued (jobId null: already queued for this window)', PushQueuedSchema),
    ),
    async (actor, { param: { channel } }) => {
      const record = (await sw.channels.list(actor)).find((ch) => ch.channel === channel);
      if (!record)
        throw new DomainError('NOT_FOUND', `no ${channel} channel is connected`, { field: 'channel' });
      if (!record.availabilityWebhookUrl && !(record.pushAvailability && record.hasCredentials))
        throw new DomainError(
          'VALIDATION_FAILED',
          `the ${channel} channel has no availability webhook and no connector push`,
          { field: 'channel' },
        );
      return { channel, jobId: await sw.availabilityPush.enqueue(sw.jobs, actor, channel) };
    },
  );

  serve(
    channelAction(
      '/{channel}/sync',
      {
        summary:
          "Sync through the channel's API: orders since the cursor, FBA inventory and reports (Amazon), then available-to-sell when push is on; each step committed and reported on its own",
      },
      200,
      jsonResponse('What was pulled and pushed', SyncResultSchema),
    ),
    (actor, { param }) => sw.channels.sync(actor, param.channel),
  );

  return app;
}

const problemJson = { 'application/problem+json': { schema: ProblemSchema } };

/**
 * Shopify webhooks. Not behind bearer/session auth: Shopify signs the raw body with the shop's
 * secret (X-Shopify-Hmac-Sha256), and the shop (X-Shopify-Shop-Domain) names the account. Anything
 * not signed correctly gets 401 and changes nothing.
 */
export function shopifyWebhookRoutes(sw: Stockwise) {
  const app = newRouter();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['Channels'],
      summary:
        'Shopify webhooks: orders/create, orders/cancelled, refunds/create, products/update, inventory_levels/update (HMAC-SHA256 of the raw body)',
      description:
        "Headers: X-Shopify-Topic, X-Shopify-Shop-Domain, X-Shopify-Hmac-Sha256 (base64 HMAC-SHA256 of the raw body with the shop's webhook secret). A retried webhook creates the order once; a refund is applied once per refund id (restock_type return or cancel returns stock, no_restock changes nothing and answers no_restock). products/update sets the title, barcode and price of known SKUs; inventory_levels/update records what Shopify shows, never the stock here.",
      responses: {
        200: {
          description: 'Verified and applied',
          ...json(
            z.object({
              topic: z.string(),
              action: z.enum(WEBHOOK_ACTIONS),
              orderId: z.number().int().nullable(),
              detail: z.string().optional(),
              skus: z.array(z.string()).optional(),
            }),
          ),
        },
        400: { description: 'Signed but not a valid payload', content: problemJson },
        401: { description: 'Missing or wrong signature, or unknown shop', content: problemJson },
        409: { description: 'Not enough stock for the order (Shopify retries)', content: problemJson },
      },
    }),
    async (c) => {
      const rawBody = Buffer.from(await c.req.arrayBuffer());
      const outcome = await sw.shopifyWebhooks.handle({
        shopDomain: c.req.header('X-Shopify-Shop-Domain'),
        topic: c.req.header('X-Shopify-Topic'),
        hmac: c.req.header('X-Shopify-Hmac-Sha256'),
        rawBody,
      });
      if (!outcome)
        throw new DomainError(
          'UNAUTHENTICATED',
          'webhook signature missing or wrong (X-Shopify-Hmac-Sha256), or shop not connected',
        );
      return c.json(outcome, 200);
    },
  );
  return app;
}
