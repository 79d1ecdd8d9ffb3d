import { afterAll, beforeAll, expect, it } from 'vitest';
import { firstRow, onlyRow, type Database } from '@stockwise/db/database';
import { describeEachBackend } from '../support/backends';

describeEachBackend('firstRow and onlyRow', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await backend.open());
  });
  afterAll(async () => {
    await drop();
  });

  const pick = 'SELECT v FROM (VALUES (1), (2)) AS t(v) WHERE v >= $1 ORDER BY v';

  it('firstRow maps the first row the statement gives back, and is undefined when it gives none', async () => {
    expect(await firstRow(db, pick, [1], (r: { v: number }) => r.v * 10)).toBe(10);
    expect(await firstRow(db, pick, [2], (r: { v: number }) => r.v * 10)).toBe(20);
    expect(await firstRow(db, pick, [3], (r: { v: number }) => r.v * 10)).toBeUndefined();
  });

  it('onlyRow maps the row, and throws when the statement gives back none', async () => {
    expect(await onlyRow(db, pick, [2], (r: { v: number }) => r.v)).toBe(2);
    await expect(onlyRow(db, pick, [3], (r: { v: number }) => r.v)).rejects.toThrow(/gave back no row/);
  });
});
