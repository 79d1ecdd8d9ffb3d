import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { idempotencyRepository } from '@stockwise/db/idempotency.repository';
import type { Stockwise } from '../stockwise';
import type { AppEnv } from './env';
import { problem } from './problem';

class RollBack extends Error {}

/**
 * Honours `Idempotency-Key` on writes: the first request's response is stored in the same
 * transaction as its effects; a retry gets that response back and changes nothing; the same key
 * with another request is refused. A failed request stores nothing, so it may be retried.
 */
export function idempotency(sw: Stockwise): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header('Idempotency-Key');
    if (key === undefined || c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (key.length === 0 || key.length > 255) {
      return problem(c, 400, {
        code: 'VALIDATION_FAILED',
        detail: 'Idempotency-Key must be 1 to 255 characters',
        field: 'Idempotency-Key',
      });
    }
    const actor = c.get('actor');
    const body = await c.req.raw.clone().arrayBuffer();
    const requestHash = createHash('sha256')
      .update(`${c.req.method} ${c.req.path}\n`)
      .update(Buffer.from(body))
      .digest('hex');
    try {
      return await sw.tx.run(async (sql) => {
        const stored = await idempotencyRepository.claim(sql, actor.accountId, key, requestHash);
        if (stored) {
          if (stored.requestHash !== requestHash) {
            return problem(c, 422, {
              code: 'IDEMPOTENCY_KEY_REUSED',
              detail: 'this Idempotency-Key was used for a different request',
              field: 'Idempotency-Key',
            });
          }
          return c.json(stored.response, (stored.status ?? 200) as 200, { 'Idempotent-Replayed': 'true' });
        }
        await next();
        if (c.error || c.res.status >= 400) throw new RollBack();
        const text = await c.res.clone().text();
        await idempotencyRepository.complete(sql, actor.accountId, key, {
          status: c.res.status,
          response: text ? (JSON.parse(text) as unknown) : null,
        });
        return c.res;
      });
    } catch (error) {
      if (error instanceof RollBack) return c.res;
      throw error;
    }
  };
}
