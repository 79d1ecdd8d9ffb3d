import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStockwise } from '../../src/stockwise';
import { countLines, productLines, serveSeller } from '../support/stock-import-probe';

const ROWS = 12_000;

/**
 * `stockwise serve` told to stop (SIGTERM, as a supervisor or `docker stop` does) in the middle of a stock import
 * stops between committed chunks, at once, and the import resumes where it stopped when the server runs again:
 * every count applied exactly once.
 */
describe('SIGTERM during an embedded import', () => {
  it('exits within 3 s between chunks; the job resumes after a restart and applies each count once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stockwise-shutdown-'));
    let server: ChildProcess | undefined;
    try {
      const seller = await serveSeller({ STOCKWISE_DATA: dataDir });
      server = seller.server;
      const { api } = seller;
      await api.waitForJob(await api.csv('products', productLines(ROWS)));
      const jobId = await api.csv('stock', countLines(ROWS));
      // Wait until the apply is under way: some chunks committed, most still to come.
      for (;;) {
        const job = await api.job(jobId);
        const done = /^applied (\d+) of/.exec(job.progressMessage ?? '');
        if (done && Number(done[1]) >= 1000) break;
        expect(job.status).not.toBe('succeeded');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const exited = once(server, 'exit');
      const started = performance.now();
      server.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      const stopMs = performance.now() - started;
      console.log(JSON.stringify({ stopMs: Math.round(stopMs) }));
      expect(code).toBe(0);
      expect(stopMs).toBeLessThan(3000);

      const stopped = await openStockwise({ dataDir });
      const [mid] = await stopped.db.query<{
        status: string;
        attempts: number;
        counts: number;
        staged: number;
      }>(
        `SELECT j.status, j.attempts, (SELECT count(*)::int FROM stock_movements WHERE reason = 'count') AS counts,
           (SELECT count(*)::int FROM import_rows) AS staged
         FROM jobs j WHERE j.id = $1`,
        [jobId],
      );
      await stopped.close();
      // Back in the queue with its attempt not counted; part of the counts committed, the rest still staged.
      expect(mid).toMatchObject({ status: 'queued', attempts: 0 });
      expect(mid!.counts).toBeGreaterThan(0);
      expect(mid!.counts + mid!.staged).toBe(ROWS);

      server = await seller.restart();
      const job = await api.waitForJob(jobId);
      expect(job.result).toMatchObject({ status: 'applied', applied: { adjusted: ROWS } });
      server.kill('SIGTERM');
      await once(server, 'exit');
      const after = await openStockwise({ dataDir });
      const [row] = await after.db.query<{ counts: number; onHand: number }>(
        `SELECT count(*)::int AS counts, sum(on_hand_delta)::int AS "onHand" FROM stock_movements WHERE reason = 'count'`,
      );
      await after.close();
      // SKU i counted 1 + (i mod 50): each once.
      expect(row).toEqual({ counts: ROWS, onHand: (ROWS / 50) * ((50 * 51) / 2) });
    } finally {
      server?.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 600_000);
});
