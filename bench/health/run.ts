/**
 * npm run bench:health — inventory health at scale on PostgreSQL.
 *
 * Generates a catalogue of --skus SKUs (default 100,000) × 3 locations with two years of movements
 * (about 20 million ledger rows at the default size) in a fresh database `stockwise_bench_health`
 * (schema from migrate(); rows from generate_series, indexes built after the load), then times the
 * IPI proxy, the inventory-age report and the storage-fee report over every SKU, sampling peak
 * memory in each phase. Prints one JSON line; drops the database unless --keep.
 *
 * Options: --url postgres://postgres@127.0.0.1:5432 (or BENCH_DATABASE_URL), --skus N, --keep,
 * --db NAME (default stockwise_bench_health, or stockwise_bench_health_N for --skus N other than 100,000),
 * --reuse (use that database if it already holds a generated catalogue of --skus SKUs, else generate
 * it; implies --keep), --repeat N (time each computation N times; every figure is reported),
 * --only ipi,age,storage (a subset of the computations).
 */
import type { Hash } from 'node:crypto';
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { migrate } from '@stockwise/db/migrate';
import { openPostgresDatabase } from '@stockwise/db/postgres-database';
import { writeCsv } from '@stockwise/server/reports/report-writers';
import { createStockwise } from '@stockwise/server/stockwise';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const baseUrl = flag('url') ?? process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432';
const skus = Number(flag('skus') ?? 100_000);
const reuse = args.includes('--reuse');
const keep = reuse || args.includes('--keep');
const repeat = Math.max(1, Number(flag('repeat') ?? 1));
const only = new Set((flag('only') ?? 'ipi,age,storage').split(','));
const DB =
  flag('db') ?? (skus === 100_000 ? 'stockwise_bench_health' : `stockwise_bench_health_${String(skus)}`);
const DAYS = 730;
const asOf = new Date().toISOString().slice(0, 10);

const log = (message: string) => process.stderr.write(`[bench:health] ${message}\n`);
const url = (database: string) => {
  const u = new URL(baseUrl);
  u.pathname = `/${database}`;
  return u.toString();
};

/** Peak RSS and heap while `fn` runs (sampled every 20 ms). */
async function measure<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; seconds: number; peakRssMb: number; peakHeapMb: number }> {
  global.gc?.();
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  const start = performance.now();
  try {
    const result = await fn();
    return {
      result,
      seconds: Math.round((performance.now() - start) / 10) / 100,
      peakRssMb: Math.round(peakRss / 2 ** 20),
      peakHeapMb: Math.round(peakHeap / 2 ** 20),
    };
  } finally {
    clearInterval(timer);
  }
}

async function generate(db: ReturnType<typeof openPostgresDatabase>, accountId: number): Promise<void> {
  await db.exec(`SET synchronous_commit = off; SET maintenance_work_mem = '512MB'; SET work_mem = '256MB'`);
  const [l1] = await db.query<{ id: number }>(
    `INSERT INTO locations (account_id, code, name, type, marketplace, capacity_cubic_feet) VALUES ($1, 'FBA-US', 'Amazon US', 'amazon_fba', 'US', '{"standard": 500000, "oversize": 100000}') RETURNING id`,
    [accountId],
  );
  await db.query(
    `INSERT INTO locations (account_id, code, name, type) VALUES ($1, 'WH1', 'Own warehouse', 'warehouse'), ($1, '3PL', 'Third party', '3pl')`,
    [accountId],
  );
  log(`products: ${String(skus)}`);
  await db.query(
    `INSERT INTO products (account_id, sku, title, length, width, height, dimension_unit, weight, weight_unit, cubic_feet, size_tier, unit_cost, price, replenishable, listing_status)
     SELECT $1, 'SKU-' || lpad(i::text, 7, '0'), 'Bench product ' || i, 6 + i % 10, 4 + i % 6, 2 + i % 4, 'in', 0.5 + (i % 8) * 0.25, 'lb',
       round(((6 + i % 10) * (4 + i % 6) * (2 + i % 4)) / 1728.0, 6), CASE WHEN i % 50 = 0 THEN 'large_bulky' ELSE 'large_standard' END,
       2 + (i % 20) * 0.5, 9.99 + (i % 30), i % 10 <> 0, CASE WHEN i % 50 = 1 THEN 'inactive' WHEN i % 100 = 2 THEN 'error' ELSE 'active' END
     FROM generate_series(1, $2::int) AS i`,
    [accountId, skus],
  );
  const [batch] = await db.query<{ id: number }>(
    `INSERT INTO ledger_batches (account_id, kind, note) VALUES ($1, 'bench', 'generated') RETURNING id`,
    [accountId],
  );
  // Bulk load: no per-row FK checks, indexes rebuilt afterwards (a benchmark database only).
  await db.exec(`ALTER TABLE stock_movements DISABLE TRIGGER ALL; ALTER TABLE age_layers DISABLE TRIGGER ALL;
    DROP INDEX stock_movements_item; DROP INDEX stock_movements_time; DROP INDEX stock_movements_product_time`);
  const start = `(current_date - ${String(DAYS)})`;
  log('movements: receipts every 60 days, shipments every 13 days, per SKU × location, over two years');
  // Receipts: 12 per item (20–59 units), first on day (product + location) % 60.
  await db.query(
    `INSERT INTO stock_movements (account_id, batch_id, product_id, location_id, type, on_hand_delta, unit_cost, reference_type, occurred_at)
     SELECT $1, $2, p.id, l.id, 'receipt', 20 + (p.id + k) % 40, p.unit_cost, 'purchase_order',
       ((${start} + ((p.id + l.id) % 60 + 60 * k)::int)::timestamp + interval '9 hours') AT TIME ZONE 'UTC'
     FROM products p CROSS JOIN locations l CROSS JOIN generate_series(0, 11) AS k
     WHERE p.account_id = $1 AND l.account_id = $1`,
    [accountId, batch!.id],
  );
  // Shipments: every 13 days after the first receipt, 1–3 units; FBA sells for Amazon, others for Shopify.
  await db.query(
    `INSERT INTO stock_movements (account_id, batch_id, product_id, location_id, type, on_hand_delta, unit_cost, unit_price, channel, reference_type, occurred_at)
     SELECT $1, $2, p.id, l.id, 'shipment', -(1 + (p.id * 7 + d) % 3), p.unit_cost, p.price, CASE WHEN l.id = $3 THEN 'amazon' ELSE 'shopify' END, 'sale',
       ((${start} + d::int)::timestamp + interval '15 hours') AT TIME ZONE 'UTC'
     FROM products p CROSS JOIN locations l CROSS JOIN generate_series(0, ${String(DAYS - 1)}, 13) AS d
     WHERE p.account_id = $1 AND l.account_id = $1 AND d > (p.id + l.id) % 60 AND (p.listing_status = 'active' OR d < 400)`,
    [accountId, batch!.id, l1!.id],
  );
  log('indexes');
  await db.exec(`CREATE INDEX stock_movements_item ON stock_movements (account_id, product_id, location_id, occurred_at);
    CREATE INDEX stock_movements_time ON stock_movements (account_id, occurred_at, id)
      INCLUDE (product_id, location_id, type, on_hand_delta, reserved_delta, inbound_delta);
    CREATE INDEX stock_movements_product_time ON stock_movements (account_id, product_id, occurred_at)
      INCLUDE (location_id, type, on_hand_delta, reserved_delta, inbound_delta)`);
  log('balances and FIFO layers');
  await db.query(
    `INSERT INTO stock_balances (account_id, product_id, location_id, on_hand)
     SELECT $1, product_id, location_id, GREATEST(0, sum(on_hand_delta)) FROM stock_movements WHERE account_id = $1 GROUP BY product_id, location_id`,
    [accountId],
  );
  // Open layers: what is on hand comes from the newest receipts (FIFO sold the oldest first).
  await db.query(
    `INSERT INTO age_layers (account_id, product_id, location_id, received_at, quantity_received, quantity_remaining, unit_cost, source_movement_id)
     SELECT $1, r.product_id, r.location_id, r.occurred_at, r.on_hand_delta,
       LEAST(r.on_hand_delta, GREATEST(0, b.on_hand - (r.newer))), r.unit_cost, r.id
     FROM (SELECT m.*, coalesce(sum(on_hand_delta) OVER (PARTITION BY product_id, location_id ORDER BY occurred_at DESC, id DESC
             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS newer
           FROM stock_movements m WHERE account_id = $1 AND type = 'receipt') r
     JOIN stock_balances b ON b.product_id = r.product_id AND b.location_id = r.location_id
     WHERE b.on_hand - r.newer > 0`,
    [accountId],
  );
  await db.exec(`ALTER TABLE stock_movements ENABLE TRIGGER ALL; ALTER TABLE age_layers ENABLE TRIGGER ALL`);
  log('forecasts: one per SKU (all locations), 90 days');
  const [run] = await db.query<{ id: number }>(
    `INSERT INTO forecast_runs (account_id, as_of, horizon, series_count) VALUES ($1, $2, 90, $3) RETURNING id`,
    [accountId, asOf, skus],
  );
  await db.query(
    `INSERT INTO forecasts (account_id, run_id, product_id, location_id, as_of, horizon, model, demand_class, mean, quantiles, dispersion, level_variance)
     SELECT $1, $2, p.id, NULL, $3::date, 90, 'bench', 'smooth', array_fill((0.1 + (p.id % 17) * 0.03)::float8, ARRAY[90]), '[]'::jsonb, 1, 0
     FROM products p WHERE p.account_id = $1`,
    [accountId, run!.id, asOf],
  );
  await vacuum(db);
}

/**
 * VACUUM (ANALYZE): what autovacuum does to an append-only ledger in production (statistics, and pages
 * marked all-visible so index-only scans skip the heap). A no-op on a database already vacuumed.
 */
async function vacuum(db: ReturnType<typeof openPostgresDatabase>): Promise<void> {
  log('vacuum (analyze)');
  await db.exec('VACUUM (ANALYZE) stock_movements, age_layers, stock_balances, products, forecasts');
}

/** Whether `DB` exists and already holds a generated catalogue of `skus` SKUs (then its account id). */
async function existing(): Promise<number | undefined> {
  const admin = openPostgresDatabase(url('postgres'), { max: 1 });
  try {
    const [found] = await admin.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_database WHERE datname = $1',
      [DB],
    );
    if (!found || found.n === 0) return undefined;
  } finally {
    await admin.close();
  }
  const db = openPostgresDatabase(url(DB), { max: 1 });
  try {
    const [row] = await db.query<{ account_id: number; n: number }>(
      `SELECT p.account_id, count(*)::int AS n FROM products p JOIN ledger_batches b ON b.account_id = p.account_id AND b.kind = 'bench'
       GROUP BY p.account_id ORDER BY p.account_id LIMIT 1`,
    );
    return row && row.n === skus ? row.account_id : undefined;
  } catch {
    return undefined;
  } finally {
    await db.close();
  }
}

/** The CSV of a report, hashed (so a change of implementation can be checked to give the same bytes). */
function hashingSink(hash: Hash): Writable {
  return new Writable({
    write: (chunk: Buffer | string, _enc, done) => {
      hash.update(chunk);
      done();
    },
  });
}

async function main(): Promise<void> {
  let accountId = reuse ? await existing() : undefined;
  let loadSeconds: number | null = null;
  if (accountId === undefined) {
    const admin = openPostgresDatabase(url('postgres'), { max: 1 });
    await admin.exec(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin.exec(`CREATE DATABASE ${DB}`);
    await admin.close();
  } else {
    log(`reusing ${DB} (${String(skus)} SKUs)`);
  }
  const db = openPostgresDatabase(url(DB), { max: 4 });
  try {
    log('migrations');
    await migrate(db);
    const sw = createStockwise(db);
    if (accountId === undefined) {
      const member = await sw.auth.createUser('Bench seller', {
        email: 'bench@stockwise.dev',
        password: 'bench-password',
        role: 'owner',
      });
      const loadStart = performance.now();
      await generate(db, member.accountId);
      loadSeconds = Math.round((performance.now() - loadStart) / 100) / 10;
      accountId = member.accountId;
    }
    if (loadSeconds === null) await vacuum(db);
    const actor = await sw.auth.ownerOf(accountId);
    const [count] = await db.query<{ n: number }>(
      'SELECT count(*)::bigint AS n FROM stock_movements WHERE account_id = $1',
      [accountId],
    );
    const movements = count!.n;
    log(`${String(movements)} movements${loadSeconds === null ? '' : ` loaded in ${String(loadSeconds)} s`}`);

    type Timed = Awaited<ReturnType<typeof measure<number>>> & { digest: string };
    const ipiRun = async (): Promise<Timed> => {
      const m = await measure(() => sw.health.ipi(actor, { asOf }));
      const digest = createHash('sha256').update(JSON.stringify(m.result)).digest('hex').slice(0, 16);
      log(`IPI proxy ${String(m.result.score)} in ${String(m.seconds)} s (${digest})`);
      return { ...m, result: m.result.score, digest };
    };
    const report = async (kind: 'inventory-age' | 'storage'): Promise<Timed> => {
      const hash = createHash('sha256');
      const m = await measure(async () => {
        const { columns, rows } = await sw.reports.stream(actor, kind, sw.reports.params({ asOf }));
        let n = 0;
        async function* counted() {
          for await (const page of rows) {
            n += page.length;
            yield page;
          }
        }
        await writeCsv(columns, counted(), hashingSink(hash));
        return n;
      });
      const digest = hash.digest('hex').slice(0, 16);
      log(`${kind}: ${String(m.result)} rows in ${String(m.seconds)} s (${digest})`);
      return { ...m, digest };
    };
    const runs: Record<'ipi' | 'age' | 'storage', Timed[]> = { ipi: [], age: [], storage: [] };
    for (let i = 0; i < repeat; i++) {
      if (only.has('ipi')) runs.ipi.push(await ipiRun());
      if (only.has('age')) runs.age.push(await report('inventory-age'));
      if (only.has('storage')) runs.storage.push(await report('storage'));
    }
    const target = 10;
    const figure = (list: Timed[], key: 'score' | 'rows') =>
      list.length === 0
        ? null
        : {
            seconds: list.length === 1 ? list[0]!.seconds : list.map((t) => t.seconds),
            [key]: list[0]!.result,
            peakRssMb: Math.max(...list.map((t) => t.peakRssMb)),
            peakHeapMb: Math.max(...list.map((t) => t.peakHeapMb)),
            digest: list[0]!.digest,
          };
    const all = [...runs.ipi, ...runs.age, ...runs.storage];
    const figures = {
      bench: 'health',
      skus,
      locations: 3,
      ledgerRows: movements,
      loadSeconds,
      ipi: figure(runs.ipi, 'score'),
      ageReport: figure(runs.age, 'rows'),
      storageFees: figure(runs.storage, 'rows'),
      targetSeconds: target,
      withinTarget: all.every((t) => t.seconds < target),
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    await db.close();
    if (!keep) {
      const cleanup = openPostgresDatabase(url('postgres'), { max: 1 });
      await cleanup.exec(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
      await cleanup.close();
    }
  }
}

await main();
