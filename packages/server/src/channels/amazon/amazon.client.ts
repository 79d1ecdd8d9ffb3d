import type { AmazonOrderHeader } from '@stockwise/domain/channels/amazon/amazon-payloads';
import {
  amazonDisposition,
  amazonGetOrders,
  amazonOrderItemsToIntake,
} from '@stockwise/domain/channels/amazon/amazon-payloads';
import type { ChannelConnector, PulledOrder } from '../connector';
import { ConnectorError, expectOk, fetchWithRetry } from '../connector';

export interface AmazonCredentials {
  sellerId?: string | undefined;
  marketplaceId: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  endpoint?: string | undefined;
  tokenUrl?: string | undefined;
}

const DEFAULT_LOOKBACK_MS = 30 * 86_400_000;

/**
 * Selling Partner API client: Login with Amazon refresh-token grant for an access token, Orders v0
 * `getOrders` (LastUpdatedAfter = cursor, NextToken pages) and `getOrderItems` per order; quantities
 * go out through Listings Items `patchListingsItem` (fulfillment_availability, merchant-fulfilled).
 */
export class AmazonConnector implements ChannelConnector {
  private readonly endpoint: string;
  private token: { value: string; expiresAt: number } | undefined;

  constructor(
    private readonly creds: AmazonCredentials,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.endpoint = (creds.endpoint ?? 'https://sellingpartnerapi-na.amazon.com').replace(/\/$/, '');
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now() + 60_000) return this.token.value;
    const res = await fetchWithRetry(this.creds.tokenUrl ?? 'https://api.amazon.com/auth/o2/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: this.creds.refreshToken,
        client_id: this.creds.clientId,
        client_secret: this.creds.clientSecret,
      }).toString(),
    });
    const body = JSON.parse(await expectOk(res, 'Login with Amazon token')) as {
      access_token?: unknown;
      expires_in?: unknown;
    };
    if (typeof body.access_token !== 'string')
      throw new ConnectorError('Login with Amazon: no access_token', res.status);
    this.token = {
      value: body.access_token,
      expiresAt: Date.now() + (typeof body.expires_in === 'number' ? body.expires_in : 3600) * 1000,
    };
    return this.token.value;
  }

  private async call(path: string, init: RequestInit = {}): Promise<unknown> {
    const res = await fetchWithRetry(`${this.endpoint}${path}`, {
      ...init,
      headers: {
        'x-amz-access-token': await this.accessToken(),
        Accept: 'application/json',
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      },
    });
    return JSON.parse(
      await expectOk(res, `SP-API ${init.method ?? 'GET'} ${path.split('?')[0] ?? path}`),
    ) as unknown;
  }

  async pullOrders(cursor: string | null): Promise<{ orders: PulledOrder[]; cursor: string | null }> {
    const since = cursor ?? new Date(this.now().getTime() - DEFAULT_LOOKBACK_MS).toISOString();
    const headers: AmazonOrderHeader[] = [];
    let next: string | null = null;
    let until: string | null = null;
    do {
      const params = new URLSearchParams({ MarketplaceIds: this.creds.marketplaceId });
      if (next) params.set('NextToken', next);
      else params.set('LastUpdatedAfter', since);
      const page = amazonGetOrders(await this.call(`/orders/v0/orders?${params.toString()}`));
      headers.push(...page.orders);
      next = page.nextToken;
      until ??= page.lastUpdatedBefore;
    } while (next);
    const orders: PulledOrder[] = [];
    for (const header of headers) {
      const disposition = amazonDisposition(header.orderStatus);
      if (disposition === 'skip') continue;
      let itemsToken: string | null = null;
      let merged: PulledOrder['intake'] | undefined;
      do {
        const query: string = itemsToken ? `?NextToken=${encodeURIComponent(itemsToken)}` : '';
        const page = amazonOrderItemsToIntake(
          header,
          await this.call(`/orders/v0/orders/${encodeURIComponent(header.amazonOrderId)}/orderItems${query}`),
        );
        itemsToken = page.nextToken;
        const { nextToken: _next, ...intake } = page;
        merged = merged
          ? {
              ...merged,
              lines: [...merged.lines, ...intake.lines],
              unmapped: [...merged.unmapped, ...intake.unmapped],
            }
          : intake;
      } while (itemsToken);
      orders.push({ intake: merged, disposition });
    }
    return { orders, cursor: until ?? this.now().toISOString() };
  }

  async pushAvailability(items: readonly { sku: string; quantity: number }[]): Promise<number> {
    if (!this.creds.sellerId)
      throw new ConnectorError('set sellerId on the channel to push quantities', null);
    let pushed = 0;
    for (const item of items) {
      const body = JSON.stringify({
        productType: 'PRODUCT',
        patches: [
          {
            op: 'replace',
            path: '/attributes/fulfillment_availability',
            value: [{ fulfillment_channel_code: 'DEFAULT', quantity: item.quantity }],
          },
        ],
      });
      await this.call(
        `/listings/2021-08-01/items/${encodeURIComponent(this.creds.sellerId)}/${encodeURIComponent(item.sku)}?marketplaceIds=${encodeURIComponent(this.creds.marketplaceId)}`,
        { method: 'PATCH', body },
      );
      pushed += 1;
    }
    return pushed;
  }
}
