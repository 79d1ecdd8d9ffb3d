import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app';
import { BACKENDS, useStockwise } from '../support/backends';

/** The built dashboard as the server serves it: files, the client-side-routing fallback, and hostile paths. */
describe('dashboard files', () => {
  const ctx = useStockwise(BACKENDS[0]!);
  let dist = '';
  let app: ReturnType<typeof createApp>;

  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'stockwise-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Stockwise</title>');
    writeFileSync(join(dist, 'assets', 'app-1.js'), 'console.log(1)');
    writeFileSync(join(tmpdir(), 'outside-web.txt'), 'secret');
    app = createApp(ctx.sw, { webDist: dist });
  });
  afterAll(() => {
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves assets as immutable and unknown paths as index.html', async () => {
    const asset = await app.request('/assets/app-1.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const route = await app.request('/restock');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Stockwise</title>');
  });

  it.each(['/%', '/%E0%A4%A', '/index.html%00.js', '/assets/%FF'])(
    'answers %s with 400 MALFORMED_PATH, not 500',
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { code: string }).code).toBe('MALFORMED_PATH');
    },
  );

  it('never serves a file outside the dashboard folder', async () => {
    const res = await app.request('/..%2Foutside-web.txt');
    expect(await res.text()).not.toContain('secret');
  });
});
