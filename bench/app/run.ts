/**
 * Dashboard benchmark: `npm run bench:app [-- --db pglite,postgres --skus 300 --runs 5]`.
 *
 * Loads the demo seller (and its first forecast run) into a fresh data folder (PGlite) or a fresh
 * PostgreSQL database, then times every endpoint the dashboard calls on the first screen of each page,
 * in-process through `app.request` (the same handlers, middleware and database a browser reaches; no
 * socket). Each of `runs` rounds reopens the database and the services (cold: nothing cached in the
 * process, as after a restart), calls every page's endpoints once in navigation order (cold), then
 * once more (warm); then the plan after each of `runs` new one-SKU events. Write paths
 * (`POST /movements`, `POST /orders`) are timed on a small account before the demo load and again
 * after it (the ledger grown by the demo's movements).
 * Prints one table (p50 / p95 per call) with the load average, then one JSON line (every sample, in the
 * order taken: the first of the calls after an event is the first computation after the last restart).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoDate, parseIsoDate } from '../../packages/domain/src/dates/dates';
import { createScratchDatabase } from '../../packages/db/src/scratch-database';
import { loadDemoSeller } from '../../packages/server/src/demo/load-demo';
import { todayUtc } from '../../packages/server/src/forecasting/forecast.service';
import { createApp } from '../../packages/server/src/http/app';
import { openStockwise, type Stockwise } from '../../packages/server/src/stockwise';
import type { StorageOptions } from '../../packages/db/src/open-database';
import { arg, PG_URL } from './options';

const BACKENDS = arg('db', 'pglite,postgres').split(',');
const SKUS = Number(arg('skus', '300'));
const RUNS = Number(arg('runs', '5'));

type App = ReturnType<typeof createApp>;
interface Call {
  page: string;
  path: string;
}

/** The first screen of each dashboard page: what its hooks request on navigation (packages/web/src). */
function dashboardCalls(sku: string, asOf: string): Call[] {
  const from = isoDate(parseIsoDate(asOf) - 29);
  const s = encodeURIComponent(sku);
  return [
    { page: 'overview', path: '/inventory/summary' },
    { page: 'overview', path: '/health/ipi' },
    { page: 'overview', path: '/restock' },
    { page: 'inventory', path: '/inventory?limit=1000' },
    { page: 'inventory', path: '/inventory/stock-outs' },
    { page: 'inventory', path: '/locations?limit=1000' },
    { page: 'restock', path: '/restock' },
    { page: 'purchase orders', path: '/purchase-orders?limit=200' },
    { page: 'suppliers', path: '/suppliers' },
    { page: 'suppliers', path: '/suppliers/bills' },
    { page: 'orders', path: '/orders?limit=50' },
    { page: 'profitability', path: `/reports/profit?from=${from}&to=${asOf}&limit=5000` },
    { page: 'health', path: '/health/ipi' },
    { page: 'health', path: '/reports/inventory-age?limit=500' },
    { page: 'health', path: '/reports/storage/overview?months=1' },
    { page: 'clearance', path: '/reports/excess?limit=5000' },
    { page: 'storage', path: '/reports/storage/overview?months=6' },
    { page: 'forecast accuracy', path: '/forecasts/accuracy?windowDays=28' },
    { page: 'reconciliation', path: '/channels/amazon/reconciliation' },
    { page: 'alerts', path: '/alerts?limit=50' },
    { page: 'product detail', path: `/products/${s}` },
    { page: 'product detail', path: `/inventory?sku=${s}&limit=1000` },
    { page: 'product detail', path: `/inventory/layers?sku=${s}` },
    { page: 'product detail', path: `/movements?sku=${s}&limit=50` },
    { page: 'forecast', path: `/forecasts/${s}` },
  ];
}

async function timed(app: App, token: string, path: string, init: RequestInit = {}): Promise<number> {
  const t0 = performance.now();
  const res = await app.request(`/api/v1${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  });
  await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (res.status >= 300) throw new Error(`${path}: HTTP ${String(res.status)}`);
  return ms;
}

const post = (app: App, token: string, path: string, body: unknown) =>
  timed(app, token, path, { method: 'POST', body: JSON.stringify(body) });

interface Storage {
  options: StorageOptions;
  cleanup: () => Promise<void>;
}

async function storage(backend: string): Promise<Storage> {
  if (backend === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'stockwise-bench-app-'));
    return {
      options: { dataDir },
      cleanup: () => {
        rmSync(dataDir, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  }
  // On PostgreSQL the operator supplies the key that seals channel secrets (the demo connects channels).
  process.env['STOCKWISE_SECRET_KEY'] ??= randomBytes(32).toString('hex');
  const scratch = await createScratchDatabase(PG_URL, 'sw_bench_app_');
  return { options: { databaseUrl: scratch.url }, cleanup: scratch.drop };
}

/** A small seller (one SKU, one location, stock) whose writes are timed before and after the demo load. */
async function smallSeller(sw: Stockwise, app: App) {
  const email = 'bench-writes@example.com';
  await sw.auth.createUser('Bench writes', { email, password: 'bench password', role: 'owner', name: 'B' });
  const { token } = await sw.auth.createTokenForEmail(email, 'bench');
  await post(app, token, '/locations', { code: 'WH1', name: 'Main', type: 'warehouse' });
  await post(app, token, '/products', { sku: 'W-1', title: 'Write bench item', unitCost: 2 });
  await post(app, token, '/movements', { type: 'receipt', sku: 'W-1', location: 'WH1', quantity: 100000 });
  return token;
}

let orderSeq = 0;
async function timeWrites(app: App, token: string, label: string, samples: Map<string, number[]>) {
  for (let i = 0; i < RUNS; i++) {
    const movement = await post(app, token, '/movements', {
      type: 'adjustment',
      sku: 'W-1',
      location: 'WH1',
      quantity: 1,
      reason: 'found',
    });
    const order = await post(app, token, '/orders', {
      channel: 'shopify',
      externalId: `bench-app-${String(orderSeq++)}`,
      lines: [{ sku: 'W-1', quantity: 1, unitPrice: 9.99 }],
    });
    push(samples, `POST /movements (${label})`, movement);
    push(samples, `POST /orders (${label})`, order);
  }
}

function push(samples: Map<string, number[]>, key: string, ms: number) {
  samples.set(key, [...(samples.get(key) ?? []), ms]);
}

const pct = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
};

/** A progress line on stderr (stdout keeps the table and the JSON line): a long load is never silent. */
const progress =
  (backend: string) =>
  (fraction: number, message: string): void => {
    process.stderr.write(`[${backend}] ${String(Math.round(fraction * 100))}% ${message}\n`);
  };

async function benchBackend(backend: string) {
  const store = await storage(backend);
  const samples = new Map<string, number[]>();
  try {
    const asOf = isoDate(parseIsoDate(todayUtc()) - 1);
    let sw = await openStockwise(store.options);
    let app = createApp(sw);
    const writeToken = await smallSeller(sw, app);
    await timeWrites(app, writeToken, 'before demo', samples);
    let t0 = performance.now();
    const demo = await loadDemoSeller(sw, { skuCount: SKUS, asOf, onProgress: progress(backend) });
    push(samples, 'demo load', performance.now() - t0);
    progress(backend)(1, 'first forecast run');
    const actor = await sw.auth.ownerOf(demo.accountName);
    t0 = performance.now();
    await sw.forecasts.run(actor, { asOf: todayUtc() });
    push(samples, 'first forecast run', performance.now() - t0);
    const { token } = await sw.auth.createTokenForEmail(demo.email, 'bench');
    await timeWrites(app, writeToken, `after demo, ${String(demo.movements)} movements`, samples);
    const sku =
      (await sw.catalog.listProducts(actor, { limit: 1, sort: 'sku', order: 'asc' })).items[0]?.sku ?? '';
    const calls = dashboardCalls(sku, asOf);
    for (let run = 0; run < RUNS; run++) {
      progress(backend)(
        (run + 1) / RUNS,
        `round ${String(run + 1)} of ${String(RUNS)}: restart, cold and warm calls`,
      );
      await sw.close();
      t0 = performance.now();
      sw = await openStockwise(store.options);
      app = createApp(sw);
      push(samples, 'open (restart)', performance.now() - t0);
      for (const phase of ['cold', 'warm'] as const) {
        for (const call of calls) {
          push(samples, `${phase}|${call.page}|${call.path}`, await timed(app, token, call.path));
        }
      }
    }
    // A seller event on one SKU: the next plan recomputes only that SKU's forecasts (docs/decisions.md 22),
    // and the position only that SKU's lines (docs/decisions.md 38). Each call after its own event: the
    // first computation after a write, not one the call before it already made.
    const eventDay = (offset: number) => isoDate(parseIsoDate(asOf) + offset);
    const afterEvent = ['/restock', '/inventory/summary', '/reports/storage/overview?months=6'];
    for (let run = 0; run < RUNS; run++) {
      for (const [i, path] of afterEvent.entries()) {
        await post(app, token, '/events', {
          name: `Bench promotion ${String(run)}.${String(i)}`,
          startsOn: eventDay(10),
          endsOn: eventDay(16),
          scope: 'skus',
          skus: [sku],
          lift: 1.5,
        });
        push(samples, `GET ${path} after a one-SKU event`, await timed(app, token, path));
      }
    }
    await sw.close();
    return { demoMovements: demo.movements, samples };
  } finally {
    await store.cleanup();
  }
}

function table(results: Map<string, Map<string, number[]>>): string {
  const backends = [...results.keys()];
  const keys = [...new Set([...results.values()].flatMap((m) => [...m.keys()]))];
  const callKeys = [
    ...new Set(keys.filter((k) => k.includes('|')).map((k) => k.split('|').slice(1).join('|'))),
  ];
  const cell = (values: number[] | undefined) =>
    values ? `${pct(values, 0.5).toFixed(0)} / ${pct(values, 0.95).toFixed(0)}` : '—';
  const header = ['page', 'call', ...backends.flatMap((b) => [`${b} cold`, `${b} warm`])];
  const rows = callKeys.map((key) => {
    const [page = '', path = ''] = key.split('|');
    return [
      page,
      `GET ${path}`,
      ...backends.flatMap((b) => [
        cell(results.get(b)?.get(`cold|${key}`)),
        cell(results.get(b)?.get(`warm|${key}`)),
      ]),
    ];
  });
  for (const key of keys.filter((k) => !k.includes('|'))) {
    rows.push(['', key, ...backends.flatMap((b) => [cell(results.get(b)?.get(key)), ''])]);
  }
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

async function main() {
  const results = new Map<string, Map<string, number[]>>();
  const load = { before: loadavg().map((l) => Number(l.toFixed(2))), after: [] as number[] };
  let movements = 0;
  for (const backend of BACKENDS) {
    const r = await benchBackend(backend);
    movements = r.demoMovements;
    results.set(backend, r.samples);
  }
  load.after = loadavg().map((l) => Number(l.toFixed(2)));
  console.log(
    `\nbench:app — ${String(SKUS)} SKUs, ${String(movements)} demo movements, p50 / p95 ms of ${String(RUNS)} runs; ` +
      `load average ${load.before.join(' ')} before, ${load.after.join(' ')} after\n`,
  );
  console.log(table(results));
  const summary = Object.fromEntries(
    [...results].map(([b, m]) => [
      b,
      Object.fromEntries(
        [...m].map(([k, v]) => [
          k,
          { p50: Math.round(pct(v, 0.5)), p95: Math.round(pct(v, 0.95)), ms: v.map((x) => Math.round(x)) },
        ]),
      ),
    ]),
  );
  console.log(JSON.stringify({ skus: SKUS, movements, runs: RUNS, load, results: summary }));
}

await main();
