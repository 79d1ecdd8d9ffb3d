import type { Permission } from '@stockwise/domain/accounts/roles';
import { can } from '@stockwise/domain/accounts/roles';
import { DomainError } from '@stockwise/domain/errors';
import type { Principal } from '@stockwise/db/accounts/credentials.repository';
import { auditRepository } from '@stockwise/db/accounts/audit.repository';
import type { Sql } from '@stockwise/db/database';

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
}

export function auditTrail(sql: Sql, actor: Actor): AuditTrail {
  return {
    async record(action, [entityType, entityId], before, after) {
      await auditRepository.record(sql, {
        ...auditActor(actor),
        action,
        entityType,
        entityId,
        before,
        after,
      });
    },
  };
}
