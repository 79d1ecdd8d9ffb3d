import { createHmac, timingSafeEqual } from 'node:crypto';
import { parseJsonLossless } from '@stockwise/domain/channels/lossless-json';
import type { ShopifyTopic } from '@stockwise/domain/channels/shopify/shopify-payloads';
import {
  normalizeShopDomain,
  SHOPIFY_TOPICS,
  shopifyCancelledOrderId,
  shopifyInventoryLevel,
  shopifyProductVariants,
  shopifyRefund,
} from '@stockwise/domain/channels/shopify/shopify-payloads';
import type { Actor } from '../../accounts/actor';
import { DomainError } from '@stockwise/domain/errors';
import { channelsRepository, type ChannelRecord } from '@stockwise/db/channels/channels.repository';
import { shopifyWebhooksRepository } from '@stockwise/db/channels/shopify-webhooks.repository';
import type { CatalogService } from '../../catalog/catalog.service';
import type { OrdersService } from '../../sales/orders.service';
import type { ChannelsService } from '../channels.service';
import { shopifyPulledOrder } from './shopify.client';
import type { AuthService } from '../../accounts/auth.service';
import type { Transactor } from '../../platform/transactor';
import type { SecretBox } from '../../platform/secret-box';

/** A verified Shopify webhook's effect, for the response and the tests. */
export interface WebhookOutcome {
  topic: string;
  action: WebhookAction;
  orderId: number | null;
  /** What was done or why nothing was, in words (refunds without restock, levels, product updates). */
  detail?: string;
  /** The SKUs a products/update changed, or the SKU an inventory level is for. */
  skus?: string[];
}

export const WEBHOOK_ACTIONS = [
  'created',
  'duplicate',
  'cancelled',
  'refunded',
  'no_restock',
  'updated',
  'recorded',
  'ignored',
] as const;
export type WebhookAction = (typeof WEBHOOK_ACTIONS)[number];

export interface ShopifyWebhookInput {
  shopDomain: string | undefined;
  topic: string | undefined;
  hmac: string | undefined;
  rawBody: Buffer;
}

/**
 * Shopify's signed webhooks, applied as the shop's owner: orders created or cancelled, refunds (restocked
 * lines come back, idempotent on the refund id), product updates (titles, barcodes, prices through the
 * catalog) and inventory levels (recorded as what the channel shows, never the ledger's stock:
 * docs/decisions.md).
 */
export class ShopifyWebhookService {
  constructor(
    private readonly tx: Transactor,
    private readonly deps: {
      orders: OrdersService;
      channels: ChannelsService;
      catalog: CatalogService;
      auth: AuthService;
      box: SecretBox;
    },
  ) {}

  /**
   * Verifies and applies a Shopify webhook. Undefined means "not verified" (unknown shop, no secret,
   * or a signature that is not HMAC-SHA256(secret, raw body)): the caller answers 401 and nothing changed.
   */
  async handle(input: ShopifyWebhookInput): Promise<WebhookOutcome | undefined> {
    const channel = await this.verifiedChannel(input);
    if (channel === undefined) return undefined;
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
    const orders = this.deps.orders;
    switch (topic as ShopifyTopic) {
      case 'orders/create':
        return this.orderCreated(actor, payload);
      case 'orders/cancelled': {
        const order = await orders.findByExternal(actor, 'shopify', shopifyCancelledOrderId(payload));
        if (!order) return { topic, action: 'ignored', orderId: null };
        await orders.cancel(actor, order.id);
        return { topic, action: 'cancelled', orderId: order.id };
      }
      case 'refunds/create':
        return this.refund(actor, channel, payload);
      case 'products/update':
        return this.productUpdate(actor, channel, payload);
      case 'inventory_levels/update':
        return this.inventoryLevel(channel, payload);
    }
  }

  /**
   * A new order, taken in as a sync takes it (ChannelsService.ingest, docs/decisions.md 39): one created
   * already fulfilled (a point-of-sale sale) ships from available stock reserving nothing, and when the
   * stock here cannot cover it nothing is written and the answer says why (200: a retry would not help);
   * an open one reserves, or is pending when short; a repeat is a duplicate.
   */
  private async orderCreated(actor: Actor, payload: unknown): Promise<WebhookOutcome> {
    const topic = 'orders/create';
    const pulled = shopifyPulledOrder(payload, new Date());
    let result;
    try {
      result = await this.deps.channels.ingest(actor, pulled);
    } catch (error) {
      if (
        pulled.disposition === 'ship' &&
        error instanceof DomainError &&
        error.code === 'INSUFFICIENT_STOCK'
      )
        return { topic, action: 'ignored', orderId: null, detail: error.message };
      throw error;
    }
    if (!result.order) {
      const detail = `order ${pulled.intake.externalId} was cancelled on Shopify before it arrived: nothing reserved`;
      return { topic, action: 'ignored', orderId: null, detail };
    }
    return { topic, action: result.created ? 'created' : 'duplicate', orderId: result.order.id };
  }

  /** Restocked lines return (or release) stock once per refund id; a refund without restock changes nothing. */
  private async refund(actor: Actor, channel: ChannelRecord, payload: unknown): Promise<WebhookOutcome> {
    const topic = 'refunds/create';
    const refund = shopifyRefund(payload);
    const order = await this.deps.orders.findByExternal(actor, 'shopify', refund.orderId);
    if (!order)
      return { topic, action: 'ignored', orderId: null, detail: `order ${refund.orderId} is unknown` };
    return this.tx.run(async (sql) => {
      if (!(await shopifyWebhooksRepository.claimRefund(sql, channel.id, refund.refundId))) {
        const applied = await shopifyWebhooksRepository.appliedRefund(sql, channel.id, refund.refundId);
        return {
          topic,
          action: 'duplicate',
          orderId: applied?.orderId ?? order.id,
          detail: `refund ${refund.refundId} was already applied`,
        };
      }
      const restocked = refund.lines.some((l) => l.restock !== 'none' && l.quantity > 0);
      const outcome: WebhookOutcome = restocked
        ? { topic, action: 'refunded', orderId: order.id }
        : {
            topic,
            action: 'no_restock',
            orderId: order.id,
            detail: `refund ${refund.refundId} restocks nothing (no_restock): stock unchanged`,
          };
      if (restocked)
        await this.deps.orders.applyRefund(
          actor,
          order.id,
          refund.lines,
          `shopify refund ${refund.refundId}`,
        );
      await shopifyWebhooksRepository.settleRefund(sql, channel.id, refund.refundId, outcome);
      return outcome;
    });
  }

  /**
   * Each variant with a SKU the catalog knows takes Shopify's title, barcode and price (a barcode or price
   * Shopify leaves empty keeps ours); the variant's inventory item is remembered for inventory levels.
   */
  private async productUpdate(
    actor: Actor,
    channel: ChannelRecord,
    payload: unknown,
  ): Promise<WebhookOutcome> {
    const { catalog } = this.deps;
    const updated: string[] = [];
    const notes: string[] = [];
    for (const v of shopifyProductVariants(payload)) {
      if (v.inventoryItemId)
        await shopifyWebhooksRepository.upsertInventoryItem(
          this.tx.sql,
          channel.id,
          v.inventoryItemId,
          v.sku,
        );
      let current;
      try {
        current = await catalog.getProduct(actor, v.sku);
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'UNKNOWN_SKU')) throw error;
        notes.push(`${v.sku}: not in the catalog`);
        continue;
      }
      const patch = {
        ...(v.title !== current.title ? { title: v.title } : {}),
        ...(v.barcode !== null && v.barcode !== current.barcode ? { barcode: v.barcode } : {}),
        ...(v.price !== null && v.price !== current.price ? { price: v.price } : {}),
      };
      if (Object.keys(patch).length === 0) continue;
      try {
        await catalog.updateProduct(actor, v.sku, patch);
        updated.push(v.sku);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        notes.push(`${v.sku}: ${error.message}`);
      }
    }
    const detail = [`${updated.length} SKU(s) updated`, ...notes].join('; ');
    return {
      topic: 'products/update',
      action: updated.length > 0 ? 'updated' : 'ignored',
      orderId: null,
      detail,
      skus: updated,
    };
  }

  /** Records what Shopify shows for one item at one location; the ledger is not touched (docs/decisions.md). */
  private async inventoryLevel(channel: ChannelRecord, payload: unknown): Promise<WebhookOutcome> {
    const topic = 'inventory_levels/update';
    const level = shopifyInventoryLevel(payload);
    const sql = this.tx.sql;
    const recorded = await shopifyWebhooksRepository.recordLevel(sql, channel.id, level);
    const sku = await shopifyWebhooksRepository.skuOfItem(sql, channel.id, level.inventoryItemId);
    const what = `${sku ?? `inventory item ${level.inventoryItemId}`} at Shopify location ${level.locationId}`;
    return recorded
      ? {
          topic,
          action: 'recorded',
          orderId: null,
          detail: `Shopify shows ${level.available ?? 'untracked'} for ${what}; stock here unchanged`,
          skus: sku ? [sku] : [],
        }
      : { topic, action: 'ignored', orderId: null, detail: `a later level for ${what} is already recorded` };
  }

  /** The shop's channel when it signed this body with its webhook secret; undefined when not verified. */
  private async verifiedChannel(input: ShopifyWebhookInput): Promise<ChannelRecord | undefined> {
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
    return channel;
  }
}
