/**
 * Import benchmark: `npm run bench:import [-- --lines 50000,500000 --db pglite,postgres --kind sales-history|orders|stock]`
 * (`--rows` is the same as `--lines`).
 *
 * Generates a retailer's invoice export (the UCI Online Retail II layout: 4,000 SKUs over two years,
 * invoices of about 20 lines, 2% cancellation invoices, 1% zero prices, postage lines) with `lines`
 * lines, imports it as a sales history through the product's own path (`importFile`, as the CLI does)
 * into a fresh embedded data folder and a fresh PostgreSQL database, and prints one JSON line per run
 * (seconds, lines/s) and a last line with the time ratio between the sizes (linear time: ratio of the
 * times ≈ ratio of the lines).
 *
 * `--kind stock [--rows 10000,100000]` measures a stock-count import instead, through a running server (./stock.ts).
 * `--kind orders` times the generic orders CSV instead: 4,000 products and a stock count imported first,
 * then orders of 1–5 lines (90% shipped at their dates, 5% cancelled, 5% left reserved) over two years.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '../../packages/domain/src/demo/prng';
import { parseSalesHistoryMapping } from '../../packages/domain/src/imports/sales-history';
import { createScratchDatabase } from '../../packages/db/src/scratch-database';
import { importFile } from '../../packages/server/src/imports/import.jobs';
import { openStockwise } from '../../packages/server/src/stockwise';
import { ONLINE_RETAIL_MAPPING } from '../../packages/server/test/support/history-mapping';
import { benchStockImport } from './stock';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const SIZES = arg('lines', arg('rows', '50000,500000')).split(',').map(Number);
const DBS = arg('db', 'pglite,postgres').split(',');
const KIND = arg('kind', 'sales-history');
if (!['sales-history', 'orders', 'stock'].includes(KIND))
  throw new Error('--kind is sales-history, orders or stock');
const PG_URL =
  process.env['BENCH_DATABASE_URL'] ??
  process.env['TEST_DATABASE_URL'] ??
  'postgres://postgres@127.0.0.1:5432/postgres';

async function writeFile(path: string, lines: number): Promise<void> {
  const out = createWriteStream(path);
  const rnd = mulberry32(lines); // the same file for the same size
  out.write('Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n');
  const start = Date.UTC(2009, 11, 1);
  let invoice = 489_434;
  for (let n = 0; n < lines;) {
    invoice += 1;
    const cancel = rnd() < 0.02;
    const day = new Date(start + Math.floor((n / lines) * 730) * 86_400_000).toISOString().slice(0, 10);
    const size = 1 + Math.floor(rnd() * 40);
    for (let i = 0; i < size && n < lines; i++, n++) {
      const postage = i === 0 && rnd() < 0.1;
      const sku = postage ? 'POST' : String(10_000 + Math.floor(rnd() ** 2 * 4000));
      const q = 1 + Math.floor(rnd() * 12);
      const price = rnd() < 0.01 ? '0.00' : (0.5 + rnd() * 20).toFixed(2);
      const row = `${cancel ? 'C' : ''}${invoice},${sku},ITEM ${sku},${cancel ? -q : q},${day} 10:${String(i % 60).padStart(2, '0')}:00,${price},${13_000 + (invoice % 500)},United Kingdom\n`;
      if (!out.write(row)) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
}

const BENCH_SKUS = 4000;

/** The generic orders CSV: `lines` lines in orders of 1–5 lines over two years. */
async function writeOrdersFile(path: string, lines: number): Promise<void> {
  const out = createWriteStream(path);
  const rnd = mulberry32(lines); // the same file for the same size
  out.write('channel,external_id,ordered_at,sku,quantity,unit_price,currency,status,shipped_at\n');
  const start = Date.UTC(2023, 0, 1);
  for (let n = 0, order = 1; n < lines; order++) {
    const at = start + Math.floor((n / lines) * 730 * 86_400_000);
    const roll = rnd();
    const status = roll < 0.9 ? 'shipped' : roll < 0.95 ? 'cancelled' : 'reserved';
    const shipped = status === 'shipped' ? new Date(at + 86_400_000).toISOString() : '';
    const size = 1 + Math.floor(rnd() * 5);
    for (let i = 0; i < size && n < lines; i++, n++) {
      const sku = `B${10_000 + Math.floor(rnd() ** 2 * BENCH_SKUS)}`;
      const row = `manual,BENCH-${order},${new Date(at).toISOString()},${sku},${1 + Math.floor(rnd() * 3)},${(2 + rnd() * 20).toFixed(2)},USD,${status},${shipped}\n`;
      if (!out.write(row)) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
}

/** Products and a stock count that cover every order of the orders file, imported before it is timed. */
function orderCatalog(dir: string): { products: string; stock: string } {
  const products = join(dir, 'products.csv');
  const stock = join(dir, 'stock.csv');
  const skus = Array.from({ length: BENCH_SKUS }, (_, i) => `B${10_000 + i}`);
  writeFileSync(products, `sku,title\n${skus.map((s) => `${s},Item ${s}`).join('\n')}\n`);
  writeFileSync(stock, `sku,location,quantity\n${skus.map((s) => `${s},WH,10000000`).join('\n')}\n`);
  return { products, stock };
}

async function runOne(db: string, lines: number, file: string) {
  const folder = mkdtempSync(join(tmpdir(), 'stockwise-bench-import-'));
  const name = `sw_bench_import_${randomBytes(4).toString('hex')}`;
  const scratch = db === 'postgres' ? await createScratchDatabase(PG_URL, 'sw_bench_import_') : undefined;
  const sw = await openStockwise(scratch ? { databaseUrl: scratch.url } : { dataDir: folder });
  try {
    const member = await sw.auth.createUser(`Bench ${name}`, {
      email: `${name}@example.com`,
      password: 'correct horse battery',
      role: 'owner',
    });
    const actor = await sw.auth.ownerOf(member.accountName);
    await sw.locations.createLocation(actor, { code: 'WH', name: 'Warehouse', type: 'warehouse' });
    if (KIND === 'orders') {
      const catalog = orderCatalog(folder);
      await importFile(sw.imports, actor, { kind: 'products', path: catalog.products });
      await importFile(sw.imports, actor, { kind: 'stock', path: catalog.stock });
    }
    const started = performance.now();
    const result = await importFile(
      sw.imports,
      actor,
      KIND === 'orders'
        ? { kind: 'orders', path: file, skipInvalid: true }
        : {
            kind: 'sales-history',
            path: file,
            skipInvalid: true,
            mapping: parseSalesHistoryMapping(JSON.stringify(ONLINE_RETAIL_MAPPING)),
          },
    );
    const seconds = (performance.now() - started) / 1000;
    const a = result.applied;
    return {
      db,
      kind: KIND,
      lines,
      seconds: Math.round(seconds * 10) / 10,
      linesPerSecond: Math.round(lines / seconds),
      rejected: result.rejected,
      loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
      applied:
        KIND === 'orders'
          ? { created: a['ordersCreated'], shipped: a['ordersShipped'], cancelled: a['ordersCancelled'] }
          : { units: a['units'], productsCreated: a['productsCreated'] },
    };
  } finally {
    await sw.db.close();
    rmSync(folder, { recursive: true, force: true });
    await scratch?.drop();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'stockwise-bench-files-'));
try {
  if (KIND === 'stock') {
    await benchStockImport(arg('rows', '10000,100000').split(',').map(Number), DBS, PG_URL);
    process.exit(0);
  }
  for (const db of DBS) {
    const runs = [];
    for (const lines of SIZES) {
      const file = join(dir, `${KIND}-${lines}.csv`);
      await (KIND === 'orders' ? writeOrdersFile(file, lines) : writeFile(file, lines));
      const r = await runOne(db, lines, file);
      runs.push(r);
      console.log(JSON.stringify(r));
    }
    const [a, b] = [runs[0], runs[runs.length - 1]];
    if (a && b && a !== b)
      console.log(
        JSON.stringify({
          db,
          linearity: {
            linesRatio: b.lines / a.lines,
            timeRatio: Math.round((b.seconds / a.seconds) * 100) / 100,
          },
        }),
      );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
