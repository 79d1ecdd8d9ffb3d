import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The source folders whose code computes what is kept across restarts: the rules, the SQL, the services.
 * Found through each package, as the migrations are (db/migrate.ts): the compiled CLI is one file in
 * packages/cli/dist, where paths relative to this module led nowhere and every process hashed to a name
 * of its own, so nothing stored was ever read back.
 */
export const BUILD_SOURCES = ['domain', 'db', 'server'].map(
  (pkg) =>
    `${join(dirname(createRequire(import.meta.url).resolve(`@stockwise/${pkg}/package.json`)), 'src')}/`,
);

let build: Promise<string> | undefined;

/**
 * A name for the code this process runs: a hash of every source file of the domain, db and server
 * packages. A stored answer is served only to the build that computed it (docs/decisions.md 34), so an
 * upgrade, or any edit, never serves an answer of the old formulas. Read once per process (≈ 450 files).
 * Where the sources cannot be read, a name of this process alone: nothing stored is ever reused.
 */
export function buildId(): Promise<string> {
  build ??= hashSources().catch(() => `process-${randomUUID()}`);
  return build;
}

/** How many source files are read at once (the reads overlap; the hash takes them in order). */
const READ_AT_ONCE = 64;

async function hashSources(): Promise<string> {
  const hash = createHash('sha256');
  for (const root of BUILD_SOURCES) {
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts')).sort();
    // Read in parallel batches: one file after another, each read several thread-pool round trips, took
    // 0.1–1.9 s on a loaded machine, on the first request after a start (docs/decisions.md 52).
    for (let i = 0; i < files.length; i += READ_AT_ONCE) {
      const batch = files.slice(i, i + READ_AT_ONCE);
      const contents = await Promise.all(batch.map((file) => readFile(root + file)));
      batch.forEach((file, j) => {
        hash.update(file);
        hash.update(contents[j] ?? '');
      });
    }
  }
  return hash.digest('hex').slice(0, 32);
}
