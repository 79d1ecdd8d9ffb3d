// `npm start` serves the dashboard from packages/web/dist; build it once on a fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('packages/web/package.json', 'utf8'));
if (existsSync('packages/web/dist/index.html') || !manifest.scripts?.build) process.exit(0);
console.log('Building the dashboard (first start only)…');
const result = spawnSync('npm', ['run', 'build', '-w', '@stockwise/web'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
