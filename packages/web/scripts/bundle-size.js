#!/usr/bin/env node
// Budget check for the dashboard's first paint: the JavaScript the browser must fetch before the
// overview route (the landing page) can render, gzipped. Reads Vite's build manifest, follows the
// static imports of the entry and of the overview route chunk, and fails above the budget.
// Usage: node scripts/bundle-size.js [--budget-kb 300]
import process from 'node:process';
import console from 'node:console';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const manifestPath = join(dist, '.vite', 'manifest.json');
const budgetArg = process.argv.indexOf('--budget-kb');
const budgetKb = budgetArg > 0 ? Number(process.argv[budgetArg + 1]) : 300;
const OVERVIEW = 'src/overview/overview-page.tsx';

if (!existsSync(manifestPath)) {
  console.error(`No build manifest at ${manifestPath}: run "npm run build -w @stockwise/web" first.`);
  process.exit(2);
}

/** @type {Record<string, {file: string, imports?: string[], dynamicImports?: string[], css?: string[], isEntry?: boolean}>} */
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function closure(keys) {
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

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entry || !manifest[OVERVIEW]) {
  console.error(`Manifest lacks the entry or ${OVERVIEW}; did the route move?`);
  process.exit(2);
}

const initial = closure([entry, OVERVIEW]);
const js = [...new Set([...initial].map((key) => manifest[key].file))];
const css = [...new Set([...initial].flatMap((key) => manifest[key].css ?? []))];
const jsSizes = js
  .map((file) => ({ file, raw: statSync(join(dist, file)).size, gzip: gz(file) }))
  .sort((a, b) => b.gzip - a.gzip);
const cssGzip = css.reduce((sum, file) => sum + gz(file), 0);
const totalJs = jsSizes.reduce((sum, f) => sum + f.gzip, 0);

console.log('Initial chunks for the overview route (gzip -9):');
for (const f of jsSizes)
  console.log(`  ${f.file.padEnd(48)} ${kb(f.raw).padStart(10)} raw ${kb(f.gzip).padStart(10)} gz`);
console.log(
  `  JS total ${kb(totalJs)} gz (budget ${budgetKb} KB); CSS ${kb(cssGzip)} gz in ${css.length} file(s)`,
);

// For context: the largest lazy chunks, loaded only by the pages that need them.
// From the manifest, not the folder: old builds' chunks stay in dist on purpose (see vite.config.js).
const all = [...new Set(Object.values(manifest).map((chunk) => chunk.file))].filter((f) => f.endsWith('.js'));
const lazy = all
  .filter((file) => !js.includes(file))
  .map((file) => ({ file, gzip: gz(file) }))
  .sort((a, b) => b.gzip - a.gzip)
  .slice(0, 5);
console.log('Largest lazy chunks:');
for (const f of lazy) console.log(`  ${f.file.padEnd(48)} ${kb(f.gzip).padStart(10)} gz`);

if (totalJs > budgetKb * 1024) {
  console.error(`FAIL: initial JS ${kb(totalJs)} gz exceeds the ${budgetKb} KB budget.`);
  process.exit(1);
}
console.log('OK: within budget.');
