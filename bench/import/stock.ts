/**
 * Stock-import benchmark, `npm run bench:import -- --kind stock [--rows 10000,100000] [--db pglite,postgres]`: a real
 * `stockwise serve` on a fresh embedded (PGlite) data folder, or a fresh PostgreSQL database, imports a stock count of
 * `rows` lines as a background job while /api/health is asked every 50 ms over the socket
 * (packages/server/test/support/stock-import-probe.ts). Prints one JSON line per run: the import's time, /api/health's
 * p50/p99/max latency meanwhile and the machine's load; then, per database, the time ratio between the sizes
 * (linear time: ratio of the times ≈ ratio of the rows).
 */
import { loadavg } from 'node:os';
import { createScratchDatabase } from '../../packages/db/src/scratch-database';
import { probeStockImport } from '../../packages/server/test/support/stock-import-probe';

const load = () => loadavg().map((l) => Math.round(l * 100) / 100);

/** A fresh PostgreSQL database under `adminUrl` for one run, dropped afterwards. */
async function withDatabase<T>(adminUrl: string, run: (url: string) => Promise<T>): Promise<T> {
  const scratch = await createScratchDatabase(adminUrl, 'sw_bench_stock_');
  try {
    return await run(scratch.url);
  } finally {
    await scratch.drop();
  }
}

export async function benchStockImport(sizes: readonly number[], dbs: readonly string[], pgUrl: string) {
  for (const db of dbs) {
    const runs: { rows: number; seconds: number }[] = [];
    for (const rows of sizes) {
      const loadBefore = load();
      const run = await (db === 'postgres'
        ? withDatabase(pgUrl, (url) => probeStockImport(rows, url))
        : probeStockImport(rows));
      const applied = run.applied as Record<string, unknown>;
      runs.push({ rows, seconds: run.seconds });
      console.log(
        JSON.stringify({
          kind: 'stock',
          db,
          rows: run.rows,
          seconds: Math.round(run.seconds * 10) / 10,
          rowsPerSecond: Math.round(run.rows / run.seconds),
          health: run.health,
          longestJobPollMs: run.longestJobPollMs,
          applied: { adjusted: applied['adjusted'], unitsAdded: applied['unitsAdded'] },
          loadAverage: { before: loadBefore, after: load() },
        }),
      );
    }
    const [a, b] = [runs[0], runs[runs.length - 1]];
    if (a && b && a !== b)
      console.log(
        JSON.stringify({
          kind: 'stock',
          db,
          linearity: {
            rowsRatio: b.rows / a.rows,
            timeRatio: Math.round((b.seconds / a.seconds) * 100) / 100,
          },
        }),
      );
  }
}
