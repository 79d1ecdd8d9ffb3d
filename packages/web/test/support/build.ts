import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, REPO_ROOT, WEB_ROOT } from './paths';

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isStale(): boolean {
  const index = join(DIST, 'index.html');
  if (!existsSync(index)) return true;
  const sources = Math.max(newestMtime(join(WEB_ROOT, 'src')), newestMtime(join(WEB_ROOT, 'index.html')), newestMtime(join(WEB_ROOT, 'vite.config.js')));
  return sources > statSync(index).mtimeMs;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds the dashboard only when dist is missing or older than its sources. Test files run in
 * parallel workers, so a lock directory (mkdir is atomic) makes one of them build while the
 * others wait for it.
 */
export async function ensureWebBuilt(): Promise<void> {
  if (!isStale()) return;
  const lock = join(WEB_ROOT, '.build.lock');
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 120_000) throw new Error(`waited 2 minutes for ${lock}; remove it if no build is running`);
      await sleep(250);
      if (!isStale()) return;
    }
  }
  try {
    if (!isStale()) return;
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: WEB_ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
