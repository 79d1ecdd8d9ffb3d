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

/** A PostgreSQL server through a connection pool. */
export function openPostgresDatabase(connectionString: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, types });
  pool.on('error', () => {
    /* idle client errors surface on the next query */
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
      try {
        await client.query('BEGIN');
        const value = await fn(asSql(client));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
