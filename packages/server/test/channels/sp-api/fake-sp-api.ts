import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ServerResponse } from 'node:http';
import type { FbaQuantities } from '@stockwise/domain/channels/amazon/fba-inventory';
import { localServer } from '../../support/local-server';

const HERE = import.meta.dirname;
const fixture = (name: string) => readFileSync(join(HERE, name), 'utf8');

/** A report document the fake serves: its id, and the flat file (tab-separated) it holds. */
export interface FakeDocument {
  id: string;
  content: string;
}

/** What the fake SP-API answers; tests change it between syncs. */
export interface FakeSpApiState {
  /** getInventorySummaries' inventorySummaries (Amazon's InventorySummary shape). */
  summaries: Record<string, unknown>[];
  /** The next N getInventorySummaries calls answer 429 (x-amzn-RateLimit-Limit: 20). */
  throttle: number;
  /** Per report type, the document its next report is DONE with. */
  documents: Record<string, FakeDocument>;
  /**
   * getOrders' Orders (Amazon's Order shape) and each order's OrderItems; null serves the sandbox
   * fixture. Served with the sandbox's static NextToken.
   */
  orders: { order: Record<string, unknown>; items: Record<string, unknown>[] }[] | null;
}

export interface FakeSpApi {
  url: string;
  /** Every request: "METHOD /path?query". */
  calls: string[];
  /** PATCHed listings (push of available quantities). */
  patched: { sku: string; body: unknown }[];
  /** createReport bodies. */
  reportRequests: Record<string, unknown>[];
  state: FakeSpApiState;
  close(): void;
}

const send = (res: ServerResponse, status: number, payload: string, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(payload);
  return true;
};

/**
 * A local SP-API (127.0.0.1, a real socket) serving Amazon's published sandbox payloads: getOrders
 * with its static NextToken and CreatedBefore in epoch seconds, getOrderItems, getInventorySummaries
 * (static nextToken "seed"), the Reports API 2021-06-30 with GZIP documents, and Listings Items PATCH.
 */
export async function fakeSpApi(): Promise<FakeSpApi> {
  const fake: Omit<FakeSpApi, 'url' | 'close'> = {
    calls: [],
    patched: [],
    reportRequests: [],
    state: { summaries: [], throttle: 0, documents: {}, orders: null },
  };
  const reports = new Map<string, string>();
  let origin = '';
  const { url, server } = await localServer((req, body, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1');
    fake.calls.push(`${req.method ?? ''} ${path.pathname}${path.search}`);
    if (path.pathname === '/auth/o2/token')
      return send(res, 200, '{"access_token":"Atza|access","token_type":"bearer","expires_in":3600}');
    if (path.pathname.startsWith('/bucket/')) {
      const doc = Object.values(fake.state.documents).find((d) => `/bucket/${d.id}` === path.pathname);
      res.writeHead(doc ? 200 : 404, { 'Content-Type': 'application/octet-stream' });
      res.end(doc ? gzipSync(Buffer.from(doc.content, 'utf8')) : undefined);
      return;
    }
    if (req.headers['x-amz-access-token'] !== 'Atza|access')
      return send(res, 403, '{"errors":[{"code":"Unauthorized"}]}');
    const orders = fake.state.orders;
    if (path.pathname === '/orders/v0/orders')
      return orders
        ? send(
            res,
            200,
            JSON.stringify({
              payload: {
                Orders: orders.map((o) => o.order),
                NextToken: 'static-token',
                LastUpdatedBefore: '2024-06-01T00:00:00Z',
              },
            }),
          )
        : send(res, 200, fixture('getOrders-sandbox.json'));
    const items = /^\/orders\/v0\/orders\/([^/]+)\/orderItems$/.exec(path.pathname);
    const own = orders?.find((o) => o.order['AmazonOrderId'] === decodeURIComponent(items?.[1] ?? ''));
    if (own)
      return send(
        res,
        200,
        JSON.stringify({ payload: { AmazonOrderId: own.order['AmazonOrderId'], OrderItems: own.items } }),
      );
    if (items) {
      const own = `getOrderItems-${decodeURIComponent(items[1]!)}.json`;
      return send(res, 200, fixture(existsSync(join(HERE, own)) ? own : 'getOrderItems-sandbox.json'));
    }
    if (path.pathname === '/fba/inventory/v1/summaries') {
      if (fake.state.throttle > 0) {
        fake.state.throttle -= 1;
        return send(res, 429, '{"errors":[{"code":"QuotaExceeded"}]}', { 'x-amzn-RateLimit-Limit': '20' });
      }
      const marketplace = path.searchParams.get('marketplaceIds') ?? '';
      return send(
        res,
        200,
        JSON.stringify({
          pagination: { nextToken: 'seed' },
          payload: {
            granularity: { granularityType: 'Marketplace', granularityId: marketplace },
            inventorySummaries: fake.state.summaries,
          },
        }),
      );
    }
    const listing = /^\/listings\/2021-08-01\/items\/[^/]+\/(.+)$/.exec(path.pathname);
    if (listing && req.method === 'PATCH') {
      fake.patched.push({ sku: decodeURIComponent(listing[1]!), body: JSON.parse(body) as unknown });
      return send(res, 200, '{"status":"ACCEPTED"}');
    }
    if (path.pathname === '/reports/2021-06-30/reports' && req.method === 'POST') {
      const request = JSON.parse(body) as Record<string, unknown>;
      fake.reportRequests.push(request);
      const reportId = String(50000 + fake.reportRequests.length);
      reports.set(reportId, String(request['reportType']));
      return send(res, 202, JSON.stringify({ reportId }));
    }
    const report = /^\/reports\/2021-06-30\/reports\/(\d+)$/.exec(path.pathname);
    if (report) {
      const type = reports.get(report[1]!) ?? '';
      const doc = fake.state.documents[type];
      return send(
        res,
        200,
        JSON.stringify({
          reportId: report[1],
          reportType: type,
          processingStatus: doc ? 'DONE' : 'CANCELLED',
          marketplaceIds: ['ATVPDKIKX0DER'],
          createdTime: '2024-05-02T08:00:00Z',
          ...(doc ? { reportDocumentId: doc.id } : {}),
        }),
      );
    }
    const document = /^\/reports\/2021-06-30\/documents\/(.+)$/.exec(path.pathname);
    if (document) {
      const id = decodeURIComponent(document[1]!);
      return send(
        res,
        200,
        JSON.stringify({ reportDocumentId: id, url: `${origin}/bucket/${id}`, compressionAlgorithm: 'GZIP' }),
      );
    }
    return send(res, 404, '{"errors":[{"code":"NotFound"}]}');
  });
  origin = url;
  return { ...fake, url, close: () => server.close() };
}

/** Amazon's InventorySummary (details=true) for one SKU; quantities not given are 0. */
export function inventorySummary(sku: string, q: Partial<FbaQuantities>): Record<string, unknown> {
  const total =
    (q.fulfillable ?? 0) +
    (q.inboundWorking ?? 0) +
    (q.inboundShipped ?? 0) +
    (q.inboundReceiving ?? 0) +
    (q.reserved ?? 0) +
    (q.researching ?? 0) +
    (q.unfulfillable ?? 0);
  return {
    asin: 'B00T9QONN6',
    fnSku: `X00${sku.length}FNSKU`,
    sellerSku: sku,
    condition: 'NewItem',
    inventoryDetails: {
      fulfillableQuantity: q.fulfillable ?? 0,
      inboundWorkingQuantity: q.inboundWorking ?? 0,
      inboundShippedQuantity: q.inboundShipped ?? 0,
      inboundReceivingQuantity: q.inboundReceiving ?? 0,
      reservedQuantity: {
        totalReservedQuantity: q.reserved ?? 0,
        pendingCustomerOrderQuantity: q.reserved ?? 0,
        pendingTransshipmentQuantity: 0,
        fcProcessingQuantity: 0,
      },
      researchingQuantity: { totalResearchingQuantity: q.researching ?? 0, researchingQuantityBreakdown: [] },
      unfulfillableQuantity: {
        totalUnfulfillableQuantity: q.unfulfillable ?? 0,
        customerDamagedQuantity: q.unfulfillable ?? 0,
        warehouseDamagedQuantity: 0,
        distributorDamagedQuantity: 0,
        carrierDamagedQuantity: 0,
        defectiveQuantity: 0,
        expiredQuantity: 0,
      },
    },
    lastUpdatedTime: '2024-05-02T07:00:00Z',
    productName: sku,
    totalQuantity: total,
  };
}

/** An Amazon Order (getOrders) and its one line, shipped or not, by Amazon (AFN) or the seller (MFN). */
export function amazonOrder(o: {
  id: string;
  sku: string;
  quantity: number;
  unitPrice: number;
  status: 'Shipped' | 'Unshipped';
  fulfilment: 'AFN' | 'MFN';
  purchased: string;
  updated: string;
  marketplaceId?: string;
}): { order: Record<string, unknown>; items: Record<string, unknown>[] } {
  const amount = (o.unitPrice * o.quantity).toFixed(2);
  return {
    order: {
      AmazonOrderId: o.id,
      PurchaseDate: o.purchased,
      LastUpdateDate: o.updated,
      OrderStatus: o.status,
      FulfillmentChannel: o.fulfilment,
      SalesChannel: 'Amazon.com',
      OrderTotal: { CurrencyCode: 'USD', Amount: amount },
      MarketplaceId: o.marketplaceId ?? 'ATVPDKIKX0DER',
      OrderType: 'StandardOrder',
    },
    items: [
      {
        ASIN: 'B00T9QONN6',
        SellerSKU: o.sku,
        OrderItemId: `${o.id}-1`,
        QuantityOrdered: o.quantity,
        ItemPrice: { CurrencyCode: 'USD', Amount: amount },
      },
    ],
  };
}
