/**
 * npm run bench:health — inventory health at scale on PostgreSQL.
 *
 * Generates a catalogue of --skus SKUs (default 100,000) × 3 locations with two years of movements
 * (about 20 million ledger rows at the default size) in a fresh database `stockwise_bench_health`
 * (schema from migrate(); rows from generate_series, indexes built after the load), then times the
 * IPI proxy, the inventory-age report and the storage-fee report over every SKU, sampling peak
 * memory in each phase. Prints one JSON line; drops the database unless --keep.
 *
 * Options: --url postgres://postgres@127.0.0.1:5432 (or BENCH_DATABASE_URL), --skus N, --keep.
 */
import { Writable } from 'node:stream';
import { migrate } from '@stockwise/db/migrate';
import { openPostgresDatabase } from '@stockwise/db/postgres-database';
import { writeCsv } from '@stockwise/server/health/report-writers';
import { createStockwise } from '@stockwise/server/stockwise';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const baseUrl = flag('url') ?? process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432';
const skus = Number(flag('skus') ?? 100_000);
const keep = args.includes('--keep');
const DB = 'stockwise_bench_health';
const DAYS = 730;
const asOf = new Date().toISOString().slice(0, 10);

const log = (message: string) => process.stderr.write(`[bench:health] ${message}\n`);
const url = (database: string) => {
  const u = new URL(baseUrl);
  u.pathname = `/${database}`;
  return u.toString();
};

/** Peak RSS and heap while `fn` runs (sampled every 20 ms). */
async function measure<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number; peakRssMb: number; peakHeapMb: number }> {
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
    return { result, seconds: Math.round((performance.now() - start) / 10) / 100, peakRssMb: Math.round(peakRss / 2 ** 20), peakHeapMb: Math.round(peakHeap / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}

async function generate(db: ReturnType<typeof openPostgresDatabase>, accountId: number): Promise<{ movements: number }> {
  await db.exec(`SET synchronous_commit = off; SET maintenance_work_mem = '512MB'; SET work_mem = '256MB'`);
  const [l1] = await db.query<{ id: number }>(`INSERT INTO locations (account_id, code, name, type, marketplace, capacity_cubic_feet) VALUES ($1, 'FBA-US', 'Amazon US', 'amazon_fba', 'US', '{"standard": 500000, "oversize": 100000}') RETURNING id`, [accountId]);
  await db.query(`INSERT INTO locations (account_id, code, name, type) VALUES ($1, 'WH1', 'Own warehouse', 'warehouse'), ($1, '3PL', 'Third party', '3pl')`, [accountId]);
  log(`products: ${String(skus)}`);
  await db.query(
    `INSERT INTO products (account_id, sku, title, length, width, height, dimension_unit, weight, weight_unit, cubic_feet, size_tier, unit_cost, price, replenishable, listing_status)
     SELECT $1, 'SKU-' || lpad(i::text, 7, '0'), 'Bench product ' || i, 6 + i % 10, 4 + i % 6, 2 + i % 4, 'in', 0.5 + (i % 8) * 0.25, 'lb',
       round(((6 + i % 10) * (4 + i % 6) * (2 + i % 4)) / 1728.0, 6), CASE WHEN i % 50 = 0 THEN 'large_bulky' ELSE 'large_standard' END,
       2 + (i % 20) * 0.5, 9.99 + (i % 30), i % 10 <> 0, CASE WHEN i % 50 = 1 THEN 'inactive' WHEN i % 100 = 2 THEN 'error' ELSE 'active' END
     FROM generate_series(1, $2::int) AS i`,
    [accountId, skus],
  );
  const [batch] = await db.query<{ id: number }>(`INSERT INTO ledger_batches (account_id, kind, note) VALUES ($1, 'bench', 'generated') RETURNING id`, [accountId]);
  // Bulk load: no per-row FK checks, indexes rebuilt afterwards (a benchmark database only).
  await db.exec(`ALTER TABLE stock_movements DISABLE TRIGGER ALL; ALTER TABLE age_layers DISABLE TRIGGER ALL;
    DROP INDEX stock_movements_item; DROP INDEX stock_movements_time`);
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
    CREATE INDEX stock_movements_time ON stock_movements (account_id, occurred_at, id)`);
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
  const [run] = await db.query<{ id: number }>(`INSERT INTO forecast_runs (account_id, as_of, horizon, series_count) VALUES ($1, $2, 90, $3) RETURNING id`, [accountId, asOf, skus]);
  await db.query(
    `INSERT INTO forecasts (account_id, run_id, product_id, location_id, as_of, horizon, model, demand_class, mean, quantiles, dispersion, level_variance)
     SELECT $1, $2, p.id, NULL, $3::date, 90, 'bench', 'smooth', array_fill((0.1 + (p.id % 17) * 0.03)::float8, ARRAY[90]), '[]'::jsonb, 1, 0
     FROM products p WHERE p.account_id = $1`,
    [accountId, run!.id, asOf],
  );
  await db.exec('ANALYZE');
  const [count] = await db.query<{ n: number }>('SELECT count(*)::bigint AS n FROM stock_movements');
  return { movements: count!.n };
}

async function main(): Promise<void> {
  const admin = openPostgresDatabase(url('postgres'), { max: 1 });
  await admin.exec(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.exec(`CREATE DATABASE ${DB}`);
  await admin.close();
  const db = openPostgresDatabase(url(DB), { max: 4 });
  try {
    await migrate(db);
    const sw = createStockwise(db);
    const member = await sw.auth.createUser('Bench seller', { email: 'bench@stockwise.dev', password: 'bench-password', role: 'owner' });
    const actor = await sw.auth.ownerOf(member.accountId);
    const loadStart = performance.now();
    const { movements } = await generate(db, actor.accountId);
    const loadSeconds = Math.round((performance.now() - loadStart) / 100) / 10;
    log(`${String(movements)} movements loaded in ${String(loadSeconds)} s`);

    const ipi = await measure(() => sw.health.ipi(actor, { asOf }));
    log(`IPI proxy ${String(ipi.result.score)} in ${String(ipi.seconds)} s`);
    const sink = () => new Writable({ write: (_chunk, _enc, done) => { done(); } });
    const report = (kind: 'inventory-age' | 'storage') =>
      measure(async () => {
        const { columns, rows } = await sw.reports.stream(actor, kind, sw.reports.params({ asOf }));
        let count = 0;
        async function* counted() {
          for await (const page of rows) {
            count += page.length;
            yield page;
          }
        }
        await writeCsv(columns, counted(), sink());
        return count;
      });
    const age = await report('inventory-age');
    log(`age report: ${String(age.result)} rows in ${String(age.seconds)} s`);
    const storage = await report('storage');
    log(`storage fees: ${String(storage.result)} rows in ${String(storage.seconds)} s`);
    const target = 10;
    const figures = {
      bench: 'health',
      skus,
      locations: 3,
      ledgerRows: movements,
      loadSeconds,
      ipi: { seconds: ipi.seconds, score: ipi.result.score, peakRssMb: ipi.peakRssMb, peakHeapMb: ipi.peakHeapMb },
      ageReport: { seconds: age.seconds, rows: age.result, peakRssMb: age.peakRssMb, peakHeapMb: age.peakHeapMb },
      storageFees: { seconds: storage.seconds, rows: storage.result, peakRssMb: storage.peakRssMb, peakHeapMb: storage.peakHeapMb },
      targetSeconds: target,
      withinTarget: ipi.seconds < target && age.seconds < target && storage.seconds < target,
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
