import pg from 'pg';
import type { Database, Sql } from './database';
import { valueParsers } from './database';

const builtinParser = pg.types.getTypeParser as (oid: number, format: 'text') => (text: string) => unknown;
const types = {
  getTypeParser: ((oid: number) => valueParsers[oid] ?? builtinParser(oid, 'text')) as typeof pg.types.getTypeParser,
};

/** A PostgreSQL server through a connection pool. */
export function openPostgresDatabase(connectionString: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, types });
  pool.on('error', () => {
    /* idle client errors surface on the next query */
  });
  const asSql = (runner: pg.Pool | pg.PoolClient): Sql => ({
    async query<Row extends object>(text: string, params?: readonly unknown[]) {
      const result = await runner.query<Row>(text, params ? [...params] : []);
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
