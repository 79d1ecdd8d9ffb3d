import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '@stockwise/domain/errors';
import {
  assertPublicTarget,
  guardedFetch,
  isPublicAddress,
  resolvePublicAddress,
} from '../../src/platform/outbound-url';
import { localServer } from '../support/local-server';

/** The operator has not allowed private targets. */
const STRICT = {};
const ALLOW = { STOCKWISE_ALLOW_PRIVATE_URLS: '1' };

async function refusal(target: string, field = 'webhook.url'): Promise<string> {
  try {
    await assertPublicTarget(target, { field, env: STRICT });
  } catch (error) {
    if (isDomainError(error) && error.code === 'VALIDATION_FAILED' && error.field === field)
      return error.message;
    throw error;
  }
  return 'accepted';
}

describe('Outbound URL guard: public addresses only', () => {
  it.each([
    ['127.0.0.1', false],
    ['127.255.0.9', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['172.31.255.255', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['::1', false],
    ['::', false],
    ['fd00::1', false],
    ['fc12:3456::1', false],
    ['fe80::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:a9fe:a9fe', false],
    ['not-an-ip', false],
    ['93.184.216.34', true],
    ['8.8.8.8', true],
    ['172.32.0.1', true],
    ['2606:4700:4700::1111', true],
    ['::ffff:8.8.8.8', true],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'https://10.0.0.7/hook',
    'https://192.168.0.10/hook',
    'https://[fd00::1]/hook',
    'https://[::1]:8080/hook',
    'http://127.0.0.1:9/hook',
    'http://2130706433/hook', // 127.0.0.1 written as a decimal number
    'http://0x7f000001/hook',
    'https://metadata.google.internal/computeMetadata/v1/',
    'http://localhost:3000/hook',
    'http://vm/hook', // a name that resolves (/etc/hosts) to 127.0.0.1
  ])('refuses %s at save time, naming the field', async (url) => {
    expect(await refusal(url)).toMatch(/^webhook\.url: .*internal address/);
  });

  it('refuses an SMTP host written as a decimal number or an internal name', async () => {
    expect(await refusal('2130706433', 'smtp.host')).toMatch(/^smtp\.host: /);
    expect(await refusal('metadata.google.internal', 'smtp.host')).toMatch(/^smtp\.host: /);
    expect(await refusal('[::1]', 'smtp.host')).toMatch(/^smtp\.host: /);
  });

  it('accepts a public address, and internal ones when the operator allows them', async () => {
    expect(await refusal('https://93.184.216.34/hook')).toBe('accepted');
    await expect(
      assertPublicTarget('http://127.0.0.1:9/hook', { field: 'webhook.url', env: ALLOW }),
    ).resolves.toBeUndefined();
    expect(await resolvePublicAddress('vm', ALLOW)).toBe('127.0.0.1');
  });
});

describe('guardedFetch: checked at every connection, no redirects', () => {
  let server: Server;
  let url: string;
  const hits: string[] = [];

  beforeAll(async () => {
    const local = await localServer((req, body, res) => {
      hits.push(`${req.method ?? ''} ${req.url ?? ''} ${body}`);
      if (req.url === '/redirect') res.writeHead(302, { Location: '/secret' }).end('moved');
      else if (req.url === '/empty') res.writeHead(204).end();
      else
        res
          .writeHead(200, { 'Content-Type': 'text/plain', 'X-Echo': req.headers['x-probe'] ?? '' })
          .end('ok');
    });
    server = local.server;
    url = local.url;
  });
  afterAll(() => {
    server.close();
  });

  it('refuses a loopback target at connection time, by address and by a name resolving to it', async () => {
    hits.length = 0;
    await expect(guardedFetch(`${url}/x`, {}, STRICT)).rejects.toThrow(/internal address/);
    const port = new URL(url).port;
    // `vm` passed no save-time check here: the refusal is the connection's own lookup (DNS rebinding).
    await expect(guardedFetch(`http://vm:${port}/x`, {}, STRICT)).rejects.toThrow(
      /vm resolves to an internal address \(127\.0\.0\.1\)/,
    );
    expect(hits).toEqual([]);
  });

  it('sends method, headers and body and reads the answer when allowed', async () => {
    hits.length = 0;
    const res = await guardedFetch(
      `${url}/post`,
      { method: 'POST', headers: { 'X-Probe': 'p1' }, body: '{"a":1}' },
      ALLOW,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('x-echo')).toBe('p1');
    expect(await res.text()).toBe('ok');
    expect(hits).toEqual(['POST /post {"a":1}']);
    const empty = await guardedFetch(`${url}/empty`, {}, ALLOW);
    expect(empty.status).toBe(204);
  });

  it('does not follow a redirect: the 3xx is returned and is not ok', async () => {
    hits.length = 0;
    const res = await guardedFetch(`${url}/redirect`, { headers: { 'X-Stockwise-Signature': 's' } }, ALLOW);
    expect(res.status).toBe(302);
    expect(res.ok).toBe(false);
    await res.body?.cancel();
    expect(hits).toEqual(['GET /redirect ']);
  });
});
