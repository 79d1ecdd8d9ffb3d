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
