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
import { DomainError } from '@stockwise/domain/errors';
import { channelsRepository } from '@stockwise/db/channels/channels.repository';
import type { OrdersService } from '../../sales/orders.service';
import type { AuthService } from '../../accounts/auth.service';
import type { Transactor } from '../../platform/transactor';
import type { SecretBox } from '../../platform/secret-box';

/** A verified Shopify webhook's effect, for the response and the tests. */
export interface WebhookOutcome {
  topic: string;
  action: 'created' | 'duplicate' | 'cancelled' | 'refunded' | 'ignored';
  orderId: number | null;
}

export interface ShopifyWebhookInput {
  shopDomain: string | undefined;
  topic: string | undefined;
  hmac: string | undefined;
  rawBody: Buffer;
}

/** Shopify's signed webhooks: orders created or cancelled and refunds, applied as the shop's owner. */
export class ShopifyWebhookService {
  constructor(
    private readonly tx: Transactor,
    private readonly deps: { orders: OrdersService; auth: AuthService; box: SecretBox },
  ) {}

  /**
   * Verifies and applies a Shopify webhook. Undefined means "not verified" (unknown shop, no secret,
   * or a signature that is not HMAC-SHA256(secret, raw body)): the caller answers 401 and nothing changed.
   */
  async handle(input: ShopifyWebhookInput): Promise<WebhookOutcome | undefined> {
    const accountId = await this.verifiedAccount(input);
    if (accountId === undefined) return undefined;
    const topic = input.topic ?? '';
    if (!(SHOPIFY_TOPICS as readonly string[]).includes(topic))
      return { topic, action: 'ignored', orderId: null };
    let payload: unknown;
    try {
      payload = parseJsonLossless(input.rawBody.toString('utf8'));
    } catch {
      throw new DomainError('VALIDATION_FAILED', 'the webhook body is not JSON', { field: '(body)' });
    }
    const actor = await this.deps.auth.ownerOf(accountId);
    const orders = this.deps.orders;
    switch (topic as ShopifyTopic) {
      case 'orders/create': {
        const order = await orders.create(actor, shopifyOrderToIntake(payload), {
          unknownSkus: 'unmap',
          shortStock: 'pending',
        });
        return { topic, action: order.replayed ? 'duplicate' : 'created', orderId: order.id };
      }
      case 'orders/cancelled': {
        const order = await orders.findByExternal(actor, 'shopify', shopifyCancelledOrderId(payload));
        if (!order) return { topic, action: 'ignored', orderId: null };
        await orders.cancel(actor, order.id);
        return { topic, action: 'cancelled', orderId: order.id };
      }
      case 'refunds/create': {
        const refund = shopifyRefund(payload);
        const order = await orders.findByExternal(actor, 'shopify', refund.orderId);
        if (!order) return { topic, action: 'ignored', orderId: null };
        await orders.applyRefund(actor, order.id, refund.lines);
        return { topic, action: 'refunded', orderId: order.id };
      }
    }
  }

  /** The account of the shop that signed this body with its webhook secret; undefined when not verified. */
  private async verifiedAccount(input: ShopifyWebhookInput): Promise<number | undefined> {
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
    return channel.accountId;
  }
}
