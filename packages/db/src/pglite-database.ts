import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Sql } from './database';
import { valueParsers } from './database';

/**
 * PGlite runs a statement synchronously inside the call and resolves its promise at once, so a chain of
 * awaited statements (a forecast run, a batch of orders, a report) never gives the event loop back:
 * no connection is accepted, no file served, no other request read until the chain ends (a first
 * burst of 200 order clients was accepted only at the end of the run, 20–60 s later). Each statement
 * first waits one turn of the loop, so I/O interleaves with long work (issue 15).
 */
const nextTurn = () =>
  new Promise<void>((resolve) => {
    setImmediate(resolve);
  });

/**
 * The data folder holds every seller's data: only its owner may read it — folders 0700, files 0600.
 * Fixed at every start (older versions left PGlite's files 0666), and files created later inherit it
 * through the process umask.
 */
export function restrictDataFolder(dir: string): void {
  const stat = lstatSync(dir, { throwIfNoEntry: false });
  if (!stat || stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
    for (const entry of readdirSync(dir)) restrictDataFolder(join(dir, entry));
  } else if ((stat.mode & 0o077) !== 0) chmodSync(dir, stat.mode & 0o700);
}

/**
 * A PANIC (or the WebAssembly runtime aborting) leaves PGlite unable to answer or to stop: every later
 * call hangs or fails (a full disk did this). The data on disk is intact; the process must go.
 */
export function isFatalPgliteError(error: unknown): boolean {
  if (error instanceof WebAssembly.RuntimeError) return true;
  if (typeof error === 'object' && error !== null && 'severity' in error && error.severity === 'PANIC')
    return true;
  const message = error instanceof Error ? error.message : String(error);
  return /^PANIC:|\bAborted\(/.test(message);
}

/** Exits with a clear message, so the supervisor restarts the server on the intact data folder. */
function exitOnFatal(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    `stockwise: the embedded database failed fatally (${message}); exiting so it can be restarted — the data folder is intact`,
  );
  process.exit(70);
}

/** Embedded PostgreSQL (WASM). `dataDir` undefined keeps everything in memory (tests). */
export async function openPgliteDatabase(
  dataDir?: string,
  options: { onFatal?: (error: unknown) => void } = {},
): Promise<Database> {
  if (dataDir) {
    process.umask(0o077);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    restrictDataFolder(dataDir);
  }
  const pg = await PGlite.create({ ...(dataDir ? { dataDir } : {}), parsers: valueParsers });
  if (dataDir) restrictDataFolder(dataDir);
  // A file-backed database that PANICs takes the process down (a wedged one would answer nothing).
  const onFatal = options.onFatal ?? (dataDir ? exitOnFatal : undefined);
  const guard = <T>(work: Promise<T>): Promise<T> =>
    work.catch((error: unknown) => {
      if (onFatal && isFatalPgliteError(error)) onFatal(error);
      throw error;
    });
  const asSql = (runner: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    async query<Row extends object>(text: string, params?: readonly unknown[]) {
      await nextTurn();
      const result = await guard(runner.query<Row>(text, params ? [...params] : []));
      return result.rows;
    },
    async exec(text: string) {
      await nextTurn();
      await guard(runner.exec(text));
    },
  });
  return {
    kind: 'pglite',
    ...asSql(pg),
    // PGlite has one connection and serialises transactions itself.
    transaction: (fn) => guard(pg.transaction((tx) => fn(asSql(tx)))),
    close: () => pg.close(),
    snapshot: () => guard(pg.dumpDataDir('gzip')),
  };
}
