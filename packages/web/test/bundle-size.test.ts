import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET_KB, measureFirstLoad } from '../scripts/bundle-size.js';
import { ensureWebBuilt } from './support/build';

describe('first-load bundle budget', () => {
  it(`keeps the overview route's initial JavaScript within ${DEFAULT_BUDGET_KB} KB gzipped`, async () => {
    await ensureWebBuilt();
    const report = measureFirstLoad();
    expect(report.initialChunks.length).toBeGreaterThan(0);
    expect(report.jsGzip).toBe(report.initialChunks.reduce((sum, chunk) => sum + chunk.gzip, 0));
    expect(report.jsGzip, `initial JS is ${report.jsGzip} bytes gzipped`).toBeLessThanOrEqual(
      DEFAULT_BUDGET_KB * 1024,
    );
    expect(report.withinBudget).toBe(true);
  });

  it('reports a build over a budget as over it', async () => {
    await ensureWebBuilt();
    const report = measureFirstLoad({ budgetKb: 1 });
    expect(report.budgetKb).toBe(1);
    expect(report.jsGzip).toBeGreaterThan(1024);
    expect(report.withinBudget).toBe(false);
  });

  it('fails loudly without a build manifest', () => {
    expect(() => measureFirstLoad({ dist: '/nonexistent-dist' })).toThrow(/No build manifest/);
  });
});
