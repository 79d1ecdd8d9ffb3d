/**
 * Stock-import benchmark, `npm run bench:import -- --kind stock [--rows 100000]`: a real `stockwise serve` on a
 * fresh embedded (PGlite) data folder imports a stock count of `rows` lines as a background job while /api/health
 * is asked every 50 ms over the socket (packages/server/test/support/stock-import-probe.ts). Prints one JSON line:
 * the import's time, /api/health's p50/p99/max latency meanwhile, and the machine's load.
 */
import { loadavg } from 'node:os';
import { probeStockImport } from '../../packages/server/test/support/stock-import-probe';

export async function benchStockImport(rows: number): Promise<void> {
  const run = await probeStockImport(rows);
  console.log(
    JSON.stringify({
      kind: 'stock',
      db: 'pglite',
      rows: run.rows,
      seconds: Math.round(run.seconds * 10) / 10,
      rowsPerSecond: Math.round(run.rows / run.seconds),
      health: run.health,
      longestJobPollMs: run.longestJobPollMs,
      applied: run.applied,
      loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    }),
  );
}
