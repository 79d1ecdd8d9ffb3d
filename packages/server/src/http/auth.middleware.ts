import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Stockwise } from '../stockwise';
import type { AppEnv } from './env';
import { problem } from './problem';

export const SESSION_COOKIE = 'stockwise_session';

/** Authenticates by `Authorization: Bearer <token>` or the session cookie; everything else gets 401. */
export function authenticate(sw: Stockwise): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    let principal;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S{10,200})$/i.exec(header);
      principal = match?.[1] ? await sw.auth.authenticateBearer(match[1]) : undefined;
    } else {
      const cookie = getCookie(c, SESSION_COOKIE);
      principal = cookie && cookie.length <= 200 ? await sw.auth.authenticateSession(cookie) : undefined;
    }
    if (!principal) {
      return problem(c, 401, {
        code: 'UNAUTHENTICATED',
        detail: 'sign in, or send Authorization: Bearer <token>',
      });
    }
    c.set('actor', principal);
    await next();
  };
}
