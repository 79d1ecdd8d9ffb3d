import { createHmac } from 'node:crypto';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { useDemoSeller } from '../support/demo-seller';
import { client } from '../support/http-client';

/** A tiny SMTP server on 127.0.0.1 that accepts every message (no TLS, no auth). */
function smtpServer(): Promise<{
  server: TcpServer;
  port: number;
  messages: { from: string; to: string[]; data: string }[];
}> {
  const messages: { from: string; to: string[]; data: string }[] = [];
  const server = createTcpServer((socket) => {
    let buffer = '';
    let inData = false;
    let current = { from: '', to: [] as string[], data: '' };
    socket.write('220 localhost test SMTP\r\n');
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          messages.push(current);
          current = { from: '', to: [], data: '' };
          socket.write('250 queued\r\n');
          continue;
        }
        const nl = buffer.indexOf('\r\n');
        if (nl < 0) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-localhost\r\n250 8BITMIME\r\n');
        else if (verb === 'MAIL') {
          current.from = line;
          socket.write('250 ok\r\n');
        } else if (verb === 'RCPT') {
          current.to.push(line);
          socket.write('250 ok\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
          return;
        } else socket.write('250 ok\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      resolve({ server, port: (server.address() as AddressInfo).port, messages });
    }),
  );
}

function webhookServer(): Promise<{
  server: HttpServer;
  url: string;
  calls: { headers: Record<string, string | string[] | undefined>; body: string }[];
}> {
  const calls: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  const server = createHttpServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      calls.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      resolve({
        server,
        url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/hooks/stockwise`,
        calls,
      });
    }),
  );
}

describeEachBackend('Alerts: once per condition, e-mail and signed webhook', (backend) => {
  const seller = useDemoSeller(backend, 14);
  let smtp: Awaited<ReturnType<typeof smtpServer>>;
  let hook: Awaited<ReturnType<typeof webhookServer>>;

  beforeAll(async () => {
    smtp = await smtpServer();
    hook = await webhookServer();
  }, 180_000);
  afterAll(async () => {
    await new Promise((r) => smtp.server.close(r));
    await new Promise((r) => hook.server.close(r));
  });

  it('stores SMTP and webhook settings without ever showing the secrets', async () => {
    const api = client(seller.app, seller.token);
    const res = await api.call('PUT', '/api/v1/alerts/settings', {
      body: {
        smtp: {
          host: '127.0.0.1',
          port: smtp.port,
          secure: false,
          user: null,
          password: 'not-needed-here',
          from: 'alerts@stockwise.dev',
        },
        webhook: { url: hook.url, secret: 'a-shared-secret-of-some-length' },
        alertRecipients: ['owner@example.com'],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      smtp: { host: '127.0.0.1', passwordSet: true },
      webhook: { url: hook.url, secretSet: true, signatureHeader: 'X-Stockwise-Signature' },
      alertRecipients: ['owner@example.com'],
    });
    expect(JSON.stringify(res.body)).not.toContain('a-shared-secret');
    const stored = await seller.sw.db.query<{ webhook: { secret: string } }>(
      'SELECT webhook FROM notification_settings WHERE account_id = $1',
      [seller.actor.accountId],
    );
    expect(stored[0]!.webhook.secret).not.toContain('a-shared-secret');
    expect(
      (await api.call('PUT', '/api/v1/alerts/settings', { body: { webhook: { url: 'ftp://example.com' } } }))
        .status,
    ).toBe(400);
  });

  it('evaluates the rules, opens each condition once, and delivers it once by e-mail and by signed webhook', async () => {
    const api = client(seller.app, seller.token);
    const first = await api.post('/api/v1/alerts/evaluate', {});
    expect(first.status).toBe(200);
    const opened = first.body['opened'] as number;
    expect(opened).toBeGreaterThan(0);
    expect(first.body['skipped']).toEqual([]);
    expect(first.body['delivered']).toEqual({ email: opened, webhook: opened });
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.data).toContain('new alert');
    expect(hook.calls).toHaveLength(1);
    const call = hook.calls[0]!;
    const timestamp = String(call.headers['x-stockwise-timestamp']);
    const expected = `sha256=${createHmac('sha256', 'a-shared-secret-of-some-length').update(`${timestamp}.${call.body}`).digest('hex')}`;
    expect(call.headers['x-stockwise-signature']).toBe(expected);
    const payload = JSON.parse(call.body) as { event: string; alerts: { kind: string }[] };
    expect(payload.event).toBe('alerts.opened');
    expect(payload.alerts).toHaveLength(opened);
    const kinds = new Set(payload.alerts.map((a) => a.kind));
    expect(kinds.has('stranded')).toBe(true);

    // No storm: the same conditions again open nothing and send nothing.
    const second = await api.post('/api/v1/alerts/evaluate', {});
    expect(second.body).toMatchObject({
      opened: 0,
      ongoing: opened,
      resolved: 0,
      delivered: { email: 0, webhook: 0 },
    });
    expect(smtp.messages).toHaveLength(1);
    expect(hook.calls).toHaveLength(1);
    const all = await api.get('/api/v1/alerts?limit=500');
    expect((all.body.items ?? []).length).toBe(opened);
    const keys = await seller.sw.db.query<{ n: number; d: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT dedupe_key)::int AS d FROM alerts WHERE account_id = $1',
      [seller.actor.accountId],
    );
    expect(keys[0]!.n).toBe(keys[0]!.d);
  });

  it('acknowledges and snoozes; active alerts leave out snoozed ones; cleared conditions resolve', async () => {
    const api = client(seller.app, seller.token);
    const items = (await api.get('/api/v1/alerts?status=active&limit=500')).body.items as {
      id: number;
      kind: string;
      sku: string | null;
    }[];
    const [a, b] = items;
    const ack = await api.post(`/api/v1/alerts/${String(a!.id)}/acknowledge`, {});
    expect(ack.body).toMatchObject({ status: 'acknowledged' });
    const snoozed = await api.post(`/api/v1/alerts/${String(b!.id)}/snooze`, { days: 3 });
    expect(snoozed.status).toBe(200);
    expect(snoozed.body['snoozedUntil']).not.toBeNull();
    const active = (await api.get('/api/v1/alerts?status=active&limit=500')).body.items as { id: number }[];
    expect(active.some((x) => x.id === b!.id)).toBe(false);
    expect((await api.post('/api/v1/alerts/999999/acknowledge', {})).status).toBe(404);
    expect(
      (await api.post(`/api/v1/alerts/${String(b!.id)}/snooze`, { until: '2001-01-01T00:00:00Z' })).status,
    ).toBe(400);
    // Fix a stranded listing: its alert resolves on the next evaluation.
    const stranded = items.find((x) => x.kind === 'stranded')!;
    expect(
      (await api.patch(`/api/v1/products/${encodeURIComponent(stranded.sku!)}`, { listingStatus: 'active' }))
        .status,
    ).toBe(200);
    const again = await api.post('/api/v1/alerts/evaluate', { deliver: false });
    expect(again.body['resolved']).toBeGreaterThanOrEqual(1);
    const resolved = (await api.get('/api/v1/alerts?status=resolved&limit=500')).body.items as {
      id: number;
    }[];
    expect(resolved.some((x) => x.id === stranded.id)).toBe(true);
  });

  it('e-mails a scheduled report with the file attached, once a day', async () => {
    const api = client(seller.app, seller.token);
    const created = await api.post('/api/v1/report-schedules', {
      kind: 'inventory-age',
      format: 'csv',
      frequency: 'daily',
      recipients: ['ops@example.com'],
    });
    expect(created.status).toBe(201);
    expect(
      (
        await api.post('/api/v1/report-schedules', {
          kind: 'inventory-age',
          format: 'csv',
          frequency: 'daily',
          recipients: ['ops@example.com'],
        })
      ).status,
    ).toBe(409);
    const before = smtp.messages.length;
    expect(await seller.sw.alerts.sendScheduledReports(seller.actor)).toBe(1);
    expect(await seller.sw.alerts.sendScheduledReports(seller.actor)).toBe(0);
    expect(smtp.messages).toHaveLength(before + 1);
    const mail = smtp.messages[smtp.messages.length - 1]!.data;
    expect(mail).toContain('stockwise-inventory-age-');
    expect(mail).toContain('.csv');
  });

  it('runs as the daily health job (snapshot, alerts, reports)', async () => {
    const job = await seller.sw.jobs.enqueueOnce(seller.actor, 'health.daily', {}, `health.daily:test`);
    expect(job).toBeDefined();
    while (await seller.sw.jobs.runOnce()) {
      /* drain */
    }
    const done = await seller.sw.jobs.get(seller.actor, job!.id);
    expect(done.status).toBe('succeeded');
    expect(done.result).toMatchObject({ alerts: { opened: expect.any(Number) as number } });
  });
});
