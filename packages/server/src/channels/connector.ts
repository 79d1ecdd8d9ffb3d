import type { AmazonDisposition } from '@stockwise/domain/channels/amazon/amazon-payloads';
import type { OrderIntake } from '@stockwise/domain/sales/intake';
import { guardedFetch } from '../platform/outbound-url';

export interface PulledOrder {
  intake: OrderIntake;
  disposition: AmazonDisposition;
}

/** What a channel client does for Stockwise: bring orders in since a cursor, send available quantities out. */
export interface ChannelConnector {
  /** Orders created or updated after `cursor` (null: the channel's default look-back), and the cursor to pass next time. */
  pullOrders(cursor: string | null): Promise<{ orders: PulledOrder[]; cursor: string | null }>;
  /** Sets what the channel may sell per SKU; returns how many SKUs it updated. */
  pushAvailability(items: readonly { sku: string; quantity: number }[]): Promise<number>;
}

export class ConnectorError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}

/**
 * fetch with a timeout and a bounded retry on 429 / 5xx, honouring Retry-After (seconds); through the
 * outbound guard (public addresses only, no redirects: platform/outbound-url.ts).
 */
export async function fetchWithRetry(
  url: string,
  init: RequestInit & { attempts?: number; timeoutMs?: number } = {},
): Promise<Response> {
  const attempts = init.attempts ?? 4;
  for (let attempt = 1; ; attempt++) {
    if (init.body !== undefined && init.body !== null && typeof init.body !== 'string')
      throw new TypeError('connector requests send text bodies');
    const res = await guardedFetch(url, {
      method: init.method ?? 'GET',
      ...(init.headers ? { headers: init.headers } : {}),
      body: init.body ?? null,
      signal: AbortSignal.timeout(init.timeoutMs ?? 30_000),
    });
    if ((res.status === 429 || res.status >= 500) && attempt < attempts) {
      const retryAfter = Number(res.headers.get('Retry-After'));
      await res.body?.cancel();
      await new Promise((resolve) =>
        setTimeout(
          resolve,
          Number.isFinite(retryAfter) && retryAfter > 0
            ? Math.min(retryAfter, 10) * 1000
            : 200 * 2 ** attempt,
        ),
      );
      continue;
    }
    return res;
  }
}

/** The body of a 2xx; otherwise the status and its reason only (a failing body is never echoed: it may hold internal data). */
export async function expectOk(res: Response, what: string): Promise<string> {
  if (!res.ok) {
    await res.body?.cancel();
    throw new ConnectorError(`${what}: HTTP ${res.status} ${res.statusText}`.trimEnd(), res.status);
  }
  return res.text();
}
