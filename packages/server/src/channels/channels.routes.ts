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
import type { Stockwise } from '../stockwise';
import {
  IdempotencyHeaderSchema,
  itemsOf,
  json,
  jsonResponse,
  newRouter,
  operations,
  securedRoute,
} from '../http/router';

const op = operations(['Channels']);

export function channelsRoutes(sw: Stockwise) {
  const app = newRouter();

  app.openapi(
    op.create(
      '/',
      'Connect a sales channel (Shopify shop, Amazon SP-API, manual); secrets are stored encrypted',
      ChannelConnectSchema,
      jsonResponse('Connected', SalesChannelSchema),
    ),
    async (c) => c.json(await sw.channels.connect(c.get('actor'), c.req.valid('json')), 201),
  );

  app.openapi(
    op.list('/', 'Connected sales channels', jsonResponse('Channels', itemsOf(SalesChannelSchema))),
    async (c) => c.json({ items: await sw.channels.list(c.get('actor')) }, 200),
  );

  app.openapi(
    securedRoute({
      method: 'get',
      path: '/{channel}/availability',
      tags: ['Channels'],
      summary: 'Available to sell per SKU on this channel (available less the channel safety buffer)',
      request: { params: ChannelParam, query: AvailabilityQuerySchema },
      responses: { 200: jsonResponse('A page of SKUs', AvailabilitySchema) },
    }),
    async (c) =>
      c.json(
        await sw.channels.availability(c.get('actor'), c.req.valid('param').channel, c.req.valid('query')),
        200,
      ),
  );

  app.openapi(
    securedRoute({
      method: 'get',
      path: '/{channel}/availability/changes',
      tags: ['Channels'],
      summary:
        'Change feed: SKUs whose availability changed since the cursor (at-least-once; figures are absolute)',
      request: { params: ChannelParam, query: ChangesQuerySchema },
      responses: { 200: jsonResponse('Changed SKUs and the next cursor', ChangesSchema) },
    }),
    async (c) =>
      c.json(
        await sw.channels.changes(c.get('actor'), c.req.valid('param').channel, c.req.valid('query')),
        200,
      ),
  );

  app.openapi(
    op.query(
      '/amazon/inventory-age',
      "Amazon's FBA inventory age brackets (imported report) beside the ledger's age layers at that location",
      FbaAgeQuerySchema,
      jsonResponse('Totals and the SKUs that differ most', FbaAgeComparisonSchema),
    ),
    async (c) => c.json(await sw.imports.fbaInventoryAge(c.get('actor'), c.req.valid('query')), 200),
  );

  app.openapi(
    securedRoute({
      method: 'post',
      path: '/{channel}/availability/push',
      tags: ['Channels'],
      summary:
        "Queue a delivery of changed available-to-sell to the channel's webhook and/or API now (otherwise it runs every batch window)",
      description:
        'One delivery job per channel per batch window however often this is called. Payload and signature: README, "Availability webhook".',
      request: { params: ChannelParam, headers: IdempotencyHeaderSchema },
      responses: {
        202: {
          description: 'Queued (jobId null: already queued for this window)',
          ...json(PushQueuedSchema),
        },
      },
    }),
    async (c) => {
      const actor = c.get('actor');
      const { channel } = c.req.valid('param');
      const record = (await sw.channels.list(actor)).find((ch) => ch.channel === channel);
      if (!record)
        throw new DomainError('NOT_FOUND', `no ${channel} channel is connected`, { field: 'channel' });
      if (!record.availabilityWebhookUrl && !(record.pushAvailability && record.hasCredentials))
        throw new DomainError(
          'VALIDATION_FAILED',
          `the ${channel} channel has no availability webhook and no connector push`,
          { field: 'channel' },
        );
      return c.json({ channel, jobId: await sw.availabilityPush.enqueue(sw.jobs, actor, channel) }, 202);
    },
  );

  app.openapi(
    securedRoute({
      method: 'post',
      path: '/{channel}/sync',
      tags: ['Channels'],
      summary: "Pull orders since the channel's cursor through its API, then push available-to-sell",
      request: { params: ChannelParam, headers: IdempotencyHeaderSchema },
      responses: { 200: jsonResponse('What was pulled and pushed', SyncResultSchema) },
    }),
    async (c) => c.json(await sw.channels.sync(c.get('actor'), c.req.valid('param').channel), 200),
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
        'Shopify webhooks: orders/create, orders/cancelled, refunds/create (HMAC-SHA256 of the raw body)',
      description:
        "Headers: X-Shopify-Topic, X-Shopify-Shop-Domain, X-Shopify-Hmac-Sha256 (base64 HMAC-SHA256 of the raw body with the shop's webhook secret). A retried webhook creates the order once.",
      responses: {
        200: {
          description: 'Verified and applied',
          ...json(
            z.object({
              topic: z.string(),
              action: z.enum(['created', 'duplicate', 'cancelled', 'refunded', 'ignored']),
              orderId: z.number().int().nullable(),
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
