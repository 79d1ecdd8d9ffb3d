// `npm start` serves the dashboard from packages/web/dist: build it on a fresh clone, and again when a
// web source (src/, public/, index.html, the Vite config, package.json) is newer than the build — a
// `git pull` must not leave the dashboard of an older version in front of a newer server.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newest } from './newest.mjs';

const WEB = 'packages/web';
const BUILT = join(WEB, 'dist/index.html');
const SOURCES = ['src', 'public', 'index.html', 'vite.config.js', 'package.json'].map((p) => join(WEB, p));

const manifest = JSON.parse(readFileSync(join(WEB, 'package.json'), 'utf8'));
if (!manifest.scripts?.build) process.exit(0);
const builtAt = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
const sourcesAt = Math.max(...SOURCES.map(newest));
if (builtAt > 0 && builtAt >= sourcesAt) process.exit(0);
console.log(
  builtAt > 0
    ? 'Rebuilding the dashboard (its sources are newer than the build)…'
    : 'Building the dashboard (first start only)…',
);
const result = spawnSync('npm', ['run', 'build', '-w', '@stockwise/web'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
