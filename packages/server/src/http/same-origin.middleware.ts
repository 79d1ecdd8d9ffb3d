import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './env';
import { problem } from './problem';

type Env = Readonly<Record<string, string | undefined>>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function flag(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** `STOCKWISE_TRUST_PROXY`: a TLS-terminating proxy in front sets `X-Forwarded-Proto` and `-Host`, and we believe it. */
export function trustProxy(env: Env = process.env): boolean {
  return flag(env['STOCKWISE_TRUST_PROXY']);
}

/**
 * Whether the browser reached us over https: directly, through a trusted proxy, or because the operator
 * says so (`STOCKWISE_SECURE_COOKIES`). Session cookies are `Secure` then.
 */
export function isSecureRequest(c: Context, env: Env = process.env): boolean {
  if (flag(env['STOCKWISE_SECURE_COOKIES'])) return true;
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy(env) && c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim() === 'https';
}

/**
 * The client's address, for per-address throttling: the socket's peer, or behind a trusted proxy the
 * last `X-Forwarded-For` entry (the one our proxy added; earlier entries are whatever the client sent).
 */
export function clientAddress(c: Context<AppEnv>, env: Env = process.env): string | undefined {
  if (trustProxy(env)) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return c.env?.incoming?.socket.remoteAddress;
}

/** The host the browser addressed: `Host`, or the proxy's `X-Forwarded-Host` when trusted. */
function requestHost(c: Context, env: Env): string | undefined {
  const forwarded = trustProxy(env) ? c.req.header('X-Forwarded-Host')?.split(',')[0]?.trim() : undefined;
  return (forwarded ?? c.req.header('Host') ?? new URL(c.req.url).host).toLowerCase();
}

/**
 * CSRF defence for writes a browser makes with the session cookie: the browser says where the request
 * comes from (`Sec-Fetch-Site`, or `Origin` in older browsers) and a page on another site is refused
 * with 403 — whatever the content type (a form or `text/plain` body needs no CORS preflight).
 * Bearer-token calls carry no ambient credential and pass; so do clients that send neither header
 * (curl, the CLI), which no attacker's page can make a browser be.
 */
export function sameOriginWrites(env: Env = process.env): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || c.req.header('Authorization') !== undefined) return next();
    const site = c.req.header('Sec-Fetch-Site')?.toLowerCase();
    const origin = c.req.header('Origin');
    let foreign: string | undefined;
    if (site !== undefined) {
      // `none`: the user typed or bookmarked it; `same-origin`: our own dashboard.
      if (site !== 'same-origin' && site !== 'none') foreign = `Sec-Fetch-Site: ${site}`;
    } else if (origin !== undefined) {
      let host: string | undefined;
      try {
        host = origin === 'null' ? undefined : new URL(origin).host.toLowerCase();
      } catch {
        host = undefined;
      }
      if (host === undefined || host !== requestHost(c, env)) foreign = `Origin: ${origin}`;
    }
    if (foreign !== undefined)
      return problem(c, 403, {
        code: 'CROSS_ORIGIN_REQUEST',
        detail: `a write from another site is refused (${foreign}); use the dashboard or an API token`,
      });
    return next();
  };
}

const IMPORT_TYPES = new Set(['text/csv', 'text/tab-separated-values']);

/**
 * Import uploads: only their real content types (a form post or `text/plain` is not an import, so a
 * cross-site form cannot send one), and a size limit counted on the stream itself, so a chunked body
 * without `Content-Length` is cut off too (413).
 */
export function importUpload(maxBytes: number): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      problem(c, 413, {
        code: 'PAYLOAD_TOO_LARGE',
        detail: `import files are limited to ${maxBytes} bytes`,
        field: '(body)',
      }),
  });
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!IMPORT_TYPES.has(type))
      return problem(c, 415, {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        detail: `send the file as text/csv or text/tab-separated-values${type ? `, not ${type}` : ''}`,
        field: 'Content-Type',
      });
    return limit(c, next);
  };
}
