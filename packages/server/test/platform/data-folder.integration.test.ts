import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { isFatalPgliteError, openPgliteDatabase } from '@stockwise/db/pglite-database';

/** Every path under `dir` whose mode lets group or others in. */
function exposed(dir: string): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    const stat = statSync(path);
    if ((stat.mode & 0o077) !== 0) found.push(`${path} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
  };
  walk(dir);
  return found;
}

describe('The embedded data folder is private to its owner', () => {
  const root = mkdtempSync(join(tmpdir(), 'sw-modes-'));
  const data = join(root, 'data');
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('is created 0700 with files 0600, and an existing folder is fixed at the next start', async () => {
    const db = await openPgliteDatabase(data);
    await db.exec('CREATE TABLE t (x int); INSERT INTO t VALUES (1)');
    await db.close();
    expect(statSync(data).mode & 0o777).toBe(0o700);
    expect(readdirSync(data).length).toBeGreaterThan(5);
    expect(exposed(data)).toEqual([]);

    // A folder left by an older version: world-readable files and folders.
    chmodSync(data, 0o755);
    chmodSync(join(data, 'global'), 0o777);
    chmodSync(join(data, 'global', 'pg_control'), 0o666);
    chmodSync(join(data, 'PG_VERSION'), 0o644);
    expect(exposed(data).length).toBeGreaterThanOrEqual(4);
    const again = await openPgliteDatabase(data);
    expect((await again.query<{ x: number }>('SELECT x FROM t'))[0]?.x).toBe(1);
    await again.close();
    expect(exposed(data)).toEqual([]);
  });
});

describe('A PGlite PANIC ends the process (the supervisor restarts it on the intact folder)', () => {
  it('tells a PANIC or a WebAssembly abort from an ordinary SQL error', () => {
    expect(
      isFatalPgliteError(Object.assign(new Error('could not write to file'), { severity: 'PANIC' })),
    ).toBe(true);
    expect(isFatalPgliteError(new Error('PANIC: could not write to file "pg_wal/xlogtemp.1"'))).toBe(true);
    expect(isFatalPgliteError(new WebAssembly.RuntimeError('unreachable'))).toBe(true);
    expect(isFatalPgliteError(new Error('Aborted(). Build with -sASSERTIONS for more info.'))).toBe(true);
    expect(isFatalPgliteError(Object.assign(new Error('syntax error'), { severity: 'ERROR' }))).toBe(false);
    expect(isFatalPgliteError(new Error('duplicate key value violates unique constraint'))).toBe(false);
  });

  it('an ordinary error reaches the caller and leaves the database serving', async () => {
    const onFatal = vi.fn();
    const db = await openPgliteDatabase(undefined, { onFatal });
    await expect(db.query('SELEC 1')).rejects.toThrow(/syntax/);
    await expect(db.transaction((tx) => tx.query('SELECT 1/0'))).rejects.toThrow(/division by zero/);
    expect((await db.query<{ n: number }>('SELECT 1 AS n'))[0]?.n).toBe(1);
    expect(onFatal).not.toHaveBeenCalled();
    await db.close();
  });
});
