/**
 * The restock plan from the API at scale, on PostgreSQL: `npm run bench:restock:api [-- --skus 30000
 * --base 300 --runs 3 --keep | --reuse postgres://…]`.
 *
 * Seeds one tenant with `skus` SKUs × 3 locations, then times `GET /api/v1/restock` with its defaults (the
 * route the restock page and the overview call), in-process through `app.request` as `bench:app` does.
 *
 * Seeding (not timed as a product figure): the demo seller of `base` SKUs (two locations, two years) is
 * loaded and forecast through the product's own paths (`loadDemoSeller`, the forecast run); a third
 * location (a second warehouse) is created through the locations service. The catalogue is then copied
 * `skus / base` times with set-based SQL — products (new SKUs, no barcode), the whole ledger
 * (`stock_movements`, `age_layers`, `stock_balances`), supplier terms, purchase orders with their lines and
 * receipts, and the stored forecasts of the run — and every row of the first warehouse is copied to the
 * second one; the storage limits are set as the demo gives a seller of `skus` SKUs. The product's
 * writers would take hours for the ~13 M movements (the demo load is ~40 s per 300 SKUs, the forecast
 * run ~10 ms a series); the copies are the demo's own rows, so the plan reads a
 * ledger, forecasts and lead times of the demo's shape at 100 times its size. Orders and their lines are
 * not copied (the plan reads reservations from the balances).
 *
 * Timed, per round: the first computation (a write of the account's cost defaults, which re-plans every
 * SKU, then a restart: nothing in the process, nothing stored for the new version), the same call warm,
 * and the first call after another restart (the stored answer of that version, docs/decisions.md 34).
 * Prints one table with the load average, then one JSON line.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { isoDate, parseIsoDate } from '../../packages/domain/src/dates/dates';
import { demoLocations } from '../../packages/domain/src/demo/network';
import { createScratchDatabase } from '../../packages/db/src/scratch-database';
import type { Sql } from '../../packages/db/src/database';
import { locationsRepository } from '../../packages/db/src/catalog/locations.repository';
import { DEMO_LOGIN, loadDemoSeller } from '../../packages/server/src/demo/load-demo';
import { todayUtc } from '../../packages/server/src/forecasting/forecast.service';
import { createApp } from '../../packages/server/src/http/app';
import { openStockwise, type Stockwise } from '../../packages/server/src/stockwise';
import { arg, PG_URL } from './options';

const SKUS = Number(arg('skus', '30000'));
const BASE = Number(arg('base', '300'));
const RUNS = Number(arg('runs', '3'));
const KEEP = process.argv.includes('--keep');
const REUSE = arg('reuse', '');
const COPIES = Math.max(1, Math.round(SKUS / BASE));

type App = ReturnType<typeof createApp>;

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const log = (message: string) => process.stderr.write(`[restock-api ${load()}] ${message}\n`);

async function request(app: App, token: string, path: string, init: RequestInit = {}) {
  const t0 = performance.now();
  const res = await app.request(`/api/v1${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  });
  const body = await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (res.status >= 300)
    throw new Error(`${path}: HTTP ${String(res.status)} ${new TextDecoder().decode(body)}`);
  return { ms, bytes: body.byteLength, body };
}

/** The columns of `table` but `id` and those given, in order: a copy names the rest as they are. */
async function columnsOf(sql: Sql, table: string, except: readonly string[]): Promise<string[]> {
  const rows = await sql.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => r.column_name).filter((c) => c !== 'id' && !except.includes(c));
}

/**
 * Copies `table`'s rows of the account selected by `where` (alias `t`), setting the columns of `set`
 * (SQL over `t`, the product map `m` and the copy number `k`); with `idStride`, the copy's id is
 * `t.id + k × idStride` so rows referring to it can be copied by the same rule.
 */
async function copyRows(
  sql: Sql,
  a: {
    table: string;
    accountId: number;
    set: Record<string, string>;
    from: string;
    where?: string;
    idStride?: number;
  },
): Promise<void> {
  const rest = await columnsOf(sql, a.table, Object.keys(a.set));
  const names = [...(a.idStride ? ['id'] : []), ...Object.keys(a.set), ...rest];
  const values = [
    ...(a.idStride ? [`t.id + k * ${String(a.idStride)}`] : []),
    ...Object.values(a.set),
    ...rest.map((c) => `t.${c}`),
  ];
  await sql.query(
    `INSERT INTO ${a.table} (${names.join(', ')}) ${a.idStride ? 'OVERRIDING SYSTEM VALUE' : ''}
     SELECT ${values.join(', ')} FROM ${a.from}
     WHERE t.account_id = $1 ${a.where ? `AND ${a.where}` : ''}`,
    [a.accountId],
  );
}

const strideOf = async (sql: Sql, table: string) =>
  (await sql.query<{ n: number }>(`SELECT coalesce(max(id), 0) + 1 AS n FROM ${table}`))[0]?.n ?? 1;

async function bumpSequence(sql: Sql, table: string) {
  await sql.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
}

/** The demo's catalogue, ledger, terms, orders to suppliers and forecasts, `COPIES` times (see the header). */
async function replicate(sw: Stockwise, accountId: number, warehouse: number, second: number) {
  await sw.tx.run(async (sql) => {
    // Copies of consistent rows: no per-row foreign-key checks, and the ledger's secondary indexes built
    // once after the copy instead of row by row (the copy is ~13 M movements).
    await sql.exec(`SET LOCAL session_replication_role = replica`);
    const indexes = await sql.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes
       WHERE schemaname = current_schema() AND tablename IN ('stock_movements', 'age_layers')
         AND indexname NOT LIKE '%_pkey'`,
    );
    for (const i of indexes) await sql.exec(`DROP INDEX ${i.indexname}`);
    await copyCatalogue(sql, accountId);
    await copyWarehouse(sql, accountId, warehouse, second);
    log('indexes');
    for (const i of indexes) await sql.exec(i.indexdef);
  });
  log('VACUUM (ANALYZE)');
  await sw.db.exec('VACUUM (ANALYZE)');
}

/** The catalogue and everything of it the plan reads, `COPIES` times over (new product ids). */
async function copyCatalogue(sql: Sql, accountId: number) {
  await sql.exec(`CREATE TEMP TABLE copies (k int PRIMARY KEY) ON COMMIT DROP;
    INSERT INTO copies SELECT generate_series(1, ${String(COPIES - 1)});
    CREATE TEMP TABLE product_map (old_id bigint, k int, new_id bigint) ON COMMIT DROP;`);
  log(`products × ${String(COPIES)}`);
  await copyRows(sql, {
    table: 'products',
    accountId,
    from: 'products t CROSS JOIN copies',
    set: { sku: `t.sku || '-C' || lpad(k::text, 3, '0')`, barcode: 'NULL' },
  });
  await sql.query(
    `INSERT INTO product_map
     SELECT o.id, c.k, n.id FROM products o CROSS JOIN copies c
     JOIN products n ON n.account_id = $1 AND n.sku = o.sku || '-C' || lpad(c.k::text, 3, '0')
     WHERE o.account_id = $1`,
    [accountId],
  );
  await sql.exec('CREATE INDEX ON product_map (old_id); ANALYZE product_map;');
  const mapped = 'JOIN product_map m ON m.old_id = t.product_id';
  const movements = await strideOf(sql, 'stock_movements');
  const layers = await strideOf(sql, 'age_layers');
  const orders = await strideOf(sql, 'purchase_orders');
  const lines = await strideOf(sql, 'purchase_order_lines');
  const receipts = await strideOf(sql, 'purchase_order_receipts');
  log('ledger: movements');
  await copyRows(sql, {
    table: 'stock_movements',
    accountId,
    from: `stock_movements t ${mapped}`,
    set: { product_id: 'm.new_id' },
    idStride: movements,
  });
  log('ledger: age layers');
  await copyRows(sql, {
    table: 'age_layers',
    accountId,
    from: `age_layers t ${mapped}`,
    set: {
      product_id: 'm.new_id',
      source_movement_id: `t.source_movement_id + m.k * ${String(movements)}`,
    },
    idStride: layers,
  });
  log('balances, supplier terms, forecasts, purchase orders');
  for (const table of ['stock_balances', 'supplier_products', 'forecasts'])
    await copyRows(sql, { table, accountId, from: `${table} t ${mapped}`, set: { product_id: 'm.new_id' } });
  await copyRows(sql, {
    table: 'purchase_orders',
    accountId,
    from: 'purchase_orders t CROSS JOIN copies',
    set: { number: `t.number || '-C' || lpad(k::text, 3, '0')` },
    idStride: orders,
  });
  await copyRows(sql, {
    table: 'purchase_order_lines',
    accountId,
    from: `purchase_order_lines t ${mapped}`,
    set: { product_id: 'm.new_id', purchase_order_id: `t.purchase_order_id + m.k * ${String(orders)}` },
    idStride: lines,
  });
  await copyRows(sql, {
    table: 'purchase_order_receipts',
    accountId,
    from: `purchase_order_receipts t CROSS JOIN copies`,
    set: {
      purchase_order_id: `t.purchase_order_id + k * ${String(orders)}`,
      line_id: `t.line_id + k * ${String(lines)}`,
      scan_key: `CASE WHEN t.scan_key IS NULL THEN NULL ELSE t.scan_key || '-C' || k::text END`,
    },
    idStride: receipts,
  });
  for (const table of ['stock_movements', 'age_layers', 'purchase_orders', 'purchase_order_lines'])
    await bumpSequence(sql, table);
  if (receipts > 1) await bumpSequence(sql, 'purchase_order_receipts');
}

/** The third location: every row of the first warehouse, at the second. */
async function copyWarehouse(sql: Sql, accountId: number, warehouse: number, second: number) {
  log('the second warehouse');
  const movements2 = await strideOf(sql, 'stock_movements');
  const layers2 = await strideOf(sql, 'age_layers');
  const orders2 = await strideOf(sql, 'purchase_orders');
  const lines2 = await strideOf(sql, 'purchase_order_lines');
  const at = `t.location_id = ${String(warehouse)}`;
  const one = 'CROSS JOIN (SELECT 1 AS k) c';
  await copyRows(sql, {
    table: 'stock_movements',
    accountId,
    from: `stock_movements t ${one}`,
    where: at,
    set: { location_id: String(second) },
    idStride: movements2,
  });
  await copyRows(sql, {
    table: 'age_layers',
    accountId,
    from: `age_layers t ${one}`,
    where: at,
    set: {
      location_id: String(second),
      source_movement_id: `t.source_movement_id + ${String(movements2)}`,
    },
    idStride: layers2,
  });
  for (const table of ['stock_balances', 'forecasts'])
    await copyRows(sql, {
      table,
      accountId,
      from: `${table} t`,
      where: at,
      set: { location_id: String(second) },
    });
  await copyRows(sql, {
    table: 'purchase_orders',
    accountId,
    from: `purchase_orders t ${one}`,
    where: at,
    set: { location_id: String(second), number: `t.number || '-W2'` },
    idStride: orders2,
  });
  await copyRows(sql, {
    table: 'purchase_order_lines',
    accountId,
    from: `purchase_order_lines t JOIN purchase_orders o ON o.id = t.purchase_order_id ${one}`,
    where: `o.location_id = ${String(warehouse)}`,
    set: { purchase_order_id: `t.purchase_order_id + ${String(orders2)}` },
    idStride: lines2,
  });
  for (const table of ['stock_movements', 'age_layers', 'purchase_orders', 'purchase_order_lines'])
    await bumpSequence(sql, table);
}

async function seed(url: string) {
  const sw = await openStockwise({ databaseUrl: url });
  const asOf = isoDate(parseIsoDate(todayUtc()) - 1);
  const t0 = performance.now();
  log(`demo seller of ${String(BASE)} SKUs`);
  const demo = await loadDemoSeller(sw, { skuCount: BASE, asOf });
  const actor = await sw.auth.ownerOf(demo.accountName);
  const [warehouse] = (await locationsRepository.listAll(sw.tx.sql, actor.accountId)).filter(
    (l) => l.type === 'warehouse',
  );
  if (!warehouse) throw new Error('the demo seller has no warehouse');
  await sw.locations.createLocation(actor, {
    code: 'WH2',
    name: 'Second warehouse',
    type: 'warehouse',
    marketplace: null,
    capacityCubicFeet: warehouse.capacityCubicFeet,
  });
  log('forecast run');
  await sw.forecasts.run(actor, { asOf: todayUtc() });
  const ids = await sw.tx.sql.query<{ code: string; id: number }>(
    'SELECT code, id FROM locations WHERE account_id = $1',
    [actor.accountId],
  );
  const idOf = (code: string) => ids.find((l) => l.code === code)?.id ?? 0;
  await replicate(sw, actor.accountId, idOf(warehouse.code), idOf('WH2'));
  // Storage limits as the demo gives a seller of this size (they grow with its catalogue).
  const scaled = demoLocations(BASE * COPIES);
  for (const l of scaled)
    await sw.locations.updateLocation(actor, l.code, { capacityCubicFeet: l.capacityCubicFeet ?? {} });
  const warehouseCapacity = scaled.find((l) => l.code === warehouse.code)?.capacityCubicFeet ?? {};
  await sw.locations.updateLocation(actor, 'WH2', { capacityCubicFeet: warehouseCapacity });
  const seconds = (performance.now() - t0) / 1000;
  await sw.close();
  return seconds;
}

async function counts(sw: Stockwise) {
  const [row] = await sw.tx.sql.query<{
    products: number;
    locations: number;
    movements: number;
    forecasts: number;
  }>(
    `SELECT (SELECT count(*) FROM products)::int AS products, (SELECT count(*) FROM locations)::int AS locations,
       (SELECT count(*) FROM stock_movements)::int AS movements, (SELECT count(*) FROM forecasts)::int AS forecasts`,
  );
  return row;
}

async function main() {
  process.env['STOCKWISE_SECRET_KEY'] ??= randomBytes(32).toString('hex');
  const scratch = REUSE ? undefined : await createScratchDatabase(PG_URL, 'sw_bench_restock_api_');
  const url = REUSE || scratch!.url;
  const samples: Record<string, number[]> = { first: [], warm: [], 'after restart': [] };
  try {
    const seedSeconds = REUSE ? 0 : await seed(url);
    let sw = await openStockwise({ databaseUrl: url });
    const size = await counts(sw);
    log(`seeded in ${seedSeconds.toFixed(0)} s: ${JSON.stringify(size)}`);
    const { token } = await sw.auth.createTokenForEmail(DEMO_LOGIN.email, 'bench');
    let lines = 0;
    for (let run = 0; run < RUNS; run++) {
      // A write that re-plans every SKU (the account's terms, stored as they were), then a restart: the
      // first computation.
      let app = createApp(sw);
      await request(app, token, '/restock/cost-defaults', {
        method: 'PUT',
        body: JSON.stringify({ orderCost: null }),
      });
      await sw.close();
      sw = await openStockwise({ databaseUrl: url });
      app = createApp(sw);
      const first = await request(app, token, '/restock');
      samples['first']!.push(first.ms);
      lines = (JSON.parse(new TextDecoder().decode(first.body)) as { items: unknown[] }).items.length;
      log(`round ${String(run + 1)}: first ${first.ms.toFixed(0)} ms, ${String(first.bytes)} bytes`);
      samples['warm']!.push((await request(app, token, '/restock')).ms);
      await sw.close();
      sw = await openStockwise({ databaseUrl: url });
      app = createApp(sw);
      samples['after restart']!.push((await request(app, token, '/restock')).ms);
    }
    await sw.close();
    const fmt = (v: number[]) => v.map((x) => (x / 1000).toFixed(2)).join(', ');
    console.log(
      `\nbench:restock:api — PostgreSQL, ${String(size?.products)} SKUs, ${String(size?.locations)} locations, ` +
        `${String(size?.movements)} movements, ${String(size?.forecasts)} stored forecasts; ` +
        `GET /api/v1/restock (defaults: ${String(lines)} lines); load average ${load()}\n`,
    );
    console.log('| call | seconds (each round) |\n| --- | --- |');
    for (const [k, v] of Object.entries(samples)) console.log(`| ${k} | ${fmt(v)} |`);
    console.log(JSON.stringify({ ...size, seedSeconds, lines, load: load(), samples }));
  } finally {
    if (scratch && !KEEP) await scratch.drop();
    else log(`kept: --reuse ${url}`);
  }
}

await main();
