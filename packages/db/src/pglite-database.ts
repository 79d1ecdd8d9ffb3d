import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Sql } from './database';
import { valueParsers } from './database';

/**
 * PGlite runs a statement synchronously inside the call and resolves its promise at once, so a chain of
 * awaited statements (a forecast run, a batch of orders, a report) never gives the event loop back:
 * no connection is accepted, no file served, no other request read until the chain ends. Each statement
 * therefore first waits one turn of the loop, so I/O interleaves with long work (issue 15).
 */
const nextTurn = () =>
  new Promise<void>((resolve) => {
    setImmediate(resolve);
  });

/** How long one statement may give way to a burst of new connections before it runs anyway. */
const MAX_GIVE_WAY_MS = 100;

/**
 * Statements and transactions wait in one first-come queue, and each starts on a turn of the loop of
 * its own. PGlite's own lock hands the database to the next waiting statement in the same microtask
 * run, so the statements queued behind a transaction all ran in one turn.
 *
 * Node accepts one new connection per turn (libuv accepts once per poll since 1.45), so a burst of
 * 200 new clients needs 200 turns; with a statement in each, the burst was accepted over seconds while
 * the clients already connected were served (bench:orders: the first burst's orders took 5–11 s, the
 * rest under one). A turn that accepted a connection is therefore followed by another, empty one
 * before the next statement, for at most MAX_GIVE_WAY_MS: accepting is cheap, and the requests it
 * brings join the next batch.
 */
class TurnQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private accepted = false;

  /** Called for each connection the HTTP server accepts. */
  noteConnection(): void {
    this.accepted = true;
  }

  /** One turn of the loop, and more while each turn accepted a new connection. */
  async turn(): Promise<void> {
    const started = performance.now();
    do {
      this.accepted = false;
      await nextTurn();
    } while (this.accepted && performance.now() - started < MAX_GIVE_WAY_MS);
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(async () => {
      await this.turn();
      return work();
    });
    this.tail = result.catch(() => undefined);
    return result;
  }
}

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
  options: {
    onFatal?: (error: unknown) => void;
    /** Starts from a `snapshot()` instead of an empty cluster (skips initdb; tests' migrated template). */
    loadDataDir?: Blob;
  } = {},
): Promise<Database> {
  if (dataDir) {
    process.umask(0o077);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    restrictDataFolder(dataDir);
  }
  const pg = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: valueParsers,
  });
  if (dataDir) restrictDataFolder(dataDir);
  // A file-backed database that PANICs takes the process down (a wedged one would answer nothing).
  const onFatal = options.onFatal ?? (dataDir ? exitOnFatal : undefined);
  const guard = <T>(work: Promise<T>): Promise<T> =>
    work.catch((error: unknown) => {
      if (onFatal && isFatalPgliteError(error)) onFatal(error);
      throw error;
    });
  const queue = new TurnQueue();
  /** Inside a transaction the queue is held: its statements only wait their turn of the loop. */
  const inTransaction = (tx: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    async query<Row extends object>(text: string, params?: readonly unknown[]) {
      await queue.turn();
      return (await guard(tx.query<Row>(text, params ? [...params] : []))).rows;
    },
    async exec(text: string) {
      await queue.turn();
      await guard(tx.exec(text));
    },
  });
  return {
    kind: 'pglite',
    query: async <Row extends object>(text: string, params?: readonly unknown[]) =>
      (await queue.run(() => guard(pg.query<Row>(text, params ? [...params] : [])))).rows,
    exec: async (text: string) => {
      await queue.run(() => guard(pg.exec(text)));
    },
    transaction: (fn) => queue.run(() => guard(pg.transaction((tx) => fn(inTransaction(tx))))),
    close: () => queue.run(() => pg.close()),
    snapshot: () => queue.run(() => guard(pg.dumpDataDir('gzip'))),
    favourNewConnections: (server) => {
      server.on('connection', () => {
        queue.noteConnection();
      });
    },
  };
}
