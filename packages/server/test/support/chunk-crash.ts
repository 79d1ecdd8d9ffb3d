import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ImportKind } from '@stockwise/domain/imports/import-formats';
import type { Actor } from '../../src/accounts/actor';
import type { ImportApplier } from '../../src/imports/appliers/apply-context';
import { applyInChunks, CHUNKED_KINDS } from '../../src/imports/chunked-orders';
import type { Stockwise } from '../../src/stockwise';

/** `rows` written as a CSV file `name` in a new temporary folder: its path and its SHA-256 hash. */
export function csvFile(name: string, rows: readonly string[]): { path: string; fileHash: string } {
  const text = `${rows.join('\n')}\n`;
  const path = join(mkdtempSync(join(tmpdir(), 'stockwise-chunks-')), name);
  writeFileSync(path, text);
  return { path, fileHash: createHash('sha256').update(text).digest('hex') };
}

/** How many of the import's lines are still staged: none once it is wholly applied. */
export async function stagedRows(sw: Stockwise, importId: number): Promise<number> {
  const [row] = await sw.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM import_rows WHERE import_id = $1',
    [importId],
  );
  return row?.n ?? 0;
}

/**
 * Stages a file, then applies it in chunks of `lines` staged lines and "crashes" (the progress callback
 * throws) once the first chunk has committed. Returns the import's id.
 */
export async function crashAfterFirstChunk(
  sw: Stockwise,
  actor: Actor,
  q: { kind: ImportKind; file: { path: string; fileHash: string }; applier: ImportApplier; lines: number },
): Promise<number> {
  const staged = await sw.imports.stage(actor, {
    kind: q.kind,
    source: createReadStream(q.file.path),
    fileHash: q.file.fileHash,
  });
  const crash = applyInChunks(sw.tx, sw, {
    actor,
    importId: staged.importId,
    applier: q.applier,
    location: undefined,
    reject: () => undefined,
    kind: { ...CHUNKED_KINDS[q.kind], lines: q.lines },
    onProgress: () => {
      throw new Error('killed');
    },
  });
  await expect(crash).rejects.toThrow('killed');
  return staged.importId;
}
