import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function newestMtime(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Test files run in parallel workers; a lock directory (mkdir is atomic) lets one of them do a
 * shared, expensive step while the others wait. `done()` says whether the step is already done
 * (checked before and after waiting); a lock older than `staleMs` is assumed abandoned.
 */
export async function underLock(
  lock: string,
  options: { done: () => boolean; work: () => Promise<void> | void; waitMs: number; staleMs: number },
): Promise<void> {
  if (options.done()) return;
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > options.staleMs) rmSync(lock, { recursive: true, force: true });
      if (waited > options.waitMs)
        throw new Error(`waited ${options.waitMs / 1000} s for ${lock}; remove it if nothing is running`);
      await sleep(250);
      if (options.done()) return;
    }
  }
  try {
    if (!options.done()) await options.work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
