import type { Permission } from '@stockwise/domain/accounts/roles';
import { can } from '@stockwise/domain/accounts/roles';
import { DomainError } from '@stockwise/domain/errors';
import type { Principal } from '@stockwise/db/accounts/credentials.repository';
import { auditRepository } from '@stockwise/db/accounts/audit.repository';
import type { Sql } from '@stockwise/db/database';
import type { Transactor } from '../platform/transactor';

/** The authenticated caller every service method receives; its accountId scopes every query. */
export type Actor = Principal;

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw new DomainError('FORBIDDEN', `role ${actor.role} may not do this (needs ${permission})`);
  }
}

export function auditActor(actor: Actor): {
  accountId: number;
  actorUserId: number;
  actorTokenId: number | null;
} {
  return { accountId: actor.accountId, actorUserId: actor.userId, actorTokenId: actor.tokenId };
}

/** The caller's audit trail inside one transaction: every audited write records itself here. */
export interface AuditTrail {
  /** Records `action` on the entity `[type, id]`, with its state before and after (null for a creation or a deletion). */
  record(
    action: string,
    entity: readonly [type: string, id: string],
    before: unknown,
    after: unknown,
  ): Promise<void>;
  /** Records `action` on each change, in one statement. */
  recordMany(action: string, changes: readonly AuditedChange<unknown>[]): Promise<void>;
}

export function auditTrail(sql: Sql, actor: Actor): AuditTrail {
  const recordMany: AuditTrail['recordMany'] = (action, changes) =>
    auditRepository.recordMany(
      sql,
      changes.map(({ entity: [entityType, entityId], before, after }) => ({
        ...auditActor(actor),
        action,
        entityType,
        entityId,
        before,
        after,
      })),
    );
  return {
    record: (action, entity, before, after) => recordMany(action, [{ entity, before, after }]),
    recordMany,
  };
}

/** What one audited write changed: the entity `[type, id]`, its state before (null for a creation) and after. */
export interface AuditedChange<T> {
  entity: readonly [type: string, id: string];
  before: T | null;
  after: T;
}

/**
 * One audited write: runs `write` in one transaction and records `action` on what it changed in that
 * transaction; answers the state after. The caller has checked the actor's permission.
 */
export async function auditedWrite<T>(
  tx: Transactor,
  actor: Actor,
  action: string,
  write: (sql: Sql) => Promise<AuditedChange<T>>,
): Promise<T> {
  return tx.run(async (sql) => {
    const { entity, before, after } = await write(sql);
    await auditTrail(sql, actor).record(action, entity, before, after);
    return after;
  });
}
