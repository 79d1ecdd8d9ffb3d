import { mkdirSync } from 'node:fs';
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

/** Embedded PostgreSQL (WASM). `dataDir` undefined keeps everything in memory (tests). */
export async function openPgliteDatabase(dataDir?: string): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create({ ...(dataDir ? { dataDir } : {}), parsers: valueParsers });
  const asSql = (runner: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    async query<Row extends object>(text: string, params?: readonly unknown[]) {
      await nextTurn();
      const result = await runner.query<Row>(text, params ? [...params] : []);
      return result.rows;
    },
    async exec(text: string) {
      await nextTurn();
      await runner.exec(text);
    },
  });
  return {
    kind: 'pglite',
    ...asSql(pg),
    // PGlite has one connection and serialises transactions itself.
    transaction: (fn) => pg.transaction((tx) => fn(asSql(tx))),
    close: () => pg.close(),
  };
}
