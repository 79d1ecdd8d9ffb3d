import { afterAll, beforeAll, describe } from 'vitest';
import type { Database } from '@stockwise/db/database';
import { openPostgresDatabase } from '@stockwise/db/postgres-database';
import { createApp } from '../../src/http/app';
import { createStockwise, type Stockwise } from '../../src/stockwise';
import { openMigratedPglite } from './pglite-template';
import { createMigratedScratchDatabase } from './postgres-template';

/** Where the PostgreSQL tier runs; CI has it at the default. */
export const TEST_DATABASE_URL =
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface Backend {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated, empty database; `drop()` removes it. */
  open(): Promise<{ db: Database; drop: () => Promise<void> }>;
}

async function postgresReachable(): Promise<boolean> {
  const probe = openPostgresDatabase(TEST_DATABASE_URL, { max: 1 });
  try {
    await probe.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await probe.close().catch(() => undefined);
  }
}

const pglite: Backend = {
  name: 'pglite',
  async open() {
    const db = await openMigratedPglite();
    return { db, drop: () => db.close() };
  },
};

const postgres: Backend = {
  name: 'postgres',
  async open() {
    const scratch = await createMigratedScratchDatabase(TEST_DATABASE_URL);
    const db = openPostgresDatabase(scratch.url, { max: 20 });
    return {
      db,
      async drop() {
        await db.close();
        await scratch.drop();
      },
    };
  },
};

const hasPostgres = await postgresReachable();
if (!hasPostgres) {
  if (process.env['CI'])
    throw new Error(`PostgreSQL is required in CI but ${TEST_DATABASE_URL} is not reachable`);
  console.warn(
    `\n*** PostgreSQL at ${TEST_DATABASE_URL} is not reachable: the PostgreSQL tier of these tests is SKIPPED. ***\n`,
  );
}

export const BACKENDS: Backend[] = hasPostgres ? [pglite, postgres] : [pglite];

/** Registers the same suite once per storage backend (the contract that PGlite ≡ PostgreSQL). */
export function describeEachBackend(title: string, suite: (backend: Backend) => void): void {
  describe.each(BACKENDS.map((b) => [b.name, b] as const))(`${title} [%s]`, (_name, backend) => {
    suite(backend);
  });
  if (!hasPostgres)
    describe.skip(`${title} [postgres] — SKIPPED: PostgreSQL not reachable`, () => {
      /* nothing runs */
    });
}

/** A suite's Stockwise and its HTTP app, readable once the suite runs. */
export interface StockwiseContext {
  readonly sw: Stockwise;
  readonly app: ReturnType<typeof createApp>;
}

/**
 * Opens a fresh Stockwise on `backend` for the enclosing suite (beforeAll/afterAll) and exposes
 * it with its HTTP app: `const ctx = useStockwise(backend); … ctx.sw, ctx.app`.
 */
export function useStockwise(backend: Backend): StockwiseContext {
  let sw: Stockwise | undefined;
  let app: ReturnType<typeof createApp> | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const opened = await backend.open();
    drop = opened.drop;
    sw = createStockwise(opened.db);
    app = createApp(sw);
  });
  afterAll(async () => {
    await drop?.();
  });
  return {
    get sw() {
      if (!sw) throw new Error('useStockwise: used outside a test');
      return sw;
    },
    get app() {
      if (!app) throw new Error('useStockwise: used outside a test');
      return app;
    },
  };
}

/**
 * `useStockwise(backend)` with the fields `setup` makes of it in the suite's beforeAll (`timeout` its own),
 * readable beside `sw` and `app` once the suite runs; `keys` names them, as the object is returned before.
 */
export function useStockwiseWith<T extends object>(
  backend: Backend,
  keys: readonly (keyof T & string)[],
  setup: (ctx: StockwiseContext) => Promise<T>,
  timeout?: number,
): StockwiseContext & Readonly<T> {
  const ctx = useStockwise(backend);
  let made: T | undefined;
  beforeAll(async () => {
    made = await setup(ctx);
  }, timeout);
  const read = (key: keyof T & string) => {
    if (!made) throw new Error(`${key}: read outside a test (the suite's beforeAll makes it)`);
    return made[key];
  };
  const fields = Object.fromEntries(keys.map((key) => [key, { get: () => read(key) }]));
  return Object.defineProperties(ctx, fields) as StockwiseContext & Readonly<T>;
}
