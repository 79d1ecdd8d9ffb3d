/**
 * Orders benchmark: `npm run bench:orders [-- --clients 200 --skus 100 --stock 20 --orders 4000 --backends pglite,postgres --pgbench-seconds 20]`.
 *
 * Starts `stockwise serve` as a child process on 127.0.0.1 (PGlite in a fresh data folder, then a fresh
 * PostgreSQL database), stocks `skus` SKUs with `stock` units each, and drives POST /api/v1/orders
 * from this process with `clients` concurrent clients placing one-unit orders on random SKUs until
 * `orders` were placed: stock runs out mid-run, so later orders are refused with 409. Then checks
 * that no SKU sold more than it had (oversold units), that every balance equals the sum of its ledger
 * movements, and runs pgbench (TPC-B) against the same PostgreSQL for the machine's transaction
 * ceiling. Prints one JSON line.
 */
import { randomBytes } from 'node:crypto';
import { execFile, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openPostgresDatabase } from '../../packages/db/src/postgres-database';
import { createScratchDatabase } from '../../packages/db/src/scratch-database';
import type { StorageOptions } from '../../packages/db/src/open-database';
import { openStockwise } from '../../packages/server/src/stockwise';
import {
  freePort,
  ownerArgs,
  startServe,
  stockwiseCli,
} from '../../packages/server/test/support/stockwise-process';

const run = promisify(execFile);

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const CLIENTS = Number(arg('clients', '200'));
const SKUS = Number(arg('skus', '100'));
const STOCK = Number(arg('stock', '20'));
const ORDERS = Number(arg('orders', '4000'));
const BACKENDS = arg('backends', 'pglite,postgres').split(',');
const PG_URL =
  process.env['BENCH_DATABASE_URL'] ??
  process.env['TEST_DATABASE_URL'] ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const PGBENCH_SECONDS = Number(arg('pgbench-seconds', '20'));
/** token: Authorization: Bearer (an API client); session: the dashboard's cookie after POST /auth/login. */
const AUTH = arg('auth', 'token');
/** PostgreSQL: how many `stockwise serve` processes share the database (clients spread over them). PGlite has one owner. */
const SERVERS = Number(arg('servers', '1'));
/** Extra node flags for the server processes, e.g. `--server-node-args "--cpu-prof --cpu-prof-dir=/tmp/prof"`. */
const SERVER_NODE_ARGS = arg('server-node-args', '').split(' ').filter(Boolean);

async function cli(args: string[], env: Record<string, string>): Promise<string> {
  return (await stockwiseCli(args, env, { timeoutMs: 120_000 })).trim();
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); 0 where unavailable. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields =
      readFileSync(`/proc/${String(pid)}/stat`, 'utf8')
        .split(') ')[1]
        ?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

interface Setup {
  env: Record<string, string>;
  storage: string[];
  cleanup: () => Promise<void>;
  ledgerCheck: () => Promise<boolean>;
  /** PostgreSQL backend processes serving the bench database (for CPU per order). */
  backendPids: () => Promise<number[]>;
}

/** True when the stored balances equal the sum of the movements (the product's own check). */
async function ledgerBalanced(storage: StorageOptions): Promise<boolean> {
  const sw = await openStockwise(storage);
  try {
    return (await sw.inventory.findImbalances(await sw.auth.ownerOf())).length === 0;
  } finally {
    await sw.close();
  }
}

async function prepare(backend: string): Promise<Setup> {
  if (backend === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'stockwise-bench-'));
    return {
      env: { STOCKWISE_DATA: dataDir },
      storage: [],
      cleanup: () => {
        rmSync(dataDir, { recursive: true, force: true });
        return Promise.resolve();
      },
      backendPids: () => Promise.resolve([]),
      ledgerCheck: () => ledgerBalanced({ dataDir }),
    };
  }
  const scratch = await createScratchDatabase(PG_URL, 'sw_bench_');
  const databaseUrl = scratch.url;
  return {
    // On PostgreSQL the operator supplies the key that seals channel secrets (the demo connects channels).
    env: { DATABASE_URL: databaseUrl, STOCKWISE_SECRET_KEY: randomBytes(32).toString('hex') },
    storage: ['--database-url', databaseUrl],
    backendPids: async () => {
      const a = openPostgresDatabase(PG_URL, { max: 1 });
      try {
        return (
          await a.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [
            scratch.name,
          ])
        ).map((r) => r.pid);
      } finally {
        await a.close();
      }
    },
    cleanup: scratch.drop,
    ledgerCheck: () => ledgerBalanced({ databaseUrl }),
  };
}

type Post = (path: string, body: unknown, at?: string) => Promise<number>;

/** The account, its token and `count` servers on free ports; returns the API base URL of each. */
async function startServers(setup: Setup, count: number, servers: ChildProcess[]) {
  await cli(['migrate', '--json'], setup.env);
  await cli(
    ownerArgs({ account: 'Bench Seller', email: 'bench@example.com', password: 'bench password' }),
    setup.env,
  );
  const token = await cli(['token', 'create', '--email', 'bench@example.com'], setup.env);
  const bases: string[] = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    servers.push(
      await startServe({ port, env: setup.env, serveArgs: ['--no-worker'], nodeArgs: SERVER_NODE_ARGS }),
    );
    bases.push(`http://127.0.0.1:${port}/api/v1`);
  }
  return { token, bases };
}

/** Bearer token, or (--auth session) the dashboard's session cookie after logging in. */
async function authHeaders(base: string, token: string): Promise<Record<string, string>> {
  if (AUTH !== 'session') return { Authorization: `Bearer ${token}` };
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.com', password: 'bench password' }),
  });
  return { Cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
}

/**
 * POST with node:http and keep-alive rather than fetch: the load generator shares the machine's two
 * cores with the server and PostgreSQL, and undici's fetch costs several times more CPU per request.
 */
function poster(agent: Agent, headers: Record<string, string>, base: string): Post {
  return (path, body, at = base) =>
    new Promise<number>((resolve, reject) => {
      const payload = Buffer.from(JSON.stringify(body));
      const req = httpRequest(
        `${at}${path}`,
        { method: 'POST', agent, headers: { ...headers, 'Content-Length': String(payload.length) } },
        (res) => {
          res.resume();
          res.on('end', () => {
            resolve(res.statusCode ?? 0);
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
}

/** `CLIENTS` concurrent clients place one-unit orders on random SKUs until `ORDERS` were placed. */
async function placeOrders(post: Post, bases: readonly string[], skus: readonly string[]) {
  const latencies: number[] = [];
  /** When each order was sent (ms after the first) and how long it took: where the slowest sit in the run. */
  const timeline: { at: number; ms: number }[] = [];
  const runStart = performance.now();
  const accepted = new Map<string, number>();
  let rejected = 0;
  let errors = 0;
  let next = 0;
  const client = async (_: unknown, index: number) => {
    const at = bases[index % bases.length];
    for (;;) {
      const n = next++;
      if (n >= ORDERS) return;
      const sku = skus[Math.floor(Math.random() * skus.length)] ?? '';
      const t0 = performance.now();
      const status = await post(
        '/orders',
        { channel: 'shopify', externalId: `bench-${n}`, lines: [{ sku, quantity: 1, unitPrice: 9.99 }] },
        at,
      ).catch(() => 0);
      latencies.push(performance.now() - t0);
      timeline.push({ at: t0 - runStart, ms: performance.now() - t0 });
      if (status === 201) accepted.set(sku, (accepted.get(sku) ?? 0) + 1);
      else if (status === 409) rejected += 1;
      else errors += 1;
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return { latencies, accepted, rejected, errors, timeline };
}

async function benchBackend(backend: string) {
  const setup = await prepare(backend);
  const servers: ChildProcess[] = [];
  try {
    const count = backend === 'pglite' ? 1 : SERVERS;
    const { token, bases } = await startServers(setup, count, servers);
    const base = bases[0] ?? '';
    const headers = { ...(await authHeaders(base, token)), 'Content-Type': 'application/json' };
    const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
    const post = poster(agent, headers, base);
    await post('/locations', { code: 'WH1', name: 'Main', type: 'warehouse' });
    const skus = Array.from({ length: SKUS }, (_, i) => `BENCH-${String(i).padStart(4, '0')}`);
    for (const sku of skus) {
      await post('/products', { sku, title: `Bench item ${sku}`, unitCost: 2 });
      await post('/movements', { type: 'receipt', sku, location: 'WH1', quantity: STOCK });
    }

    const serverCpuBefore = servers.reduce((sum, child) => sum + cpuSeconds(child.pid), 0);
    const pgCpuBefore = new Map((await setup.backendPids()).map((pid) => [pid, cpuSeconds(pid)]));
    const started = performance.now();
    const { latencies, accepted, rejected, errors, timeline } = await placeOrders(post, bases, skus);
    const seconds = (performance.now() - started) / 1000;
    const serverCpu = servers.reduce((sum, child) => sum + cpuSeconds(child.pid), 0) - serverCpuBefore;
    const pgCpu = (await setup.backendPids()).reduce(
      (sum, pid) => sum + cpuSeconds(pid) - (pgCpuBefore.get(pid) ?? 0),
      0,
    );
    // What the server says: reserved equals accepted units, available never below zero.
    const res = await fetch(`${base}/inventory?limit=1000&location=WH1`, { headers });
    const balances = ((await res.json()) as { items: { sku: string; reserved: number; available: number }[] })
      .items;
    const oversold = skus.reduce((s, sku) => s + Math.max(0, (accepted.get(sku) ?? 0) - STOCK), 0);
    const negative = balances.filter((b) => b.available < 0).length;
    const reservedMatches = balances.every((b) => b.reserved === (accepted.get(b.sku) ?? 0));
    for (const child of servers.splice(0)) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    agent.destroy();
    const ledgerBalanced = await setup.ledgerCheck();
    latencies.sort((a, b) => a - b);
    const acceptedTotal = [...accepted.values()].reduce((s, n) => s + n, 0);
    return {
      backend,
      servers: count,
      orders: ORDERS,
      accepted: acceptedTotal,
      rejected409: rejected,
      errors,
      seconds: Math.round(seconds * 100) / 100,
      ordersPerSecond: Math.round(ORDERS / seconds),
      acceptedPerSecond: Math.round(acceptedTotal / seconds),
      p50Ms: Math.round(percentile(latencies, 0.5) * 10) / 10,
      p95Ms: Math.round(percentile(latencies, 0.95) * 10) / 10,
      p99Ms: Math.round(percentile(latencies, 0.99) * 10) / 10,
      maxMs: Math.round((latencies.at(-1) ?? 0) * 10) / 10,
      // The five slowest orders: sent when (s into the run), and how long they took (s).
      slowest: timeline
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5)
        .map((t) => ({ sentAtS: Math.round(t.at / 100) / 10, tookS: Math.round(t.ms / 100) / 10 })),
      // CPU per order is what the load on a shared machine does not change much: Node server(s) and PostgreSQL backends.
      serverCpuMsPerOrder: Math.round((serverCpu / ORDERS) * 1e5) / 100,
      postgresCpuMsPerOrder: backend === 'postgres' ? Math.round((pgCpu / ORDERS) * 1e5) / 100 : null,
      oversoldUnits: oversold,
      negativeAvailable: negative,
      reservedEqualsAccepted: reservedMatches,
      ledgerBalanced,
      stockRanOut: acceptedTotal === SKUS * STOCK,
    };
  } finally {
    for (const child of servers) child.kill('SIGKILL');
    await setup.cleanup();
  }
}

/** pgbench TPC-B on the same PostgreSQL: the machine's transaction ceiling for this many clients. */
async function pgbench() {
  const admin = openPostgresDatabase(PG_URL, { max: 1 });
  const [row] = await admin.query<{ max_connections: string }>('SHOW max_connections');
  const [used] = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity');
  await admin.close();
  const scratch = await createScratchDatabase(PG_URL, 'sw_pgbench_');
  // pgbench needs one connection per client: stay under the server's max_connections.
  const clients = Math.min(CLIENTS, Number(row?.max_connections ?? 100) - (used?.n ?? 0) - 5);
  try {
    // Scale = SKUs: as many branch rows as the order run has SKUs (TPC-B contends on branches).
    await run('pgbench', ['-i', '-q', '-s', String(SKUS), scratch.url], { timeout: 600_000 });
    const { stdout } = await run(
      'pgbench',
      ['-c', String(clients), '-j', '2', '-T', String(PGBENCH_SECONDS), scratch.url],
      { timeout: (PGBENCH_SECONDS + 120) * 1000 },
    );
    const tps = /tps = ([\d.]+)/.exec(stdout);
    return { clients, scale: SKUS, seconds: PGBENCH_SECONDS, tps: tps ? Math.round(Number(tps[1])) : null };
  } finally {
    await scratch.drop();
  }
}

const results: Record<string, unknown> = { clients: CLIENTS, skus: SKUS, stockPerSku: STOCK, auth: AUTH };
for (const backend of BACKENDS) results[backend] = await benchBackend(backend);
if (BACKENDS.includes('postgres')) {
  const pg = await pgbench();
  results['pgbench'] = pg;
  const ours = (results['postgres'] as { ordersPerSecond: number }).ordersPerSecond;
  results['postgresFractionOfPgbench'] = pg.tps ? Math.round((ours / pg.tps) * 1000) / 1000 : null;
}
process.stdout.write(`${JSON.stringify(results)}\n`);
