import type { AmazonDisposition } from '@stockwise/domain/channels/amazon/amazon-payloads';
import type { PageStop } from '@stockwise/domain/channels/paging';
import { pageStep } from '@stockwise/domain/channels/paging';
import type { OrderIntake } from '@stockwise/domain/sales/intake';
import { guardedFetch } from '../platform/outbound-url';

export interface PulledOrder {
  intake: OrderIntake;
  disposition: AmazonDisposition;
  /** When a shipped order left, where the channel or file says (default: when it is taken in). */
  shippedAt?: Date | undefined;
  /** When the channel last changed it (what its order cursor compares), when it says. */
  updatedAt?: Date | null | undefined;
}

/** An order the channel listed that could not be read; the others go on. */
export interface PullFailure {
  externalId: string;
  code: string;
  message: string;
}

export interface PullResult {
  orders: PulledOrder[];
  /** The cursor to pass next time: an ISO 8601 instant. */
  cursor: string | null;
  /** Orders skipped because their payload was not what the channel documents. */
  failed?: PullFailure[];
  /** Why the order list ended early (a repeated token or the page limit), null when it ended. */
  stopped?: PageStop | null;
}

/** What a channel client does for Stockwise: bring orders in since a cursor, send available quantities out. */
export interface ChannelConnector {
  /** Orders created or updated after `cursor` (null: the channel's default look-back), and the cursor to pass next time. */
  pullOrders(cursor: string | null): Promise<PullResult>;
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
 * The one place Stockwise calls a channel's API over the network: every connector request goes
 * through here, and through the outbound guard.
 */
export async function channelFetch(
  url: string,
  init: RequestInit & { timeoutMs?: number },
): Promise<Response> {
  if (init.body !== undefined && init.body !== null && typeof init.body !== 'string')
    throw new TypeError('connector requests send text bodies');
  // Public addresses only, no redirects followed (platform/outbound-url.ts).
  return guardedFetch(url, {
    method: init.method ?? 'GET',
    ...(init.headers ? { headers: init.headers } : {}),
    body: init.body ?? null,
    signal: AbortSignal.timeout(init.timeoutMs ?? 30_000),
  });
}

/** Longest single wait before a retry, and the most a request waits in all. */
const MAX_WAIT_MS = 10_000;
const MAX_TOTAL_WAIT_MS = 30_000;

/**
 * How long to wait before retrying a throttled (429) or failing (5xx) request: the server's
 * Retry-After (seconds), else one request's share of SP-API's `x-amzn-RateLimit-Limit` (requests
 * per second), else exponential back-off from 200 ms; never more than 10 s.
 */
export function retryDelayMs(headers: Headers, attempt: number): number {
  const retryAfter = Number(headers.get('Retry-After') ?? NaN);
  if (Number.isFinite(retryAfter) && retryAfter > 0) return Math.min(retryAfter * 1000, MAX_WAIT_MS);
  const rate = Number(headers.get('x-amzn-RateLimit-Limit') ?? NaN);
  if (Number.isFinite(rate) && rate > 0) return Math.min(Math.ceil(1000 / rate), MAX_WAIT_MS);
  return Math.min(200 * 2 ** attempt, MAX_WAIT_MS);
}

/** A request with a timeout and a bounded retry on 429 / 5xx (at most `attempts` tries and 30 s of waiting). */
export async function fetchWithRetry(
  url: string,
  init: RequestInit & { attempts?: number; timeoutMs?: number } = {},
): Promise<Response> {
  const { attempts = 4, ...request } = init;
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    const res = await channelFetch(url, request);
    if ((res.status === 429 || res.status >= 500) && attempt < attempts) {
      const delay = retryDelayMs(res.headers, attempt);
      if (waited + delay <= MAX_TOTAL_WAIT_MS) {
        waited += delay;
        await res.body?.cancel();
        await new Promise((resolve) => setTimeout(resolve, delay));
        continue;
      }
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

/**
 * Reads a paged list to its end, or until the channel repeats a token or the page limit is reached
 * (see pageStep): never an endless loop.
 */
export async function readPages<T>(
  fetchPage: (token: string | null) => Promise<{ items: readonly T[]; nextToken: string | null }>,
  options: { maxPages?: number } = {},
): Promise<{ items: T[]; stopped: PageStop | null }> {
  const items: T[] = [];
  const followed = new Set<string>();
  let token: string | null = null;
  for (let pages = 1; ; pages++) {
    const page = await fetchPage(token);
    items.push(...page.items);
    const step = pageStep({ token: page.nextToken, followed, pages, ...options });
    if ('stop' in step) return { items, stopped: step.stop === 'done' ? null : step.stop };
    followed.add(step.next);
    token = step.next;
  }
}
