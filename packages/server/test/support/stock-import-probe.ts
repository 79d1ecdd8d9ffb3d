import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ownerArgs, startServe, stockwiseCli } from './stockwise-process';

/** What a stock import looked like from outside: how long it took, and how /api/health answered meanwhile. */
export interface StockImportProbe {
  rows: number;
  /** From the upload to the job's end, seconds. */
  seconds: number;
  /** What the import changed (its result's `applied`). */
  applied: unknown;
  health: { answers: number; failures: number; p50Ms: number; p99Ms: number; maxMs: number };
  /** The longest a request that reads the database (GET /api/v1/jobs/{id}) waited meanwhile. */
  longestJobPollMs: number;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

const sku = (i: number) => `STK-${String(i).padStart(6, '0')}`;

/** A products CSV of `rows` SKUs, and a stock count of each of them at WH1 (1 to 50 units). */
export const productLines = (rows: number) => [
  'sku,title',
  ...Array.from({ length: rows }, (_, i) => `${sku(i)},Item ${String(i)}`),
];
export const countLines = (rows: number) => [
  'sku,location,quantity',
  ...Array.from({ length: rows }, (_, i) => `${sku(i)},WH1,${String(1 + (i % 50))}`),
];

/**
 * Runs `stockwise serve` on a fresh embedded data folder (or the empty PostgreSQL database `databaseUrl`) as a real
 * process and socket, loads `rows` products, then imports a stock count of `rows` lines as a background job while
 * another loop asks /api/health every 50 ms, as a load balancer would. Used by the acceptance test (3,000 rows)
 * and `npm run bench:import -- --kind stock`.
 */
export async function probeStockImport(rows: number, databaseUrl?: string): Promise<StockImportProbe> {
  const dataDir = mkdtempSync(join(tmpdir(), 'stockwise-stock-probe-'));
  const env: Record<string, string> = databaseUrl
    ? { DATABASE_URL: databaseUrl, STOCKWISE_SECRET_KEY: randomBytes(32).toString('hex') }
    : { STOCKWISE_DATA: dataDir };
  let server: ChildProcess | undefined;
  try {
    const seller = await serveSeller(env);
    server = seller.server;
    const { api, base } = seller;
    await api.waitForJob(await api.csv('products', productLines(rows)));
    const counts = countLines(rows);
    const probe = healthProbe(base);
    const started = performance.now();
    const job = await api.waitForJob(await api.csv('stock', counts));
    const seconds = (performance.now() - started) / 1000;
    // The planning warm-up runs right after the job: keep asking until the worker is idle, so the figures
    // cover it too (a stall there is as real to a load balancer as one in the apply).
    await workerIdle(base);
    return {
      rows,
      seconds,
      applied: (job.result as { applied?: unknown }).applied,
      health: await probe.stop(),
      longestJobPollMs: Math.round(job.longestPollMs),
    };
  } finally {
    server?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * A fresh database (`env`: STOCKWISE_DATA or DATABASE_URL) with an owner, an API token and a WH1 warehouse, and
 * `stockwise serve` running on it; `restart()` serves it again on the same port (after the caller stopped it).
 */
export async function serveSeller(env: Record<string, string>) {
  const cli = async (args: string[]) => (await stockwiseCli(args, env, { timeoutMs: 300_000 })).trim();
  await cli(['migrate', '--json']);
  await cli(ownerArgs({ account: 'Probe Seller', email: 'probe@example.com', password: 'probe password' }));
  const token = await cli(['token', 'create', '--email', 'probe@example.com']);
  const port = await freePort();
  const server = await startServe({ port, env });
  const base = `http://127.0.0.1:${String(port)}`;
  const api = apiOf(base, token);
  await api.json('POST', '/locations', { code: 'WH1', name: 'Main', type: 'warehouse' });
  return { server, base, api, restart: () => startServe({ port, env }) };
}

export interface Job {
  status: string;
  result: unknown;
  error: string | null;
  progressMessage: string | null;
  attempts: number;
}

/** A client of a running server's API with an owner's token (JSON, CSV imports, jobs). */
export function apiOf(base: string, token: string) {
  const call = async (method: string, path: string, body: string, type: string) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': type },
      body,
    });
    const answer = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${method} ${path}: ${String(res.status)} ${JSON.stringify(answer)}`);
    return answer;
  };
  return {
    json: (method: string, path: string, body: unknown) =>
      call(method, path, JSON.stringify(body), 'application/json'),
    /** Uploads a CSV import to be applied by a background job; returns the job's id. */
    csv: async (kind: string, lines: string[]) =>
      Number(
        (await call('POST', `/imports/${kind}?async=true`, `${lines.join('\n')}\n`, 'text/csv'))['jobId'],
      ),
    job: async (id: number): Promise<Job> =>
      (await fetch(`${base}/api/v1/jobs/${String(id)}`, {
        headers: { Authorization: `Bearer ${token}` },
      }).then((res) => res.json())) as Job,
    /**
     * Polls the job until it ends. Each poll reads the database, so it waits while the apply holds it: a poll
     * with no answer in five minutes is asked again, and the longest wait is recorded.
     */
    waitForJob: async (id: number): Promise<Job & { longestPollMs: number }> => {
      let longestPollMs = 0;
      for (;;) {
        const started = performance.now();
        const job = await fetch(`${base}/api/v1/jobs/${String(id)}`, {
          headers: { Authorization: `Bearer ${token}` },
        })
          .then(async (res) => (await res.json()) as Job)
          .catch(() => undefined);
        longestPollMs = Math.max(longestPollMs, performance.now() - started);
        if (job?.status === 'failed') throw new Error(`job ${String(id)} failed: ${String(job.error)}`);
        if (job?.status === 'succeeded') return { ...job, longestPollMs };
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
  };
}

/** Waits until /api/health says the worker is idle (its jobs and the warm-up after them done), 10 min at most. */
async function workerIdle(base: string): Promise<void> {
  const until = Date.now() + 600_000;
  while (Date.now() < until) {
    const health = (await fetch(`${base}/api/health`).then((res) => res.json())) as { worker?: string };
    if (health.worker === 'idle') return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the worker was still busy 10 minutes after the import');
}

/** Asks /api/health every 50 ms until stopped; each answer's latency (a request with no answer in 30 s fails). */
function healthProbe(base: string) {
  const latencies: number[] = [];
  let failures = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        if (res.ok) latencies.push(performance.now() - started);
        else failures += 1;
      } catch {
        failures += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      const sorted = [...latencies].sort((a, b) => a - b);
      const round = (ms: number) => Math.round(ms * 10) / 10;
      return {
        answers: sorted.length,
        failures,
        p50Ms: round(percentile(sorted, 0.5)),
        p99Ms: round(percentile(sorted, 0.99)),
        maxMs: round(sorted[sorted.length - 1] ?? 0),
      };
    },
  };
}
