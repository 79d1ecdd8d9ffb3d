import type { Sql } from './database';

/**
 * Bulk writes: rows go to PostgreSQL as one array per column (`unnest($2::bigint[], …)`), a few
 * thousand rows per statement.
 */

/** Rows per bulk statement: large enough that a big load takes few statements, small enough to stay light. */
export const BULK_CHUNK = 5000;

/** Consecutive slices of `rows` of at most `size` rows, in order. */
export function* chunks<T>(rows: readonly T[], size: number = BULK_CHUNK): Generator<readonly T[]> {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}

/** unnest() parameters: one array per field of `fields`, in that order, each with a value per row. */
export function columnArrays<Row, Field extends keyof Row>(
  rows: readonly Row[],
  fields: readonly Field[],
): Row[Field][][] {
  return fields.map((field) => rows.map((row) => row[field]));
}

/**
 * Runs `load` (bulk inserts into `tables`) with each table's secondary indexes and its own foreign keys
 * taken off first and put back after, in the caller's transaction, when the load adds at least as many
 * rows as the first table holds (docs/decisions.md 57). Maintaining seven indexes and checking three
 * foreign keys row by row made the demo's 1 M movements cost minutes on PGlite; building an index from
 * its table is one sort, and adding a foreign key checks every row in one join. The definitions are read
 * from the catalogue and put back as they were; a row the load got wrong fails the key's check and the
 * transaction rolls back. Primary keys and unique indexes stay (other tables' keys, and conflict targets,
 * depend on them). Taking an index off locks the table against every other session until the
 * transaction ends: only for a database no other session shares (the embedded one).
 */
export async function withIndexesRebuilt<T>(
  sql: Sql,
  q: { tables: readonly string[]; rowsAdded: number },
  load: () => Promise<T>,
): Promise<T> {
  const [first] = q.tables;
  if (first === undefined || q.rowsAdded < (await rowsHeld(sql, first))) return load();
  const [indexes, keys] = await Promise.all([
    sql.query<{ name: string; definition: string }>(
      `SELECT quote_ident(n.nspname) || '.' || quote_ident(i.relname) AS name,
              pg_get_indexdef(x.indexrelid) AS definition
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
        WHERE x.indrelid = ANY($1::regclass[]) AND NOT x.indisunique AND NOT x.indisprimary
        ORDER BY i.relname`,
      [q.tables],
    ),
    sql.query<{ tableName: string; name: string; definition: string }>(
      `SELECT c.conrelid::regclass::text AS "tableName", quote_ident(c.conname) AS name,
              pg_get_constraintdef(c.oid) AS definition
         FROM pg_constraint c
        WHERE c.conrelid = ANY($1::regclass[]) AND c.contype = 'f'
        ORDER BY c.conname`,
      [q.tables],
    ),
  ]);
  for (const k of keys) await sql.query(`ALTER TABLE ${k.tableName} DROP CONSTRAINT ${k.name}`);
  for (const i of indexes) await sql.query(`DROP INDEX ${i.name}`);
  const result = await load();
  for (const i of indexes) await sql.query(i.definition);
  for (const k of keys)
    await sql.query(`ALTER TABLE ${k.tableName} ADD CONSTRAINT ${k.name} ${k.definition}`);
  return result;
}

/** The table's row count: the planner's estimate once it has one, else counted. */
async function rowsHeld(sql: Sql, table: string): Promise<number> {
  const [estimate] = await sql.query<{ rows: number }>(
    `SELECT reltuples::bigint AS rows FROM pg_class WHERE oid = $1::regclass`,
    [table],
  );
  if (estimate && estimate.rows >= 0) return estimate.rows;
  const [counted] = await sql.query<{ rows: number }>(`SELECT count(*) AS rows FROM ${table}`);
  return counted?.rows ?? 0;
}
