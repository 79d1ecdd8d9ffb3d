import { gunzipSync } from 'node:zlib';
import type { AmazonOrderHeader } from '@stockwise/domain/channels/amazon/amazon-payloads';
import {
  amazonDisposition,
  amazonGetOrders,
  amazonOrderItemsToIntake,
  amazonShippedAt,
} from '@stockwise/domain/channels/amazon/amazon-payloads';
import type { FbaSummary } from '@stockwise/domain/channels/amazon/fba-inventory';
import { amazonInventorySummaries } from '@stockwise/domain/channels/amazon/fba-inventory';
import { amazonMarketplace, SP_API_ENDPOINTS } from '@stockwise/domain/channels/amazon/marketplaces';
import type { PageStop } from '@stockwise/domain/channels/paging';
import { isoInstant } from '@stockwise/domain/channels/paging';
import { obj, optStr, str } from '@stockwise/domain/channels/read';
import { isDomainError } from '@stockwise/domain/errors';
import type { OrderIntake } from '@stockwise/domain/sales/intake';
import type { ChannelConnector, PulledOrder, PullFailure, PullResult } from '../connector';
import { ConnectorError, expectOk, fetchWithRetry, readPages } from '../connector';

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
    readonly creds: AmazonCredentials,
    private readonly now: () => Date = () => new Date(),
  ) {
    // The SP-API region follows the marketplace (an explicit endpoint wins: the sandbox, a test server).
    const region = amazonMarketplace(creds.marketplaceId)?.region ?? 'na';
    this.endpoint = (creds.endpoint ?? SP_API_ENDPOINTS[region]).replace(/\/$/, '');
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

  async pullOrders(cursor: string | null): Promise<PullResult> {
    const since = isoInstant(cursor) ?? new Date(this.now().getTime() - DEFAULT_LOOKBACK_MS).toISOString();
    let until: string | null = null;
    const listed = await readPages<AmazonOrderHeader>(async (token) => {
      const params = new URLSearchParams({ MarketplaceIds: this.creds.marketplaceId });
      if (token) params.set('NextToken', token);
      else params.set('LastUpdatedAfter', since);
      const page = amazonGetOrders(await this.call(`/orders/v0/orders?${params.toString()}`));
      until ??= page.lastUpdatedBefore;
      return { items: page.orders, nextToken: page.nextToken };
    });
    const orders: PulledOrder[] = [];
    const failed: PullFailure[] = [];
    // A page served twice (a repeated token) lists its orders twice: each order is read once.
    const unique = new Map(listed.items.map((h) => [h.amazonOrderId, h]));
    for (const header of unique.values()) {
      const disposition = amazonDisposition(header.orderStatus);
      if (disposition === 'skip') continue;
      try {
        const intake = await this.orderIntake(header);
        // A Shipped order ships at Amazon's date, not at this sync's (docs/decisions.md 45).
        const updatedAt = header.lastUpdateDate ?? null;
        orders.push(
          disposition === 'ship'
            ? { intake, disposition, updatedAt, shippedAt: amazonShippedAt(header, this.now()) }
            : { intake, disposition, updatedAt },
        );
      } catch (error) {
        // One order whose items cannot be read is reported; the others still come in.
        failed.push({
          externalId: header.amazonOrderId,
          code: isDomainError(error) ? error.code : 'UPSTREAM_FAILED',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
    // A list cut short resumes next time from where it was read up to, not from the channel's horizon.
    return {
      orders,
      failed,
      stopped: listed.stopped,
      cursor: listed.stopped
        ? (lastUpdated(listed.items) ?? since)
        : (isoInstant(until) ?? this.now().toISOString()),
    };
  }

  /** One order's lines over its getOrderItems pages. */
  private async orderIntake(header: AmazonOrderHeader): Promise<OrderIntake> {
    let first: (OrderIntake & { nextToken: string | null }) | undefined;
    const pages = await readPages<OrderIntake>(async (token) => {
      const query = token ? `?NextToken=${encodeURIComponent(token)}` : '';
      const page = amazonOrderItemsToIntake(
        header,
        await this.call(`/orders/v0/orders/${encodeURIComponent(header.amazonOrderId)}/orderItems${query}`),
      );
      first ??= page;
      return { items: [page], nextToken: page.nextToken };
    });
    const { nextToken: _next, ...intake } = first!;
    return {
      ...intake,
      lines: pages.items.flatMap((p) => p.lines),
      unmapped: pages.items.flatMap((p) => p.unmapped),
    };
  }

  /** FBA Inventory v1 getInventorySummaries (details=true) of one marketplace, over its pages. */
  async inventorySummaries(
    marketplaceId: string,
  ): Promise<{ summaries: FbaSummary[]; stopped: PageStop | null }> {
    const read = await readPages<FbaSummary>(async (token) => {
      const params = new URLSearchParams({
        details: 'true',
        granularityType: 'Marketplace',
        granularityId: marketplaceId,
        marketplaceIds: marketplaceId,
      });
      if (token) params.set('nextToken', token);
      const page = amazonInventorySummaries(
        await this.call(`/fba/inventory/v1/summaries?${params.toString()}`),
      );
      return { items: page.summaries, nextToken: page.nextToken };
    });
    // A repeated page lists its SKUs twice: the last answer of each SKU is Amazon's figure.
    return { summaries: [...new Map(read.items.map((s) => [s.sku, s])).values()], stopped: read.stopped };
  }

  /** Reports API createReport: the report's id. */
  async createReport(r: { reportType: string; dataStartTime: string | null }): Promise<string> {
    const body = obj(
      await this.call('/reports/2021-06-30/reports', {
        method: 'POST',
        body: JSON.stringify({
          reportType: r.reportType,
          marketplaceIds: [this.creds.marketplaceId],
          ...(r.dataStartTime ? { dataStartTime: r.dataStartTime } : {}),
        }),
      }),
      'createReport',
    );
    return str(body['reportId'], 'createReport.reportId');
  }

  /** Reports API getReport: its processing status, and its document once DONE. */
  async getReport(reportId: string): Promise<{ status: string; documentId: string | null }> {
    const body = obj(
      await this.call(`/reports/2021-06-30/reports/${encodeURIComponent(reportId)}`),
      'getReport',
    );
    return {
      status: str(body['processingStatus'], 'getReport.processingStatus'),
      documentId: optStr(body['reportDocumentId']),
    };
  }

  /** Reports API getReportDocument, then the document itself from its URL (GZIP when Amazon says so). */
  async reportDocument(documentId: string): Promise<string> {
    const meta = obj(
      await this.call(`/reports/2021-06-30/documents/${encodeURIComponent(documentId)}`),
      'getReportDocument',
    );
    const url = str(meta['url'], 'getReportDocument.url');
    // A pre-signed URL: no SP-API token goes with it.
    const res = await fetchWithRetry(url, { method: 'GET' });
    if (!res.ok) throw new ConnectorError(`report document ${documentId}: HTTP ${res.status}`, res.status);
    const bytes = Buffer.from(await res.arrayBuffer());
    return (optStr(meta['compressionAlgorithm']) === 'GZIP' ? gunzipSync(bytes) : bytes).toString('utf8');
  }

  /** A client for another marketplace of the same seller (its region's endpoint unless one is set). */
  forMarketplace(marketplaceId: string): AmazonConnector {
    return marketplaceId === this.creds.marketplaceId
      ? this
      : new AmazonConnector({ ...this.creds, marketplaceId }, this.now);
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

/** The latest update time among the orders read (the cursor of a list cut short), null when none. */
function lastUpdated(headers: readonly AmazonOrderHeader[]): string | null {
  let latest: string | null = null;
  for (const h of headers) {
    const at = h.lastUpdateDate?.toISOString() ?? null;
    if (at !== null && (latest === null || at > latest)) latest = at;
  }
  return latest;
}
