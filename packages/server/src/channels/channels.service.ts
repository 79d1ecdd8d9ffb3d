import { createHmac, timingSafeEqual } from 'node:crypto';
import { parseJsonLossless } from '@stockwise/domain/channels/lossless-json';
import type { ShopifyTopic } from '@stockwise/domain/channels/shopify/shopify-payloads';
import {
  normalizeShopDomain,
  SHOPIFY_TOPICS,
  shopifyCancelledOrderId,
  shopifyOrderToIntake,
  shopifyRefund,
} from '@stockwise/domain/channels/shopify/shopify-payloads';
import { DomainError, isDomainError } from '@stockwise/domain/errors';
import type { OrderChannel } from '@stockwise/domain/sales/order-state';
import type { ChannelRecord, FeedCursor } from '@stockwise/db/channels/channels.repository';
import { channelsRepository } from '@stockwise/db/channels/channels.repository';
import { auditRepository } from '@stockwise/db/accounts/audit.repository';
import { locationsRepository } from '@stockwise/db/catalog/locations.repository';
import type { OrdersService } from '../sales/orders.service';
import type { ChannelConnect, SalesChannelDto } from './channels.schema';
import type { OrderDto } from '../sales/orders.schema';
import type { Actor } from '../accounts/actor';
import { auditActor, requirePermission } from '../accounts/actor';
import type { AuthService } from '../accounts/auth.service';
import type { Transactor } from '../platform/transactor';
import { AmazonConnector } from './amazon/amazon.client';
import type { ChannelConnector, PulledOrder } from './connector';
import type { SecretBox } from '../platform/secret-box';
import { ShopifyConnector } from './shopify/shopify.client';

export function mapChannelDto(c: ChannelRecord): SalesChannelDto {
  return {
    channel: c.channel,
    name: c.name,
    shopDomain: c.shopDomain,
    location: c.location,
    safetyBuffer: c.safetyBuffer,
    hasWebhookSecret: c.webhookSecretEnc !== null,
    hasCredentials: c.credentialsEnc !== null,
    pullCursor: c.pullCursor,
    availabilityWebhookUrl: c.availabilityUrl,
    pushAvailability: c.pushConnector,
    lastPushAt: c.lastPushAt?.toISOString() ?? null,
    lastPushError: c.lastPushError,
    pushFailures: c.pushFailures,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** A verified Shopify webhook's effect, for the response and the tests. */
export interface WebhookOutcome {
  topic: string;
  action: 'created' | 'duplicate' | 'cancelled' | 'refunded' | 'ignored';
  orderId: number | null;
}

/** Old cursors (a bare movement id) repeat the movements of the last few seconds. */
const LEGACY_OVERLAP_MS = 5_000;

/** Change-feed cursor: `<last movement id>-<horizon, epoch ms>` (see channelsRepository.changedSkus). */
export function encodeFeedCursor(c: FeedCursor): string {
  return `${String(c.lastId)}-${String(c.horizon.getTime())}`;
}

export function decodeFeedCursor(text: string | null | undefined, now: Date): FeedCursor {
  if (!text) return { lastId: 0, horizon: now };
  const m = /^(\d{1,15})(?:-(\d{1,16}))?$/.exec(text);
  if (!m) throw new DomainError('VALIDATION_FAILED', 'not a cursor from this feed', { field: 'cursor' });
  return {
    lastId: Number(m[1]),
    horizon: m[2] ? new Date(Number(m[2])) : new Date(now.getTime() - LEGACY_OVERLAP_MS),
  };
}

/** Sales channels: connections (secrets sealed at rest), Shopify webhooks, connector sync, availability out. */
export class ChannelsService {
  constructor(
    private readonly tx: Transactor,
    private readonly deps: { orders: OrdersService; auth: AuthService; box: SecretBox },
  ) {}

  async connect(actor: Actor, input: ChannelConnect): Promise<SalesChannelDto> {
    requirePermission(actor, 'catalog:write');
    return this.tx.run(async (sql) => {
      let locationId: number | null = null;
      if (input.location) {
        const location = await locationsRepository.findByCode(sql, actor.accountId, input.location);
        if (!location)
          throw new DomainError('UNKNOWN_LOCATION', `unknown location ${input.location}`, {
            field: 'location',
          });
        locationId = location.id;
      }
      let shopDomain: string | null = null;
      let webhookSecretEnc: string | null = null;
      let credentials: Record<string, unknown> | null = null;
      if (input.type === 'shopify') {
        shopDomain = normalizeShopDomain(input.shopDomain);
        if (!shopDomain)
          throw new DomainError('VALIDATION_FAILED', 'shopDomain must be a myshopify.com domain', {
            field: 'shopDomain',
          });
        if (await channelsRepository.shopTakenElsewhere(sql, actor.accountId, shopDomain))
          throw new DomainError('DUPLICATE', `${shopDomain} is connected to another account`, {
            field: 'shopDomain',
          });
        webhookSecretEnc = this.deps.box.seal(input.webhookSecret);
        if (input.accessToken)
          credentials = {
            shopDomain,
            accessToken: input.accessToken,
            apiBaseUrl: input.apiBaseUrl,
            shopifyLocationId: input.shopifyLocationId,
          };
      } else if (input.type === 'amazon') {
        if (input.clientId && input.clientSecret && input.refreshToken) {
          credentials = {
            sellerId: input.sellerId,
            marketplaceId: input.marketplaceId,
            clientId: input.clientId,
            clientSecret: input.clientSecret,
            refreshToken: input.refreshToken,
            endpoint: input.endpoint,
            tokenUrl: input.tokenUrl,
          };
        } else if (input.clientId ?? input.clientSecret ?? input.refreshToken) {
          throw new DomainError(
            'VALIDATION_FAILED',
            'SP-API needs clientId, clientSecret and refreshToken together',
            { field: 'refreshToken' },
          );
        }
      }
      let outbound:
        { url: string | null; secretEnc: string | null; pushConnector: boolean } | null | undefined;
      if (input.availabilityWebhook === null)
        outbound =
          input.pushAvailability === undefined
            ? null
            : { url: null, secretEnc: null, pushConnector: input.pushAvailability };
      else if (input.availabilityWebhook !== undefined || input.pushAvailability !== undefined) {
        const current = await channelsRepository.find(sql, actor.accountId, input.type);
        const hook = input.availabilityWebhook;
        outbound = {
          url: hook ? hook.url : (current?.availabilityUrl ?? null),
          secretEnc: hook ? this.deps.box.seal(hook.secret) : (current?.availabilitySecretEnc ?? null),
          pushConnector: input.pushAvailability ?? current?.pushConnector ?? false,
        };
      }
      const saved = await channelsRepository.upsert(sql, {
        outbound,
        accountId: actor.accountId,
        channel: input.type,
        name: input.name ?? shopDomain ?? input.type,
        shopDomain,
        webhookSecretEnc,
        credentialsEnc: credentials ? this.deps.box.seal(JSON.stringify(credentials)) : null,
        locationId,
        safetyBuffer: input.safetyBuffer ?? 0,
        createdByUserId: actor.userId,
      });
      if (!saved) throw new DomainError('CONFLICT', 'could not save the channel');
      const dto = mapChannelDto(saved);
      await auditRepository.record(sql, {
        ...auditActor(actor),
        action: 'channel.connect',
        entityType: 'channel',
        entityId: input.type,
        before: null,
        after: dto,
      });
      return dto;
    });
  }

  async list(actor: Actor): Promise<SalesChannelDto[]> {
    requirePermission(actor, 'read');
    return (await channelsRepository.list(this.tx.sql, actor.accountId)).map(mapChannelDto);
  }

  /**
   * Verifies and applies a Shopify webhook. Undefined means "not verified" (unknown shop, no secret,
   * or a signature that is not HMAC-SHA256(secret, raw body)): the caller answers 401 and nothing changed.
   */
  async shopifyWebhook(input: {
    shopDomain: string | undefined;
    topic: string | undefined;
    hmac: string | undefined;
    rawBody: Buffer;
  }): Promise<WebhookOutcome | undefined> {
    const domain = input.shopDomain ? normalizeShopDomain(input.shopDomain) : null;
    if (!domain || !input.hmac || input.hmac.length > 200) return undefined;
    const channel = await channelsRepository.findByShopDomain(this.tx.sql, domain);
    if (!channel?.webhookSecretEnc) return undefined;
    let secret: string;
    try {
      secret = this.deps.box.open(channel.webhookSecretEnc);
    } catch {
      return undefined; // sealed with another key: cannot verify
    }
    const expected = createHmac('sha256', secret).update(input.rawBody).digest();
    const given = Buffer.from(input.hmac, 'base64');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;

    const topic = input.topic ?? '';
    if (!(SHOPIFY_TOPICS as readonly string[]).includes(topic))
      return { topic, action: 'ignored', orderId: null };
    let payload: unknown;
    try {
      payload = parseJsonLossless(input.rawBody.toString('utf8'));
    } catch {
      throw new DomainError('VALIDATION_FAILED', 'the webhook body is not JSON', { field: '(body)' });
    }
    const actor = await this.deps.auth.ownerOf(channel.accountId);
    switch (topic as ShopifyTopic) {
      case 'orders/create': {
        const order = await this.deps.orders.create(actor, shopifyOrderToIntake(payload), {
          unknownSkus: 'unmap',
          shortStock: 'pending',
        });
        return { topic, action: order.replayed ? 'duplicate' : 'created', orderId: order.id };
      }
      case 'orders/cancelled': {
        const order = await this.deps.orders.findByExternal(
          actor,
          'shopify',
          shopifyCancelledOrderId(payload),
        );
        if (!order) return { topic, action: 'ignored', orderId: null };
        await this.deps.orders.cancel(actor, order.id);
        return { topic, action: 'cancelled', orderId: order.id };
      }
      case 'refunds/create': {
        const refund = shopifyRefund(payload);
        const order = await this.deps.orders.findByExternal(actor, 'shopify', refund.orderId);
        if (!order) return { topic, action: 'ignored', orderId: null };
        await this.deps.orders.applyRefund(actor, order.id, refund.lines);
        return { topic, action: 'refunded', orderId: order.id };
      }
    }
  }

  private async channelOf(actor: Actor, channel: OrderChannel): Promise<ChannelRecord | undefined> {
    return channelsRepository.find(this.tx.sql, actor.accountId, channel);
  }

  /** What each SKU may sell on this channel: available over every active location, less the channel's safety buffer. */
  async availability(
    actor: Actor,
    channel: OrderChannel,
    q: { limit: number; cursor?: string | undefined; sku?: string | undefined },
  ) {
    requirePermission(actor, 'read');
    const config = await this.channelOf(actor, channel);
    const buffer = config?.safetyBuffer ?? 0;
    const rows = await channelsRepository.availability(this.tx.sql, actor.accountId, {
      locationIds: null,
      skus: q.sku ? [q.sku] : undefined,
      afterSku: q.cursor,
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    return {
      channel,
      safetyBuffer: buffer,
      items: page.map((r) => ({ ...r, availableToSell: Math.max(0, r.available - buffer) })),
      nextCursor: rows.length > q.limit ? (page[page.length - 1]?.sku ?? null) : null,
    };
  }

  /**
   * The change feed: SKUs whose on hand or reserved moved since `cursor`, with their current figures
   * and the cursor to pass next. At-least-once (a SKU may repeat); figures are absolute.
   */
  async changes(actor: Actor, channel: OrderChannel, q: { cursor?: string | undefined; limit: number }) {
    requirePermission(actor, 'read');
    const sql = this.tx.sql;
    const cursor = decodeFeedCursor(q.cursor, new Date());
    // Before the feed's own read: see channelsRepository.feedHorizon.
    const horizon = await channelsRepository.feedHorizon(sql);
    const changed = await channelsRepository.changedSkus(sql, actor.accountId, { cursor, limit: q.limit });
    const config = await this.channelOf(actor, channel);
    const buffer = config?.safetyBuffer ?? 0;
    const skus = changed.items.map((i) => i.sku);
    const rows =
      skus.length === 0
        ? []
        : await channelsRepository.availability(sql, actor.accountId, {
            locationIds: null,
            skus,
            limit: skus.length,
          });
    return {
      channel,
      items: rows.map((r) => ({ ...r, availableToSell: Math.max(0, r.available - buffer) })),
      cursor: encodeFeedCursor({ lastId: changed.lastId, horizon }),
      more: changed.more,
    };
  }

  connectorFor(record: ChannelRecord): ChannelConnector {
    if (!record.credentialsEnc)
      throw new DomainError('VALIDATION_FAILED', `the ${record.channel} channel has no API credentials`, {
        field: 'channel',
      });
    const creds = JSON.parse(this.deps.box.open(record.credentialsEnc)) as Record<string, string | undefined>;
    if (record.channel === 'shopify')
      return new ShopifyConnector({
        shopDomain: creds['shopDomain'] ?? '',
        accessToken: creds['accessToken'] ?? '',
        apiBaseUrl: creds['apiBaseUrl'],
        shopifyLocationId: creds['shopifyLocationId'],
      });
    if (record.channel === 'amazon') {
      return new AmazonConnector({
        sellerId: creds['sellerId'],
        marketplaceId: creds['marketplaceId'] ?? 'ATVPDKIKX0DER',
        clientId: creds['clientId'] ?? '',
        clientSecret: creds['clientSecret'] ?? '',
        refreshToken: creds['refreshToken'] ?? '',
        endpoint: creds['endpoint'],
        tokenUrl: creds['tokenUrl'],
      });
    }
    throw new DomainError('VALIDATION_FAILED', `the ${record.channel} channel has no connector`, {
      field: 'channel',
    });
  }

  /** Applies one order from a channel according to its status there; idempotent per (channel, external id). */
  async ingest(actor: Actor, pulled: PulledOrder): Promise<{ order: OrderDto | null; created: boolean }> {
    const existing = await this.deps.orders.findByExternal(
      actor,
      pulled.intake.channel,
      pulled.intake.externalId,
    );
    if (pulled.disposition === 'skip') return { order: existing ?? null, created: false };
    if (pulled.disposition === 'cancel') {
      if (!existing) return { order: null, created: false };
      return { order: await this.deps.orders.cancel(actor, existing.id), created: false };
    }
    return this.tx.run(async () => {
      const order =
        existing ??
        (await this.deps.orders.create(actor, pulled.intake, {
          unknownSkus: 'unmap',
          shortStock: 'pending',
        }));
      const open = order.lines.some((l) => l.quantity - l.quantityShipped - l.quantityCancelled > 0);
      if (pulled.disposition === 'ship' && open && order.status === 'pending') {
        // Shipped on the channel, but the stock here cannot cover it: nothing is written (the caller's transaction rolls back the pending order).
        const skus = [...new Set(order.lines.map((l) => l.sku))];
        throw new DomainError(
          'INSUFFICIENT_STOCK',
          `${pulled.intake.channel} order ${pulled.intake.externalId} was shipped there, but the stock here cannot cover it (${skus.join(', ')}): receive or count the stock first`,
          { field: 'lines', details: { skus } },
        );
      }
      if (pulled.disposition === 'ship' && open && order.status !== 'cancelled')
        return { order: await this.deps.orders.ship(actor, order.id, {}), created: !existing };
      return { order, created: !existing };
    });
  }

  /** Pulls orders since the stored cursor, then pushes available-to-sell for every SKU. */
  async sync(actor: Actor, channel: OrderChannel, options: { push?: boolean } = {}) {
    requirePermission(actor, 'inventory:write');
    const record = await this.channelOf(actor, channel);
    if (!record)
      throw new DomainError('NOT_FOUND', `no ${channel} channel is connected`, { field: 'channel' });
    const connector = this.connectorFor(record);
    const pulled = await upstream(channel, () => connector.pullOrders(record.pullCursor));
    let created = 0;
    const failed: { externalId: string; code: string; message: string }[] = [];
    for (const p of pulled.orders) {
      try {
        if ((await this.ingest(actor, p)).created) created += 1;
      } catch (error) {
        if (!isDomainError(error)) throw error;
        failed.push({ externalId: p.intake.externalId, code: error.code, message: error.message });
      }
    }
    if (pulled.cursor)
      await channelsRepository.setCursor(this.tx.sql, actor.accountId, channel, pulled.cursor);
    let pushed = 0;
    if (options.push !== false) {
      const items: { sku: string; quantity: number }[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await this.availability(actor, channel, { limit: 1000, cursor });
        items.push(...page.items.map((i) => ({ sku: i.sku, quantity: i.availableToSell })));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      pushed = await upstream(channel, () => connector.pushAvailability(items));
    }
    return {
      channel,
      ordersSeen: pulled.orders.length,
      ordersCreated: created,
      ordersFailed: failed,
      pushed,
      cursor: pulled.cursor,
    };
  }
}

/** A failing channel API becomes UPSTREAM_FAILED (502) with its message, not a 500. */
async function upstream<T>(channel: OrderChannel, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isDomainError(error)) throw error;
    const message =
      error instanceof Error
        ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}`
        : String(error);
    throw new DomainError('UPSTREAM_FAILED', `${channel}: ${message}`, { field: 'channel', cause: error });
  }
}
