import type { ImportKind } from '@stockwise/domain/imports/import-formats';
import { DomainError } from '@stockwise/domain/errors';
import type { StagedRow } from '@stockwise/db/imports/imports.repository';
import { importsRepository } from '@stockwise/db/imports/imports.repository';
import { importChunksRepository } from '@stockwise/db/imports/import-chunks.repository';
import type { Actor } from '../accounts/actor';
import type { Transactor } from '../platform/transactor';
import type { ImportApplier, ImportServices } from './appliers/apply-context';
import { stagedGroups } from './appliers/apply-context';
import type { RejectedRow } from './import-result';
import { MAX_REPORTED } from './import-result';
import { checkCounts } from './appliers/count-precheck';
import { checkProducts } from './appliers/products-precheck';
import { yieldToEventLoop } from '../platform/event-loop';

/** Staged order lines read per query: a chunk's 1,000 lines and the orders that straddle its end. */
const ORDER_PAGE = 1100;

/**
 * Kinds applied in committed chunks of whole staged groups (docs/architecture.md "Imports"), and how many
 * staged lines a chunk takes: locks are held for that many lines' work at most. By lines only (not time),
 * so a file of one chunk is all or nothing on any machine.
 */
export const CHUNKED_KINDS: Partial<Record<ImportKind, ChunkedKind>> = {
  // An order's lines are read with its chunk: a page of exactly `lines` rows ended inside the chunk's last
  // order, so every chunk read a second page to finish it and dropped most of it (a tenth of a chunk's SQL).
  orders: { lines: 1000, page: ORDER_PAGE },
  'amazon-orders': { lines: 1000, page: ORDER_PAGE },
  // Every kind's chunk is written set-based, a few statements each as long as its lines make it. A count
  // writes a balance, a movement and a layer per line, so 500 of them; a product one row, so 1,000. Measured on
  // PGlite, that keeps every statement well under 100 ms of CPU, so the database answers requests in between;
  // smaller ones cost more statements (60,000 products staged and applied 500 lines at a time took a third
  // more CPU than with 2,000-line staging pages and 1,000-line chunks).
  stock: { lines: 500, page: 501, check: checkCounts },
  products: { lines: 1000, page: 1001, check: checkProducts },
};

interface ChunkedKind {
  lines: number;
  /** Staged rows read per query (default APPLY_PAGE); lines + 1 reads a chunk of one-line groups at once. */
  page?: number;
  /** Refuses the file, naming the line, before the first chunk commits (without skipInvalid). */
  check?: (tx: Transactor, q: PrecheckQuery) => Promise<void>;
}

/** What a precheck reads: the import, and the shutdown signal it stops on between pages. */
export interface PrecheckQuery {
  actor: Actor;
  importId: number;
  signal?: AbortSignal | undefined;
}

/** Staged order lines per chunk. */
export const ORDER_CHUNK_LINES = CHUNKED_KINDS.orders?.lines ?? 200;

/**
 * Applies an import's staged groups (an order's lines; a SKU's count) a chunk at a time, each chunk in its
 * own transaction that also deletes the chunk's staged rows and adds what it changed to the import's running
 * result: a crash (or a refused line) keeps the committed chunks, and applying the import again goes on with
 * the groups left, so each is applied exactly once. Live orders and other requests run between chunks.
 */
export async function applyInChunks(
  tx: Transactor,
  services: ImportServices,
  q: {
    actor: Actor;
    importId: number;
    applier: ImportApplier;
    location: string | undefined;
    reject: (row: RejectedRow) => void;
    onProgress?: ((done: number, total: number) => void) | undefined;
    kind: ChunkedKind;
    /** Shutdown: stop before the next chunk (throws the signal's reason); applying again goes on from there. */
    signal?: AbortSignal | undefined;
  },
): Promise<void> {
  const { actor, importId } = q;
  const before = await importsRepository.find(tx.sql, actor.accountId, importId);
  if (before?.status === 'staging' && !before.skipInvalid) await q.kind.check?.(tx, q);
  const total = await importsRepository.countStaged(tx.sql, importId);
  let after: string | null = null;
  let done = 0;
  for (;;) {
    q.signal?.throwIfAborted();
    const chunk = await tx.run(async (sql) => {
      const record = await importsRepository.find(sql, actor.accountId, importId, { lock: true });
      if (record?.status !== 'staging') throw new DomainError('CONFLICT', `import ${importId} is not staged`);
      const taken = boundedGroups(stagedGroups(sql, importId, after, q.kind.page), q.kind.lines);
      let rejected = 0;
      const changed = await q.applier({
        sql,
        actor,
        importId,
        services,
        progress: () => undefined,
        location: q.location,
        skipInvalid: record.skipInvalid,
        reject: (row) => {
          rejected += 1;
          q.reject(row);
        },
        groups: taken.groups,
      });
      if (taken.last.key === null) return null;
      const lines = await importChunksRepository.deleteStagedKeys(sql, importId, {
        after,
        through: taken.last.key,
      });
      await importChunksRepository.saveProgress(sql, importId, {
        result: addCounts(record.result ?? {}, {
          ...changed,
          ...(rejected > 0 ? { rowsNotApplied: rejected } : {}),
        }),
        appliedThrough: record.appliedThrough + lines,
        rowsRejected: record.rowsRejected + rejected,
      });
      return { last: taken.last.key, lines };
    });
    if (!chunk) return;
    after = chunk.last;
    done += chunk.lines;
    q.onProgress?.(done, Math.max(total, done));
    await yieldToEventLoop();
  }
}

/** The first groups of `source` up to `lines` staged lines, and the last key taken. */
function boundedGroups(source: AsyncGenerator<StagedRow[]>, lines: number) {
  const last: { key: string | null } = { key: null };
  async function* take(): AsyncGenerator<StagedRow[]> {
    let taken = 0;
    for await (const group of source) {
      last.key = group[0]?.key ?? last.key;
      yield group;
      taken += group.length;
      if (taken >= lines) return;
    }
  }
  return { last, groups: take() };
}

/**
 * The running result plus one chunk's: numbers add up, lists (a count's differences) join up to
 * MAX_REPORTED entries, anything else is the latest.
 */
function addCounts(sum: Record<string, unknown>, chunk: Record<string, unknown>): Record<string, unknown> {
  const out = { ...sum };
  for (const [k, v] of Object.entries(chunk)) {
    const before = out[k];
    if (typeof v === 'number' && typeof before === 'number') out[k] = before + v;
    else if (Array.isArray(v) && Array.isArray(before))
      out[k] = [...(before as unknown[]), ...(v as unknown[])].slice(0, MAX_REPORTED);
    else out[k] = v;
  }
  return out;
}
