import { DomainError } from '@stockwise/domain/errors';
import type { Sql } from '@stockwise/db/database';
import type { BatchInsert, ItemKey } from '@stockwise/db/ledger/ledger.repository';
import { ledgerRepository } from '@stockwise/db/ledger/ledger.repository';
import type { Actor } from '../accounts/actor';
import type { LedgerEntry, PostOptions, PostResult } from './ledger.service';

/** The batch row for these entries: its kind defaults to the first entry's movement type. */
export function batchInsert(
  actor: Actor,
  entries: readonly LedgerEntry[],
  options: PostOptions,
): BatchInsert {
  return {
    accountId: actor.accountId,
    idempotencyKey: options.idempotencyKey ?? null,
    kind: options.kind ?? entries[0]!.request.type,
    actorUserId: actor.userId,
    actorTokenId: actor.tokenId,
    note: options.note ?? null,
  };
}

/** The answer to a batch whose idempotency key was used before: the first batch, nothing written. */
export async function replayedBatch(sql: Sql, batch: BatchInsert): Promise<PostResult> {
  const existing = batch.idempotencyKey
    ? await ledgerRepository.findBatchByKey(sql, batch.accountId, batch.idempotencyKey)
    : undefined;
  if (!existing) throw new Error('a batch was refused as a replay without an earlier batch of that key');
  return { batchId: existing.id, replayed: true };
}

/** Throws INSUFFICIENT_STOCK for a line whose guarded balance update was refused, with the balance as it stands. */
export async function refuseLine(
  sql: Sql,
  accountId: number,
  line: { index: number; entry: LedgerEntry; item: ItemKey },
): Promise<never> {
  const current = await ledgerRepository.findBalance(sql, accountId, line.item);
  throw new DomainError(
    'INSUFFICIENT_STOCK',
    `not enough stock of ${line.entry.sku} at ${line.entry.location} for this ${line.entry.request.type}`,
    {
      field: `${line.index}`,
      details: {
        skus: [line.entry.sku],
        location: line.entry.location,
        onHand: current?.onHand ?? 0,
        available: (current?.onHand ?? 0) - (current?.reserved ?? 0),
        unfulfillable: current?.unfulfillable ?? 0,
      },
    },
  );
}
