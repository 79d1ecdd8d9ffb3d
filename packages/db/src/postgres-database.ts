import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database, QueryOptions, Sql } from './database';
import { valueParsers } from './database';

const builtinParser = pg.types.getTypeParser as (oid: number, format: 'text') => (text: string) => unknown;
const types = {
  getTypeParser: ((oid: number) =>
    valueParsers[oid] ?? builtinParser(oid, 'text')) as typeof pg.types.getTypeParser,
};

const statementNames = new Map<string, string>();

/** The same text always gets the same statement name, so each connection prepares it once. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `sw_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * Server-side limits of every session (docs/architecture.md, errors): a transaction left idle (a
 * crashed request) is ended by the server instead of holding its locks; no statement runs forever.
 */
export const SESSION_LIMITS = {
  idleInTransactionMs: 60_000,
  statementMs: 15 * 60_000,
} as const;

/** SQLSTATE classes and socket errors that mean the connection is gone, not that the request was wrong. */
const CONNECTION_LOST_STATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const CONNECTION_LOST_ERRNOS = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);

/** Whether `error` says the database connection was lost or refused (retry later), per its code or pg's message. */
export function isConnectionLost(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (CONNECTION_LOST_STATES.has(code) || CONNECTION_LOST_ERRNOS.has(code)))
    return true;
  return /Connection terminated|connection error and is not queryable|terminating connection/i.test(
    error.message,
  );
}

/** A PostgreSQL server through a connection pool. */
export function openPostgresDatabase(connectionString: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    types,
    options: `-c idle_in_transaction_session_timeout=${SESSION_LIMITS.idleInTransactionMs} -c statement_timeout=${SESSION_LIMITS.statementMs}`,
  });
  pool.on('error', () => {
    /* an idle client lost its connection: the pool drops it; the next query gets a fresh one */
  });
  // Every client, for its whole life: a backend killed while the client is checked out (or just after
  // it was destroyed) emits 'error' on the client, which without a listener would end the process.
  pool.on('connect', (client) => {
    client.on('error', () => {
      /* the query in flight (if any) fails with the same error; transaction() destroys the client */
    });
  });
  const asSql = (runner: pg.Pool | pg.PoolClient): Sql => ({
    async query<Row extends object>(text: string, params?: readonly unknown[], options?: QueryOptions) {
      const values = params ? [...params] : [];
      const result = options?.prepare
        ? await runner.query<Row>({ name: statementName(text), text, values })
        : await runner.query<Row>(text, values);
      return result.rows;
    },
    async exec(text: string) {
      await runner.query(text);
    },
  });
  return {
    kind: 'postgres',
    ...asSql(pool),
    async transaction(fn) {
      const client = await pool.connect();
      let lost: Error | undefined;
      const onError = (error: Error) => {
        lost = error;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const value = await fn(asSql(client));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        if (isConnectionLost(error)) lost ??= error as Error;
        if (!lost) await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.off('error', onError);
        // A broken client is destroyed rather than handed to the next request.
        client.release(lost ?? false);
      }
    },
    close: () => pool.end(),
  };
}
