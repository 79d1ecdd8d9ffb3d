import { DomainError } from '@stockwise/domain/errors';
import type { Sql } from '@stockwise/db/database';
import { locationsRepository } from '@stockwise/db/catalog/locations.repository';
import { importsRepository } from '@stockwise/db/imports/imports.repository';
import { salesHistoryRepository } from '@stockwise/db/sales/sales-history.repository';
import type { Actor } from '../accounts/actor';
import { yieldToEventLoop } from '../platform/event-loop';
import type { Transactor } from '../platform/transactor';

/** Staged lines applied per transaction: short enough that no lock is held for long. */
export const APPLY_CHUNK_LINES = 5000;

/**
 * Applies a sales history's demand in chunks of staged lines, each in its own transaction that also
 * records how far it got (`applied_through`): a crash resumes after the last committed chunk, so the
 * file is applied exactly once, and the embedded database answers other requests between chunks.
 * Returns the location the demand was recorded at.
 */
export async function applySalesDemandInChunks(
  tx: Transactor,
  q: {
    actor: Actor;
    importId: number;
    location: string | undefined;
    onProgress?: ((done: number, total: number) => void) | undefined;
    /** Shutdown: stop before the next chunk (throws the signal's reason). */
    signal?: AbortSignal | undefined;
  },
): Promise<{ code: string }> {
  const { actor, importId } = q;
  const accountId = actor.accountId;
  const { location, last } = await tx.run(async (sql) => {
    const record = await importsRepository.find(sql, accountId, importId, { lock: true });
    if (record?.status !== 'staging') throw new DomainError('CONFLICT', `import ${importId} is not staged`);
    // Idempotent: creating missing SKUs and flagging non-stock ones may run again on a resume.
    await salesHistoryRepository.createProducts(sql, accountId, importId);
    await salesHistoryRepository.markNonStock(sql, accountId, importId);
    return {
      location: await demandLocation(sql, accountId, q.location),
      last: await importsRepository.maxStagedLine(sql, importId),
    };
  });
  for (let from = 0; from <= last; from += APPLY_CHUNK_LINES) {
    const to = Math.min(from + APPLY_CHUNK_LINES, last + 1);
    q.signal?.throwIfAborted();
    await tx.run(async (sql) => {
      const record = await importsRepository.find(sql, accountId, importId, { lock: true });
      if (!record || record.appliedThrough >= to) return;
      await salesHistoryRepository.addDemand(sql, accountId, { importId, locationId: location.id, from, to });
      await importsRepository.setAppliedThrough(sql, importId, to);
    });
    q.onProgress?.(to, last + 1);
    await yieldToEventLoop();
  }
  return { code: location.code };
}

async function demandLocation(sql: Sql, accountId: number, code: string | undefined) {
  const location = code
    ? await locationsRepository.findByCode(sql, accountId, code)
    : (await locationsRepository.listAll(sql, accountId)).find((l) => l.active);
  if (!location)
    throw new DomainError(
      'UNKNOWN_LOCATION',
      code ? `unknown location ${code}` : 'no location to record the sales at: create one first',
      { field: 'location' },
    );
  return location;
}
