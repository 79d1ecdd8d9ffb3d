import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newestMtime, underLock } from './fs-utils';
import { DIST, REPO_ROOT, WEB_ROOT } from './paths';

function isFresh(): boolean {
  const index = join(DIST, 'index.html');
  if (!existsSync(index)) return false;
  const sources = Math.max(
    newestMtime(join(WEB_ROOT, 'src')),
    newestMtime(join(WEB_ROOT, 'index.html')),
    newestMtime(join(WEB_ROOT, 'vite.config.js')),
  );
  return sources <= statSync(index).mtimeMs;
}

/** Builds the dashboard only when dist is missing or older than its sources; one worker builds, the others wait. */
export async function ensureWebBuilt(): Promise<void> {
  await underLock(join(WEB_ROOT, '.build.lock'), {
    done: isFresh,
    waitMs: 180_000,
    staleMs: 300_000,
    work: () => {
      const result = spawnSync(
        process.execPath,
        [join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
        {
          cwd: WEB_ROOT,
          encoding: 'utf8',
          // Vitest sets NODE_ENV=test, which would make Vite emit React's development build.
          env: { ...process.env, NODE_ENV: 'production' },
        },
      );
      if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
    },
  });
}
