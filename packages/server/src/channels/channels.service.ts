import { DomainError, isDomainError } from '@stockwise/domain/errors';
import {
  HELD_CURSOR_MAX_DAYS,
  heldCursor,
  holdsCursor,
  isCurableRefusal,
} from '@stockwise/domain/channels/paging';
import type { OrderChannel } from '@stockwise/domain/sales/order-state';
import type { ChannelRecord } from '@stockwise/db/channels/channels.repository';
import { channelsRepository } from '@stockwise/db/channels/channels.repository';
import { locationsRepository } from '@stockwise/db/catalog/locations.repository';
import type { OrdersService } from '../sales/orders.service';
import { shippedButShort } from '../sales/history-intake';
import type { ChannelConnect, SalesChannelDto } from './channels.schema';
import type { OrderDto } from '../sales/orders.schema';
import type { Actor } from '../accounts/actor';
import { auditTrail, requirePermission } from '../accounts/actor';
import type { Transactor } from '../platform/transactor';
import type { SecretBox } from '../platform/secret-box';
import { assertPublicTarget } from '../platform/outbound-url';
import { amazonCredentials } from './amazon/amazon-credentials';
import type { ChannelConnector, PulledOrder, PullFailure } from './connector';
import type { SyncStepName, SyncStepOutcome } from './channel-sync';
import { nothingSucceeded, runStep, skippedStep } from './channel-sync';
import type { StoredCredentials } from './connectors';
import { connectorFor } from './connectors';
import { decodeFeedCursor, encodeFeedCursor } from './feed-cursor';
import { shopDomainOf, shopifyCredentials } from './shopify/shopify-credentials';
import { recordTimes } from '../platform/record-times';

/** A sync step beyond orders and push; returns what it did in a line. */
export interface ChannelSyncStep {
  name: SyncStepName;
  run(actor: Actor, record: ChannelRecord): Promise<string | null>;
  /** Whether this sync runs the step before orders (Amazon's inventory while a location's stock is unknown). */
  beforeOrders?(actor: Actor, record: ChannelRecord): Promise<boolean>;
}

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
    ...recordTimes(c),
  };
}

/** Sales channels: connections (secrets sealed at rest), connector sync, availability out (Shopify webhooks: shopify/). */
export class ChannelsService {
  constructor(
    private readonly tx: Transactor,
    private readonly deps: { orders: OrdersService; box: SecretBox },
  ) {}

  /** Steps a channel's sync runs besides orders and push (Amazon: FBA inventory, reports). */
  private readonly syncSteps = new Map<OrderChannel, ChannelSyncStep[]>();

  addSyncStep(channel: OrderChannel, step: ChannelSyncStep): void {
    this.syncSteps.set(channel, [...(this.syncSteps.get(channel) ?? []), step]);
  }

  async connect(actor: Actor, input: ChannelConnect): Promise<SalesChannelDto> {
    requirePermission(actor, 'catalog:write');
    await assertPublicTargets(input);
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
      let credentials: StoredCredentials | null = null;
      if (input.type === 'shopify') {
        shopDomain = shopDomainOf(input);
        if (await channelsRepository.shopTakenElsewhere(sql, actor.accountId, shopDomain))
          throw new DomainError('DUPLICATE', `${shopDomain} is connected to another account`, {
            field: 'shopDomain',
          });
        webhookSecretEnc = this.deps.box.seal(input.webhookSecret);
        credentials = shopifyCredentials(input, shopDomain);
      } else if (input.type === 'amazon') {
        credentials = amazonCredentials(input);
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
      await auditTrail(sql, actor).record('channel.connect', ['channel', input.type], null, dto);
      return dto;
    });
  }

  async list(actor: Actor): Promise<SalesChannelDto[]> {
    requirePermission(actor, 'read');
    return (await channelsRepository.list(this.tx.sql, actor.accountId)).map(mapChannelDto);
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

  /** The API client for a connected channel (see connectors.ts). */
  connectorFor(record: ChannelRecord): ChannelConnector {
    return connectorFor(record, this.deps.box);
  }

  /**
   * Applies one order from a channel according to its status there; idempotent per (channel, external
   * id). The one place a channel's order is taken in, live (sync) or from a history file: a new order
   * already shipped there ships from available stock reserving nothing (docs/decisions.md 35,
   * OrdersService.createShipped); an open one reserves; one that exists ships from its reservation.
   */
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
    // No date, or one that is not a date (a file's or a connector's), ships now: never an invalid instant.
    const given = pulled.shippedAt?.getTime();
    const shippedAt = given !== undefined && Number.isFinite(given) ? new Date(given) : new Date();
    if (pulled.disposition === 'ship' && !existing)
      return { order: await this.deps.orders.createShipped(actor, pulled.intake, shippedAt), created: true };
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
        throw shippedButShort(pulled.intake, [...new Set(order.lines.map((l) => l.sku))]);
      }
      if (pulled.disposition === 'ship' && open && order.status !== 'cancelled') {
        const shipped = await this.deps.orders.ship(actor, order.id, { shippedAt: shippedAt.toISOString() });
        return { order: shipped, created: !existing };
      }
      return { order, created: !existing };
    });
  }

  /**
   * Pulls orders since the stored cursor, then (for Amazon) FBA inventory and reports, then pushes
   * available-to-sell when push is enabled; a step that asks to (Amazon's inventory while a location's
   * stock was never read) runs before orders (docs/decisions.md 47). Each step commits and is reported on
   * its own, in the order it ran; a failing step is reported, not thrown, unless nothing at all succeeded
   * (then UPSTREAM_FAILED). Orders refused for a curable reason hold the cursor (heldCursor).
   */
  async sync(actor: Actor, channel: OrderChannel, options: { push?: boolean } = {}) {
    requirePermission(actor, 'inventory:write');
    const record = await this.channelOf(actor, channel);
    if (!record)
      throw new DomainError('NOT_FOUND', `no ${channel} channel is connected`, { field: 'channel' });
    const connector = this.connectorFor(record);
    const result = {
      channel,
      ordersSeen: 0,
      ordersCreated: 0,
      ordersFailed: [] as PullFailure[],
      pushed: 0,
      cursor: record.pullCursor,
      steps: [] as SyncStepOutcome[],
    };
    const steps = this.syncSteps.get(channel) ?? [];
    const first = new Set<ChannelSyncStep>();
    for (const step of steps) if (await step.beforeOrders?.(actor, record)) first.add(step);
    for (const step of first) result.steps.push(await runStep(step.name, () => step.run(actor, record)));
    result.steps.push(
      await runStep('orders', async () => {
        const pulled = await connector.pullOrders(record.pullCursor);
        result.ordersSeen = pulled.orders.length;
        result.ordersFailed.push(...(pulled.failed ?? []));
        // Orders refused for a reason a later sync can cure hold the cursor, for HELD_CURSOR_MAX_DAYS at
        // most; then they are skipped and reported as the others are (docs/decisions.md 47).
        const waiting: (Date | null | undefined)[] = [];
        const now = new Date();
        let expired = 0;
        for (const p of pulled.orders) {
          try {
            if ((await this.ingest(actor, p)).created) result.ordersCreated += 1;
          } catch (error) {
            if (!isDomainError(error)) throw error;
            let message = error.message;
            if (isCurableRefusal(error.code)) {
              if (holdsCursor({ updatedAt: p.updatedAt, previous: record.pullCursor, now }))
                waiting.push(p.updatedAt);
              else {
                expired += 1;
                message += `; refused for more than ${HELD_CURSOR_MAX_DAYS} days: skipped, the sync no longer waits for it (import it from the All Orders report once its stock is recorded)`;
              }
            }
            result.ordersFailed.push({ externalId: p.intake.externalId, code: error.code, message });
          }
        }
        const cursor = heldCursor({ next: pulled.cursor, previous: record.pullCursor, waiting, now });
        if (cursor && cursor !== record.pullCursor) {
          await channelsRepository.setCursor(this.tx.sql, actor.accountId, channel, cursor);
          result.cursor = cursor;
        }
        const stop = pulled.stopped ? `; the order list stopped early (${pulled.stopped})` : '';
        const held =
          waiting.length > 0
            ? `; the cursor waits at ${cursor ?? 'the start'} for ${waiting.length} refused`
            : '';
        const skipped =
          expired > 0 ? `; ${expired} refused for more than ${HELD_CURSOR_MAX_DAYS} days skipped` : '';
        return `${result.ordersSeen} seen, ${result.ordersCreated} created, ${result.ordersFailed.length} failed${stop}${held}${skipped}`;
      }),
    );
    for (const step of steps)
      if (!first.has(step)) result.steps.push(await runStep(step.name, () => step.run(actor, record)));
    result.steps.push(
      record.pushConnector && options.push !== false
        ? await runStep('push', async () => {
            result.pushed = await connector.pushAvailability(await this.everySkuAvailable(actor, channel));
            return `${result.pushed} SKUs pushed`;
          })
        : skippedStep('push', 'pushing available-to-sell is turned off for this channel'),
    );
    if (nothingSucceeded(result.steps))
      throw new DomainError(
        'UPSTREAM_FAILED',
        `${channel}: ${result.steps.map((s) => `${s.step} ${s.status}${s.message ? `: ${s.message}` : ''}`).join('; ')}`,
        { field: 'channel' },
      );
    return result;
  }

  /** Available-to-sell of every SKU on this channel. */
  private async everySkuAvailable(actor: Actor, channel: OrderChannel) {
    const items: { sku: string; quantity: number }[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await this.availability(actor, channel, { limit: 1000, cursor });
      items.push(...page.items.map((i) => ({ sku: i.sku, quantity: i.availableToSell })));
      if (!page.nextCursor) return items;
      cursor = page.nextCursor;
    }
  }
}

/** Every outbound URL of a connection resolves to public addresses only (platform/outbound-url.ts). */
async function assertPublicTargets(input: ChannelConnect): Promise<void> {
  const urls: [string, string | undefined][] = [['availabilityWebhook.url', input.availabilityWebhook?.url]];
  if (input.type === 'shopify') urls.push(['apiBaseUrl', input.apiBaseUrl]);
  if (input.type === 'amazon') urls.push(['endpoint', input.endpoint], ['tokenUrl', input.tokenUrl]);
  for (const [field, url] of urls) if (url !== undefined) await assertPublicTarget(url, { field });
}
