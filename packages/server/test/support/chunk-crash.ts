import { createReadStream } from 'node:fs';
import { expect } from 'vitest';
import type { ImportKind } from '@stockwise/domain/imports/import-formats';
import type { Actor } from '../../src/accounts/actor';
import type { ImportApplier } from '../../src/imports/appliers/apply-context';
import { applyInChunks, CHUNKED_KINDS } from '../../src/imports/chunked-orders';
import type { Stockwise } from '../../src/stockwise';

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
