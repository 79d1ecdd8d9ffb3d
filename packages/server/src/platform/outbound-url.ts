import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { request as httpRequest } from 'node:http';
import type { IncomingMessage, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';
import { Readable } from 'node:stream';
import { DomainError } from '@stockwise/domain/errors';

/**
 * Outbound connections (webhooks, channel connectors, SMTP) go only to public addresses: a manager who
 * could point one at 169.254.169.254 or 10.0.0.1 would make the server read internal services for them
 * (docs/architecture.md, "Outbound connections"). The operator may allow private targets (a webhook on
 * the LAN, the tests' local servers) with `STOCKWISE_ALLOW_PRIVATE_URLS=1`.
 */
export function privateUrlsAllowed(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const v = env['STOCKWISE_ALLOW_PRIVATE_URLS'];
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

const BLOCKED = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  BLOCKED.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b::', 96], // NAT64 of an IPv4 address
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const)
  BLOCKED.addSubnet(net, bits, 'ipv6');

/** Host names that never denote a public service, whatever a resolver answers for them. */
const INTERNAL_NAME = /(^|\.)(localhost|internal|local|localdomain|home\.arpa)\.?$/i;

/** True for an address an outbound connection may reach: not loopback, private, link-local, unique-local or metadata. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !BLOCKED.check(address, 'ipv4');
  if (family !== 6) return false;
  const lower = address.toLowerCase();
  // An IPv4-mapped IPv6 address (::ffff:10.0.0.1 or ::ffff:a00:1) reaches the IPv4 address inside it.
  const mapped = /^::ffff:(?:0:)?(.+)$/.exec(lower)?.[1];
  if (mapped !== undefined) {
    if (isIP(mapped) === 4) return isPublicAddress(mapped);
    const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(mapped);
    if (!hex) return false;
    const n = (parseInt(hex[1] ?? '0', 16) << 16) | parseInt(hex[2] ?? '0', 16);
    return isPublicAddress([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'));
  }
  return !BLOCKED.check(lower, 'ipv6');
}

/** `[::1]` → `::1`: URL host names keep IPv6 literals in brackets. */
function bareHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

class RefusedAddressError extends Error {
  constructor(host: string, address?: string) {
    super(
      address === undefined || address === host
        ? `${host} is an internal address`
        : `${host} resolves to an internal address (${address})`,
    );
    this.name = 'RefusedAddressError';
  }
}

async function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses) => {
      if (error) reject(error);
      else resolve(addresses);
    });
  });
}

/**
 * Resolves a host and returns one of its addresses, refusing the host if any address it resolves to
 * is internal (a name that answers both a public and a private address is a rebinding attempt).
 */
export async function resolvePublicAddress(
  hostname: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<string> {
  const host = bareHost(hostname);
  const allowed = privateUrlsAllowed(env);
  if (isIP(host) !== 0) {
    if (!allowed && !isPublicAddress(host)) throw new RefusedAddressError(host);
    return host;
  }
  if (!allowed && INTERNAL_NAME.test(host)) throw new RefusedAddressError(host);
  const addresses = await resolveAll(host);
  const bad = addresses.find((a) => !isPublicAddress(a.address));
  if (!allowed && bad) throw new RefusedAddressError(host, bad.address);
  const first = addresses[0];
  if (!first) throw new Error(`${host} has no address`);
  return first.address;
}

/**
 * The save-time check of a URL or host a user configures: it must resolve, and only to public addresses
 * (unless `STOCKWISE_ALLOW_PRIVATE_URLS` is set). Throws VALIDATION_FAILED naming `field` (a 400).
 */
export async function assertPublicTarget(
  target: string,
  options: { field: string; env?: Readonly<Record<string, string | undefined>> },
): Promise<void> {
  let host = target;
  if (target.includes('://')) {
    try {
      host = new URL(target).hostname;
    } catch {
      throw new DomainError('VALIDATION_FAILED', `${options.field}: not a URL`, { field: options.field });
    }
  }
  // An operator who allows private URLs has turned the guard off: nothing to resolve at save time
  // (a host the machine cannot resolve yet, e.g. offline, is not refused).
  if (privateUrlsAllowed(options.env ?? process.env)) return;
  try {
    await resolvePublicAddress(host, options.env);
  } catch (error) {
    const reason = error instanceof RefusedAddressError ? error.message : `${host} cannot be resolved`;
    throw new DomainError(
      'VALIDATION_FAILED',
      `${options.field}: ${reason}; outbound connections go to public addresses only`,
      { field: options.field, cause: error },
    );
  }
}

/** A `lookup` for node:net that refuses internal addresses at connection time (DNS rebinding). */
function guardedLookup(env: Readonly<Record<string, string | undefined>>) {
  return (
    hostname: string,
    options: LookupOptions,
    callback: (
      error: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void,
  ): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, '');
        return;
      }
      const bad = addresses.find((a) => !isPublicAddress(a.address));
      const first = addresses[0];
      if (bad && !privateUrlsAllowed(env)) callback(new RefusedAddressError(hostname, bad.address), '');
      else if (options.all) callback(null, addresses);
      else if (!first) callback(new Error(`${hostname} has no address`), '');
      else callback(null, first.address, first.family);
    });
  };
}

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

export interface GuardedRequestInit {
  method?: string;
  headers?: HeadersInit;
  body?: string | null;
  signal?: AbortSignal;
}

/**
 * `fetch` for user-configured targets: every connection's addresses are checked (so a name that
 * resolved to a public address at save time cannot rebind to an internal one later), redirects are
 * never followed (a 3xx is returned as it is, and is not ok), only http and https.
 */
export async function guardedFetch(
  url: string,
  init: GuardedRequestInit = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<Response> {
  const target = new URL(url);
  if (target.protocol !== 'https:' && target.protocol !== 'http:')
    throw new Error(`${target.protocol} URLs are not allowed`);
  const host = bareHost(target.hostname);
  // IP literals never pass through `lookup`: check them here.
  if (isIP(host) !== 0 || INTERNAL_NAME.test(host)) await resolvePublicAddress(host, env);
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, key) => {
    headers[key] = value;
  });
  const body = init.body ?? null;
  if (body !== null) headers['content-length'] = String(Buffer.byteLength(body));
  const options: RequestOptions = {
    method: init.method ?? 'GET',
    headers,
    lookup: guardedLookup(env),
    ...(init.signal ? { signal: init.signal } : {}),
  };
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = send(target, options, resolve);
    req.on('error', reject);
    req.end(body ?? undefined);
  });
  const responseHeaders = new Headers();
  for (const [key, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) responseHeaders.append(key, v);
  }
  const status = res.statusCode ?? 502;
  if (NULL_BODY_STATUS.has(status)) res.resume();
  return new Response(NULL_BODY_STATUS.has(status) ? null : (Readable.toWeb(res) as ReadableStream), {
    status,
    statusText: res.statusMessage ?? '',
    headers: responseHeaders,
  });
}
