/**
 * npm run bench:grid — the inventory page's client-side filter and sort, the way the page runs them on
 * every keystroke and header click (packages/web/src/ledger/inventory/inventory-model.ts).
 *
 * Times a search and a sort over generated SKU × location rows (default 10,000 and 100,000 rows, five
 * locations per SKU) and prints p50 / p95 / max ms of --runs runs each, with the machine's load average.
 * Budget: at 100,000 rows a filter under 500 ms and a sort under 3 s on this 2-core machine, so the grid
 * stays usable without a server round trip (these were timed assertions in a unit test; timing belongs here).
 *
 * Options: --rows 10000,100000, --runs N (default 7).
 */
import { loadavg } from 'node:os';
import {
  filterRows,
  joinRows,
  sortRows,
  type RowFilter,
} from '../../packages/web/src/ledger/inventory/inventory-model';
import { generateBalances } from '../../packages/web/test/support/fixtures';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const sizes = (flag('rows') ?? '10000,100000').split(',').map(Number);
const runs = Math.max(1, Number(flag('runs') ?? 7));
const asOf = new Date('2026-11-26T00:00:00Z');
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const all: RowFilter = { search: '', location: null, category: null, status: 'all' };

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

function time(fn: () => unknown): number[] {
  const took: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    took.push(performance.now() - t0);
  }
  return took.sort((a, b) => a - b);
}

const fmt = (ms: number) => ms.toFixed(1).padStart(8);
console.log(
  `bench:grid — p50 / p95 / max ms of ${String(runs)} runs; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(
  `${'rows'.padStart(8)} ${'step'.padEnd(22)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}`,
);
for (const size of sizes) {
  if (!Number.isInteger(size) || size <= 0)
    throw new RangeError(`--rows: ${String(size)} is not a positive whole number`);
  const rows = joinRows(generateBalances(size), [], asOf);
  const steps: [string, () => unknown][] = [
    ['search "gen-0012"', () => filterRows(rows, { ...all, search: 'gen-0012' })],
    ['status "aged"', () => filterRows(rows, { ...all, status: 'aged' })],
    ['sort available desc', () => sortRows(rows, { column: 'available', direction: 'desc' }, collator)],
    ['sort sku asc', () => sortRows(rows, { column: 'sku', direction: 'asc' }, collator)],
  ];
  for (const [name, fn] of steps) {
    const took = time(fn);
    console.log(
      `${String(size).padStart(8)} ${name.padEnd(22)} ${fmt(quantile(took, 0.5))} ${fmt(quantile(took, 0.95))} ${fmt(took.at(-1)!)}`,
    );
  }
}
console.log(
  `load average after ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
