import { describe, expect, it } from 'vitest';
import { readPages, retryDelayMs } from './connector';

describe('retryDelayMs', () => {
  it("waits the server's Retry-After, capped at 10 s", () => {
    expect(retryDelayMs(new Headers({ 'Retry-After': '2' }), 1)).toBe(2000);
    expect(retryDelayMs(new Headers({ 'Retry-After': '120' }), 1)).toBe(10_000);
  });

  it("else one request's share of x-amzn-RateLimit-Limit (requests per second)", () => {
    // getInventorySummaries' usage plan: 2 requests per second → 500 ms; 0.0167 (one a minute) → capped.
    expect(retryDelayMs(new Headers({ 'x-amzn-RateLimit-Limit': '2.0' }), 1)).toBe(500);
    expect(retryDelayMs(new Headers({ 'x-amzn-RateLimit-Limit': '0.0167' }), 1)).toBe(10_000);
  });

  it('else 200 ms doubling per attempt', () => {
    expect([1, 2, 3].map((a) => retryDelayMs(new Headers(), a))).toEqual([400, 800, 1600]);
    expect(retryDelayMs(new Headers({ 'Retry-After': 'soon' }), 1)).toBe(400);
  });
});

describe('readPages', () => {
  it('stops on a repeated token and after the page limit, keeping what it read', async () => {
    let calls = 0;
    const looping = await readPages(async () => {
      calls += 1;
      return Promise.resolve({ items: [calls], nextToken: 'static' });
    });
    expect(looping).toEqual({ items: [1, 2], stopped: 'repeated-token' });
    let n = 0;
    const endless = await readPages(
      async () => {
        n += 1;
        return Promise.resolve({ items: [n], nextToken: `t${n}` });
      },
      { maxPages: 3 },
    );
    expect(endless).toEqual({ items: [1, 2, 3], stopped: 'page-limit' });
    const done = await readPages(async (token) =>
      Promise.resolve({ items: [token], nextToken: token ? null : 'a' }),
    );
    expect(done).toEqual({ items: [null, 'a'], stopped: null });
  });
});
