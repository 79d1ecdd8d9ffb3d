import { z } from '@hono/zod-openapi';
import { ChannelSchema } from '../sales/orders.schema';
import { LocationCodeSchema, IsoDateSchema, TextSchema, recordTimesFields } from '../http/common.schema';

const Secret = TextSchema(500).min(1);
/** Connector endpoints: https anywhere, plain http only on the loopback interface (local test servers). */
const Endpoint = TextSchema(500).refine((u) => {
  try {
    const url = new URL(u);
    return (
      url.protocol === 'https:' ||
      (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
    );
  } catch {
    return false;
  }
}, 'https, or http on 127.0.0.1');

const common = {
  name: TextSchema(200).min(1).optional(),
  location: LocationCodeSchema.optional().openapi({
    description: "this channel's orders reserve here first",
  }),
  safetyBuffer: z
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .optional()
    .openapi({ description: 'units per SKU held back from what the channel may sell' }),
  availabilityWebhook: z
    .object({
      url: Endpoint.openapi({
        description: 'changed available-to-sell quantities are POSTed here (README: "Availability webhook")',
      }),
      secret: TextSchema(500).min(16).openapi({
        description: 'signs each delivery: X-Stockwise-Signature: sha256=<hex HMAC-SHA256 of the raw body>',
      }),
    })
    .strict()
    .nullable()
    .optional()
    .openapi({ description: 'omit to keep the stored webhook, null to remove it' }),
  pushAvailability: z.boolean().optional().openapi({
    description: "also push changed quantities through the channel's API (needs its credentials)",
  }),
};

export const ChannelConnectSchema = z
  .discriminatedUnion('type', [
    z
      .object({
        type: z.literal('shopify'),
        shopDomain: TextSchema(255)
          .regex(/^[A-Za-z0-9][A-Za-z0-9-]*\.myshopify\.com$/, 'the shop’s myshopify.com domain')
          .openapi({ example: 'my-shop.myshopify.com' }),
        webhookSecret: Secret.openapi({
          description: "the app's API secret key; Shopify signs webhooks with it",
        }),
        accessToken: Secret.optional().openapi({
          description: 'Admin API access token (order pull, inventory push)',
        }),
        shopifyLocationId: TextSchema(40)
          .regex(/^\d+$/)
          .optional()
          .openapi({ description: 'Shopify location whose inventory Stockwise sets' }),
        apiBaseUrl: Endpoint.optional().openapi({
          description: 'default https://{shopDomain}/admin/api/2024-07',
        }),
        ...common,
      })
      .strict(),
    z
      .object({
        type: z.literal('amazon'),
        sellerId: TextSchema(40).min(1).optional(),
        marketplaceId: TextSchema(40).min(1).default('ATVPDKIKX0DER'),
        clientId: Secret.optional(),
        clientSecret: Secret.optional(),
        refreshToken: Secret.optional(),
        endpoint: Endpoint.optional().openapi({
          description: 'default https://sellingpartnerapi-na.amazon.com',
        }),
        tokenUrl: Endpoint.optional().openapi({
          description: 'default https://api.amazon.com/auth/o2/token',
        }),
        ...common,
      })
      .strict(),
    z.object({ type: z.enum(['manual', 'other']), ...common }).strict(),
  ])
  .openapi('ChannelConnect');
export type ChannelConnect = z.infer<typeof ChannelConnectSchema>;

export const SalesChannelSchema = z
  .object({
    channel: ChannelSchema,
    name: z.string(),
    shopDomain: z.string().nullable(),
    location: z.string().nullable(),
    safetyBuffer: z.number().int(),
    hasWebhookSecret: z.boolean(),
    hasCredentials: z.boolean(),
    pullCursor: z.string().nullable(),
    availabilityWebhookUrl: z.string().nullable(),
    pushAvailability: z.boolean(),
    lastPushAt: z.string().nullable(),
    lastPushError: z.string().nullable(),
    pushFailures: z.number().int(),
    ...recordTimesFields,
  })
  .openapi('SalesChannel');
export type SalesChannelDto = z.infer<typeof SalesChannelSchema>;

export const AvailabilityItemSchema = z.object({
  sku: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  availableToSell: z
    .number()
    .int()
    .openapi({ description: 'available less the channel safety buffer, never below 0' }),
});

export const AvailabilitySchema = z
  .object({
    channel: ChannelSchema,
    safetyBuffer: z.number().int(),
    items: z.array(AvailabilityItemSchema),
    nextCursor: z.string().nullable(),
  })
  .openapi('ChannelAvailability');

export const AvailabilityQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  cursor: TextSchema(200).optional().openapi({ description: 'the last SKU of the previous page' }),
  sku: TextSchema(100).optional(),
});

export const ChangesQuerySchema = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,15}(-\d{1,16})?$/, 'a cursor from the previous answer')
    .optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const ChangesSchema = z
  .object({
    channel: ChannelSchema,
    items: z.array(AvailabilityItemSchema),
    cursor: z.string().openapi({ description: 'pass back to get what changed since' }),
    more: z.boolean().openapi({ description: 'the page was full: ask again at once' }),
  })
  .openapi('ChannelAvailabilityChanges');

export const ChannelParam = z.object({
  channel: ChannelSchema.openapi({ param: { name: 'channel', in: 'path' } }),
});

export const SyncResultSchema = z
  .object({
    channel: ChannelSchema,
    ordersCreated: z.number().int(),
    ordersSeen: z.number().int(),
    ordersFailed: z.array(z.object({ externalId: z.string(), code: z.string(), message: z.string() })),
    pushed: z.number().int(),
    cursor: z.string().nullable().openapi({ description: 'ISO 8601 instant the next pull starts from' }),
    steps: z
      .array(
        z.object({
          step: z.enum(['orders', 'inventory', 'reports', 'push']),
          status: z.enum(['ok', 'failed', 'skipped']),
          message: z.string().nullable(),
        }),
      )
      .openapi({
        description: 'Each step committed on its own, in order, with what it did or why it failed',
      }),
  })
  .openapi('ChannelSyncResult');

export const PushQueuedSchema = z
  .object({
    channel: ChannelSchema,
    jobId: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'null: a delivery for this batch window is already queued' }),
  })
  .openapi('ChannelAvailabilityPushQueued');

export const PushResultSchema = z
  .object({
    channel: ChannelSchema,
    status: z.enum(['delivered', 'nothing-changed', 'busy', 'failed']),
    items: z.number().int().openapi({ description: 'SKUs whose available-to-sell was sent' }),
    deliveries: z.number().int(),
    cursor: z.string().nullable(),
    error: z.string().nullable(),
  })
  .openapi('ChannelAvailabilityPushResult');
export type PushResult = z.infer<typeof PushResultSchema>;

const AgeBucketsSchema = z.object({
  age0to90: z.number().int(),
  age91to180: z.number().int(),
  age181to270: z.number().int(),
  age271to365: z.number().int(),
  age365plus: z.number().int(),
});

export const FbaAgeQuerySchema = z.object({
  location: LocationCodeSchema.optional().openapi({
    description: 'the Amazon location (default: the first amazon_fba location)',
  }),
  snapshotDate: IsoDateSchema.optional().openapi({ description: 'default: the latest imported snapshot' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(100)
    .openapi({ description: 'how many of the most different SKUs to list' }),
});

export const FbaAgeComparisonSchema = z
  .object({
    location: z.string(),
    snapshotDate: z.string(),
    skus: z.number().int().openapi({ description: "SKUs in Amazon's report" }),
    amazon: AgeBucketsSchema.openapi({
      description: "Amazon's brackets (FBA inventory age report), summed over its SKUs",
    }),
    ledger: AgeBucketsSchema.openapi({
      description:
        'open FIFO layers at the location, aged to the snapshot date (later receipts count as 0–90)',
    }),
    skusDiffering: z.number().int(),
    differing: z.array(
      z.object({
        sku: z.string(),
        amazon: AgeBucketsSchema,
        ledger: AgeBucketsSchema,
        unitsInOtherBrackets: z.number().int(),
      }),
    ),
  })
  .openapi('FbaInventoryAgeComparison');
