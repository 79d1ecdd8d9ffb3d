#!/usr/bin/env node
// Budget check for the dashboard's first paint: the JavaScript the browser must fetch before the
// overview route (the landing page) can render, gzipped. Reads Vite's build manifest, follows the
// static imports of the entry and of the overview route chunk, and fails above the budget.
// Usage: node scripts/bundle-size.js [--budget-kb 300]
// The test suite calls measureFirstLoad after its build (test/bundle-size.test.ts).
import process from 'node:process';
import console from 'node:console';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_BUDGET_KB = 300;
const OVERVIEW = 'src/overview/overview-page.tsx';
const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The manifest keys reachable from `keys` through static imports. */
function closure(manifest, keys) {
  const seen = new Set();
  const stack = [...keys];
  while (stack.length) {
    const key = stack.pop();
    if (seen.has(key) || !manifest[key]) continue;
    seen.add(key);
    stack.push(...(manifest[key].imports ?? []));
  }
  return seen;
}

/**
 * Measures the first load of a built dashboard: the gzipped JavaScript of the entry and the overview
 * route with their static imports, against a budget in KB. Throws when there is no usable manifest.
 * @param {{ dist?: string, budgetKb?: number }} [options]
 */
export function measureFirstLoad({ dist = DIST, budgetKb = DEFAULT_BUDGET_KB } = {}) {
  const manifestPath = join(dist, '.vite', 'manifest.json');
  if (!existsSync(manifestPath))
    throw new Error(`No build manifest at ${manifestPath}: run "npm run build -w @stockwise/web" first.`);
  /** @type {Record<string, {file: string, imports?: string[], dynamicImports?: string[], css?: string[], isEntry?: boolean}>} */
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entry || !manifest[OVERVIEW])
    throw new Error(`Manifest lacks the entry or ${OVERVIEW}; did the route move?`);

  const initial = closure(manifest, [entry, OVERVIEW]);
  const js = [...new Set([...initial].map((key) => manifest[key].file))];
  const css = [...new Set([...initial].flatMap((key) => manifest[key].css ?? []))];
  const initialChunks = js
    .map((file) => ({ file, raw: statSync(join(dist, file)).size, gzip: gz(file) }))
    .sort((a, b) => b.gzip - a.gzip);
  const cssGzip = css.reduce((sum, file) => sum + gz(file), 0);
  const jsGzip = initialChunks.reduce((sum, f) => sum + f.gzip, 0);

  // For context: the largest lazy chunks, loaded only by the pages that need them.
  // From the manifest, not the folder: old builds' chunks stay in dist on purpose (see vite.config.js).
  const all = [...new Set(Object.values(manifest).map((chunk) => chunk.file))].filter((f) =>
    f.endsWith('.js'),
  );
  const largestLazyChunks = all
    .filter((file) => !js.includes(file))
    .map((file) => ({ file, gzip: gz(file) }))
    .sort((a, b) => b.gzip - a.gzip)
    .slice(0, 5);

  return {
    budgetKb,
    jsGzip,
    cssGzip,
    cssFiles: css.length,
    initialChunks,
    largestLazyChunks,
    withinBudget: jsGzip <= budgetKb * 1024,
  };
}

function main() {
  const budgetArg = process.argv.indexOf('--budget-kb');
  const budgetKb = budgetArg > 0 ? Number(process.argv[budgetArg + 1]) : DEFAULT_BUDGET_KB;
  let report;
  try {
    report = measureFirstLoad({ budgetKb });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  console.log('Initial chunks for the overview route (gzip -9):');
  for (const f of report.initialChunks)
    console.log(`  ${f.file.padEnd(48)} ${kb(f.raw).padStart(10)} raw ${kb(f.gzip).padStart(10)} gz`);
  console.log(
    `  JS total ${kb(report.jsGzip)} gz (budget ${budgetKb} KB); CSS ${kb(report.cssGzip)} gz in ${report.cssFiles} file(s)`,
  );
  console.log('Largest lazy chunks:');
  for (const f of report.largestLazyChunks)
    console.log(`  ${f.file.padEnd(48)} ${kb(f.gzip).padStart(10)} gz`);
  if (!report.withinBudget) {
    console.error(`FAIL: initial JS ${kb(report.jsGzip)} gz exceeds the ${budgetKb} KB budget.`);
    process.exit(1);
  }
  console.log('OK: within budget.');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
