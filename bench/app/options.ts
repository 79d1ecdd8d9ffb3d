/** Command-line flags and the PostgreSQL server of the dashboard benches (run.ts, snapshots.ts). */

/** The value after `--name`, else `fallback`. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

/** Where scratch PostgreSQL databases are made. */
export const PG_URL =
  process.env['BENCH_DATABASE_URL'] ??
  process.env['TEST_DATABASE_URL'] ??
  'postgres://postgres@127.0.0.1:5432/postgres';
