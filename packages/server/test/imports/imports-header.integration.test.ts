import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { beforeAll, expect, it } from 'vitest';
import { isDomainError } from '@stockwise/domain/errors';
import { importFile } from '../../src/imports/import.jobs';
import { describeEachBackend } from '../support/backends';
import { useOwnerApi } from '../support/owner-api';
import { seedLocations, WAREHOUSE } from '../support/seed';
import { uploadImport } from '../support/uploads';

/** About 200 KB of order lines under a header that misspells two required columns. */
function bigFileWithBadHeader(): string {
  const rows = ['chanel,external_id,ordered,sku,quantity'];
  for (let i = 0; rows.length < 5000; i++) rows.push(`manual,ORDER-${i},2024-05-01T10:00:00Z,MUG,1`);
  const text = `${rows.join('\n')}\n`;
  expect(text.length).toBeGreaterThan(190_000);
  return text;
}

describeEachBackend('Imports: a wrong header answers at once, whatever the file size', (backend) => {
  const t = useOwnerApi(backend);
  const body = bigFileWithBadHeader();

  beforeAll(async () => {
    await seedLocations(t.api, WAREHOUSE);
  });

  it('API: 400 naming the missing columns, for a ~200 KB body', async () => {
    const started = Date.now();
    const res = await uploadImport(t.api, 'orders', body);
    expect(res.status).toBe(400);
    expect(res.body['detail']).toContain('the header misses columns channel, ordered_at');
    expect(res.body['field']).toBe('line 1');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('API over a real socket: a streamed ~200 KB body is answered 400 at once', async () => {
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const bytes = new TextEncoder().encode(body);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 16_384) controller.enqueue(bytes.slice(i, i + 16_384));
          controller.close();
        },
      });
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/imports/orders`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${t.owner.token}`, 'Content-Type': 'text/csv' },
        body: stream,
        duplex: 'half',
        signal: AbortSignal.timeout(10_000),
      } as RequestInit);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { detail: string }).detail).toContain(
        'misses columns channel, ordered_at',
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('API: a sales history whose mapping names a column the header lacks, for a ~200 KB body', async () => {
    const mapping = encodeURIComponent(
      JSON.stringify({ date: 'ordered_at', sku: 'sku', quantity: 'quantity' }),
    );
    const res = await uploadImport(t.api, 'sales-history', body, `?mapping=${mapping}`);
    expect(res.status).toBe(400);
    expect(res.body['detail']).toContain('misses column ordered_at');
  });

  it('CLI path (a file on disk): refused with the message, not left waiting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stockwise-header-'));
    const path = join(dir, 'orders.csv');
    writeFileSync(path, body);
    const error = await importFile(t.sw.imports, t.owner.actor, { kind: 'orders', path }).catch(
      (e: unknown) => e,
    );
    expect(isDomainError(error) && error.message).toContain('the header misses columns channel, ordered_at');
    const [row] = await t.sw.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM imports WHERE account_id = $1',
      [t.owner.actor.accountId],
    );
    expect(row?.n).toBe(0);
  });
});
