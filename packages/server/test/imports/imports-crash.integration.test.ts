import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStockwise } from '../../src/stockwise';
import { freePort, ownerArgs, STOCKWISE_BIN, startServe, stockwiseCli } from '../support/stockwise-process';

const ROWS = 150_000;

const stockwise = (args: string[], env: Record<string, string>) =>
  stockwiseCli(args, env, { timeoutMs: 240_000, maxBuffer: 16 * 1024 * 1024 });

async function writeBigFile(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('sku,title,unit_cost,price\n');
  for (let i = 0; i < ROWS; i++) {
    if (!out.write(`CRASH-${String(i).padStart(7, '0')},Crash test item ${i},1.50,4.99\n`))
      await once(out, 'drain');
  }
  await new Promise<void>((resolve) => out.end(resolve));
}

async function state(dataDir: string) {
  const sw = await openStockwise({ dataDir });
  try {
    const [p] = await sw.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM products WHERE sku LIKE 'CRASH-%'`,
    );
    const imports = await sw.db.query<{ status: string }>('SELECT status FROM imports ORDER BY id');
    const [s] = await sw.db.query<{ n: number }>('SELECT count(*)::int AS n FROM import_rows');
    return { products: p?.n ?? 0, imports: imports.map((i) => i.status), staged: s?.n ?? 0 };
  } finally {
    await sw.close();
  }
}

/** Killing the server (SIGKILL) in the middle of a large import leaves no partial import; running it again completes it. */
describe('import survives SIGKILL of the server mid-import', () => {
  let dataDir: string;
  let file: string;
  let server: ChildProcess | undefined;
  const env = () => ({ STOCKWISE_DATA: dataDir });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'stockwise-crash-'));
    file = join(dataDir, 'big-products.csv');
    await writeBigFile(file);
    await stockwise(['migrate', '--json'], env());
    await stockwise(
      ownerArgs({ account: 'Crash Seller', email: 'crash@example.com', password: 'crash password' }),
      env(),
    );
  });
  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`SIGKILL while a ${ROWS.toLocaleString('en')}-row import runs: nothing applied; the same command again completes it`, async () => {
    const port = await freePort();
    server = await startServe({ port, env: env() });
    const token = (await stockwise(['token', 'create', '--email', 'crash@example.com'], env())).trim();
    const importer = spawn(process.execPath, [STOCKWISE_BIN, 'import', 'products', file, '--json'], {
      env: { ...process.env, ...env() },
      stdio: 'ignore',
    });
    // Wait until the job is well into the file, then kill the server without warning.
    let progress = 0;
    const deadline = Date.now() + 120_000;
    while (progress < 0.2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/jobs`, {
        headers: { Authorization: `Bearer ${token}` },
      }).catch(() => undefined);
      const body = res?.ok
        ? ((await res.json()) as { items: { kind: string; progress: number }[] })
        : { items: [] };
      progress = body.items.find((j) => j.kind === 'import.file')?.progress ?? 0;
    }
    expect(progress).toBeGreaterThanOrEqual(0.2);
    expect(progress).toBeLessThan(1);
    server.kill('SIGKILL');
    await once(server, 'exit');
    server = undefined;
    importer.kill('SIGKILL');

    const crashed = await state(dataDir);
    expect(crashed.products).toBe(0);
    expect(crashed.imports).not.toContain('applied');

    const out = JSON.parse(await stockwise(['import', 'products', file, '--json'], env())) as {
      status: string;
      rows: number;
      applied: { productsChanged: number };
    };
    expect(out).toMatchObject({ status: 'applied', rows: ROWS, applied: { productsChanged: ROWS } });
    const done = await state(dataDir);
    expect(done).toEqual({ products: ROWS, imports: ['applied'], staged: 0 });

    const again = JSON.parse(await stockwise(['import', 'products', file, '--json'], env())) as {
      status: string;
    };
    expect(again.status).toBe('unchanged');
  }, 300_000);
});
