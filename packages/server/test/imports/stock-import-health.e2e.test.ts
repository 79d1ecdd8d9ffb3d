import { describe, expect, it } from 'vitest';
import { probeStockImport } from '../support/stock-import-probe';

/**
 * Issue #16's acceptance, from outside: a real `stockwise serve` on the embedded database keeps answering
 * /api/health (within 1 s, every time) while it applies a 3,000-row stock import. The 100,000-row figures are
 * measured by `npm run bench:import -- --kind stock`.
 */
describe('a stock import on the embedded database, seen from a load balancer', () => {
  it('answers /api/health within 1 s throughout a 3,000-row import', async () => {
    const run = await probeStockImport(3000);
    console.log(JSON.stringify(run.health), run.seconds, run.longestJobPollMs);
    expect(run.applied).toMatchObject({ adjusted: 3000 });
    expect(run.health.answers).toBeGreaterThan(1);
    expect(run.health.failures).toBe(0);
    expect(run.health.maxMs).toBeLessThan(1000);
  }, 600_000);
});
